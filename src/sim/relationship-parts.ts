// Why each account's relationship moved in a quarter, in the resolver's own terms (CALLPLAN
// carry-over, resolve/accounts.ts): R' = λ·R + (1 − λ)·r(calls), split into what carry-over lets
// fade, the routine contact the curve gives with no calls (its floor b), the quarter's
// relationship calls, and an investigation's visits to the dispute's account. Read only: nothing
// here changes a result, and the parts add up to the change the resolver makes.
import { INVESTIGATION_EFFORT, adbudg, fix, nextRelationship } from './model';
import { moraleFactors } from './dispute';
import type { GameState, Move, Scenario } from './types';

export interface RelationshipParts {
  account: string;
  before: number;
  /** The relationship the quarter leaves (what the resolver computes). */
  after: number;
  /** −(1 − λ)·R: the share of the relationship carry-over does not keep. */
  decay: number;
  /** (1 − λ)·b: what the account's routine contact gives with no calls. */
  routine: number;
  /** (1 − λ)·(r(calls) − b): the quarter's relationship calls on the account. */
  calls: number;
  /** (1 − λ)·(r(calls + visits) − r(calls)): the investigation's visits, which are calls too. */
  visits: number;
  /** What the clamp to [0, 1] and the rounding to the model's precision add (≈ 0). */
  rounding: number;
}

/**
 * The parts of every active account's relationship change in the quarter `state` plans (its
 * dispute choices made), played with `moves`.
 */
export function relationshipParts(scenario: Scenario, state: GameState, moves: readonly Move[]): RelationshipParts[] {
  const carryover = scenario.model.relationshipCarryover;
  const curve = scenario.moves.relationship.response;
  const sales = moraleFactors(state).sales;
  const investigated = state.dispute !== null && state.dispute.investigation?.quarter === state.quarter ? state.dispute.account : null;
  return state.accounts
    .filter((a) => a.active)
    .map((a) => {
      // As the tally adds them: the calls at the sales side's morale, then the investigation's visits.
      const calls = (moves.find((m) => m.kind === 'relationship' && m.target === a.id)?.points ?? 0) * sales;
      const withVisits = a.id === investigated ? calls + INVESTIGATION_EFFORT * sales : calls;
      const after = fix(nextRelationship(a.relationship, carryover, adbudg(withVisits, curve)));
      const decay = -(1 - carryover) * a.relationship;
      const routine = (1 - carryover) * curve.b;
      const called = (1 - carryover) * (adbudg(calls, curve) - curve.b);
      const visits = (1 - carryover) * (adbudg(withVisits, curve) - adbudg(calls, curve));
      return { account: a.id, before: a.relationship, after, decay, routine, calls: called, visits, rounding: after - a.relationship - (decay + routine + called + visits) };
    });
}
