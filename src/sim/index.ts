// The model's public surface: what the flow, the scenario loader, the tools and the scenes use.
export * from './types';
export * from './moves';
export { createGame } from './init';
export { resolveQuarter, resolveValidQuarter, InvalidDecisionError, RESOLUTION_ORDER } from './resolve';
export { validateDecision, validateMove, effortAvailable, effortOf, type Verdict } from './validate';
export {
  DISPUTE_OPTION_INFO,
  SIDE_WANTS,
  availableDisputeOptions,
  decideDispute,
  disputeEffort,
  isFinalOption,
  moraleFactors,
  reactionOf,
  validateDisputeOption,
  type Side,
} from './dispute';
export { scoreCard, portfolioHealth } from './score';
export { canonicalJson, hashString, hashValue } from './hash';
export { playBot, playSteps, ReplayMismatchError, type Step, type PlayedGame, type PlayOptions } from './play';
export { BOTS, botNamed, type Bot } from './bots/strategies';
export { stateHash } from './state-hash';
export { projectQuarter, neutralLuck } from './project';
