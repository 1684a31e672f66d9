// The quarter's effort budget: what the scenario gives, less what the dispute has reserved (a
// joint meeting, an investigation, a migration plan — each option's cost, side and quarters are
// its row of the dispute options' table).
import { DISPUTE_OPTION_INFO, type DisputeOption, type DisputeOptionInfo } from './dispute-options';
import type { Decision, GameState, Scenario } from './types';

const MEETING = DISPUTE_OPTION_INFO['joint-meeting'];
const INVESTIGATION = DISPUTE_OPTION_INFO.investigate;
const MIGRATION = DISPUTE_OPTION_INFO['phase-out'];

/** What the dispute reserves this quarter, by side: reserve()'s result, reused by every call. */
const reserved = { sales: 0, joint: 0 };

/** Adds what `option`, chosen before quarter `chosenIn` (null: not chosen), takes from quarter `q` to its side. */
function take(option: DisputeOptionInfo, chosenIn: number | null, q: number): void {
  if (chosenIn === null || option.side === null || q < chosenIn || q >= chosenIn + option.quarters) return;
  reserved[option.side] += option.effort;
}

/** Works out what the dispute takes from the state's quarter into `reserved`: no object per call, as the bots ask for the budget many times a quarter. */
function reserve(state: GameState): void {
  reserved.sales = reserved.joint = 0;
  const d = state.dispute;
  if (d === null) return;
  const q = state.quarter;
  take(MEETING, d.jointMeetingQuarter, q);
  if (d.investigation !== null) take(INVESTIGATION, d.investigation.quarter, q);
  if (d.option === 'phase-out') take(MIGRATION, d.decidedInQuarter, q);
}

/** Effort points the dispute takes out of the current quarter's budget, by side. */
export function disputeEffort(state: GameState): { sales: number; joint: number } {
  if (state.dispute === null) return NO_EFFORT;
  reserve(state);
  if (reserved.sales === 0 && reserved.joint === 0) return NO_EFFORT;
  return { sales: reserved.sales, joint: reserved.joint };
}
const NO_EFFORT = { sales: 0, joint: 0 } as const;

/** The quarter's effort budget less what the dispute has taken. */
export function effortAvailable(scenario: Scenario, state: GameState): number {
  if (state.dispute === null) return scenario.effortBudget;
  reserve(state);
  return scenario.effortBudget - reserved.sales - reserved.joint;
}

/** The points a decision plans, added up in the order of its moves. */
export function effortOf(decision: Decision): number {
  let total = 0;
  for (const move of decision.moves) total += move.points;
  return total;
}

/** What choosing `option` now would take from this quarter's budget. */
export function optionEffort(option: DisputeOption): number {
  return DISPUTE_OPTION_INFO[option].effort;
}
