// The quarter's effort budget: what the scenario gives, less what the dispute has reserved (a
// joint meeting, an investigation, a migration plan — each option's cost, side and quarters are
// its row of the dispute options' table).
import { DISPUTE_OPTION_INFO, type DisputeEffortSide, type DisputeOption, type DisputeOptionInfo } from './dispute-options';
import type { Decision, GameState, Scenario } from './types';

const MEETING = DISPUTE_OPTION_INFO['joint-meeting'];
const INVESTIGATION = DISPUTE_OPTION_INFO.investigate;
const MIGRATION = DISPUTE_OPTION_INFO['phase-out'];

/** What `option`, chosen before quarter `chosenIn` (null: not chosen), takes from quarter `q`, if it is `side`'s effort (null: either side's). */
function takes(option: DisputeOptionInfo, chosenIn: number | null, q: number, side: DisputeEffortSide | null): number {
  if (chosenIn === null || option.side === null || (side !== null && option.side !== side)) return 0;
  return q >= chosenIn && q < chosenIn + option.quarters ? option.effort : 0;
}

/** The effort the dispute takes from the state's quarter: `side`'s, or both sides' for null. No object per call: the bots ask for the budget many times a quarter. */
function reserved(state: GameState, side: DisputeEffortSide | null): number {
  const d = state.dispute;
  if (d === null) return 0;
  const q = state.quarter;
  let points = takes(MEETING, d.jointMeetingQuarter, q, side);
  if (d.investigation !== null) points += takes(INVESTIGATION, d.investigation.quarter, q, side);
  if (d.option === 'phase-out') points += takes(MIGRATION, d.decidedInQuarter, q, side);
  return points;
}

/** Effort points the dispute takes out of the current quarter's budget, by side. */
export function disputeEffort(state: GameState): { sales: number; joint: number } {
  if (state.dispute === null) return NO_EFFORT;
  const sales = reserved(state, 'sales');
  const joint = reserved(state, 'joint');
  return sales === 0 && joint === 0 ? NO_EFFORT : { sales, joint };
}
const NO_EFFORT = { sales: 0, joint: 0 } as const;

/** One dispute option's hold on the current quarter's budget: what it is, whose effort, how many points. */
export interface Reservation {
  option: 'joint-meeting' | 'investigate' | 'phase-out';
  side: DisputeEffortSide;
  points: number;
}

/**
 * What the dispute takes from the state's quarter, option by option (a joint meeting, an
 * investigation, a migration plan), for a screen that says where the points went: the same
 * rules as `reserved`, so the points add up to the budget less effortAvailable.
 */
export function disputeReservations(state: GameState): Reservation[] {
  const d = state.dispute;
  if (d === null) return [];
  const q = state.quarter;
  const out: Reservation[] = [];
  const add = (option: Reservation['option'], info: DisputeOptionInfo, chosenIn: number | null) => {
    const points = takes(info, chosenIn, q, null);
    if (points > 0 && info.side !== null) out.push({ option, side: info.side, points });
  };
  add('joint-meeting', MEETING, d.jointMeetingQuarter);
  if (d.investigation !== null) add('investigate', INVESTIGATION, d.investigation.quarter);
  if (d.option === 'phase-out') add('phase-out', MIGRATION, d.decidedInQuarter);
  return out;
}

/** The quarter's effort budget less what the dispute has taken. */
export function effortAvailable(scenario: Scenario, state: GameState): number {
  return state.dispute === null ? scenario.effortBudget : scenario.effortBudget - reserved(state, null);
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
