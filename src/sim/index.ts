// The model's public surface: what the flow, the scenario loader, the tools and the scenes use.
export * from './types';
export * from './moves';
export * from './dispute-options';
export { createGame } from './init';
export { resolveQuarter, resolveValidQuarter, RESOLUTION_ORDER } from './resolve/index';
export { validateDecision, validateMove } from './validate';
export { disputeEffort, effortAvailable, effortOf } from './effort';
export {
  InvalidDecisionError,
  assertNever,
  refusalSummary,
  type DisputeRefusal,
  type DisputeVerdict,
  type MoveRefusal,
  type Refusal,
  type RefusalCode,
  type Verdict,
} from './errors';
export {
  SIDE_WANTS,
  availableDisputeOptions,
  decideDispute,
  moraleFactors,
  reactionOf,
  validateDisputeOption,
  type Side,
} from './dispute';
export { scoreCard, portfolioHealth } from './score';
export { canonicalJson, hashString, hashValue } from './hash';
export { playBot, playStep, playSteps, ReplayMismatchError, type Step, type PlayedGame, type PlayOptions } from './play';
export { BOTS, type Bot } from './bots/strategies';
export { botNamed } from './bots/named';
export { LEAD_BOTS } from './bots/lead-bots';
export { fixedSplit } from './bots/split';
export { askPoints, attainments, bonusOf, heardShare, leadAsks, plans, SIDES } from './leads';
export { stateHash } from './state-hash';
export {
  CONTINUATION,
  FORECAST_FUTURES,
  fitPlan,
  followPlan,
  forecast,
  forecastMoveEffect,
  forecastFutures,
  forecastPlan,
  forecastQuarter,
  type Band,
  type Forecast,
  type ForecastRun,
  type MoveEffect,
} from './forecast';
