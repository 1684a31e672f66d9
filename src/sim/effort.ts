// The quarter's effort budget: what the scenario gives, less what the dispute has reserved (a
// joint meeting, an investigation, a migration plan — each option's cost is in its table row).
import { DISPUTE_OPTION_INFO } from './dispute-options';
import type { Decision, GameState, Scenario } from './types';

const MEETING = DISPUTE_OPTION_INFO['joint-meeting'];
const INVESTIGATION = DISPUTE_OPTION_INFO.investigate;
const MIGRATION = DISPUTE_OPTION_INFO['phase-out'];

/** What one option chosen before quarter `chosenIn` takes from quarter `q`, added to `into` by side. */
function reserve(into: { sales: number; joint: number }, option: (typeof DISPUTE_OPTION_INFO)[keyof typeof DISPUTE_OPTION_INFO], chosenIn: number, q: number): void {
  if (option.side === null || q < chosenIn || q >= chosenIn + option.quarters) return;
  into[option.side] += option.effort;
}

/** Effort points the dispute takes out of the current quarter's budget, by side. */
export function disputeEffort(state: GameState): { sales: number; joint: number } {
  const d = state.dispute;
  if (d === null) return NO_EFFORT;
  const q = state.quarter;
  const taken = { sales: 0, joint: 0 };
  if (d.jointMeetingQuarter !== null) reserve(taken, MEETING, d.jointMeetingQuarter, q);
  if (d.investigation !== null) reserve(taken, INVESTIGATION, d.investigation.quarter, q);
  if (d.option === 'phase-out' && d.decidedInQuarter !== null) reserve(taken, MIGRATION, d.decidedInQuarter, q);
  if (taken.sales === 0 && taken.joint === 0) return NO_EFFORT;
  return taken;
}
const NO_EFFORT = { sales: 0, joint: 0 } as const;

/** The quarter's effort budget less what the dispute has taken. */
export function effortAvailable(scenario: Scenario, state: GameState): number {
  if (state.dispute === null) return scenario.effortBudget;
  const taken = disputeEffort(state);
  return scenario.effortBudget - taken.sales - taken.joint;
}

/** The points a decision plans, added up in the order of its moves. */
export function effortOf(decision: Decision): number {
  let total = 0;
  for (const move of decision.moves) total += move.points;
  return total;
}

/** What choosing `option` now would take from this quarter's budget. */
export function optionEffort(option: keyof typeof DISPUTE_OPTION_INFO): number {
  return DISPUTE_OPTION_INFO[option].effort;
}
