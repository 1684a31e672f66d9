// What each move does when a scenario file leaves it (or all of `moves`) out: offered, with the
// response curve of the flagship scenario, Two Hats. Beside each default: what the curve's
// response means for that move and the ranges worth trying, for the docs and editors' hover help.
// A file that writes the defaults out and one that leaves them out load to the same scenario,
// and so have the same content hash.
import type { MoveKind, ResponseCurve } from '../sim/types';

export interface MoveDefault {
  response: ResponseCurve;
  /** What r(x), the curve's response to x points, does in the model. */
  meaning: string;
  /** Ranges worth trying for a and d (b and c are usually left at the default). */
  suggested: { a: readonly [number, number]; d: readonly [number, number] };
}

const curve = (a: number, b: number, c: number, d: number): ResponseCurve => ({ a, b, c, d });

export const MOVE_DEFAULTS: Record<MoveKind, MoveDefault> = {
  campaign: {
    response: curve(0.25, 0, 2, 4),
    meaning: 'goodwill added to the line this quarter (raised further by research insight)',
    suggested: { a: [0.15, 0.35], d: [2, 9] },
  },
  research: {
    response: curve(0.5, 0, 2, 4),
    meaning: 'insight gained, which makes later campaigns stronger',
    suggested: { a: [0.3, 0.6], d: [2, 9] },
  },
  improve: {
    response: curve(0.12, 0, 2, 4),
    meaning: 'quality added to the line (quality erodes a little every quarter)',
    suggested: { a: [0.08, 0.2], d: [2, 9] },
  },
  price: {
    response: curve(0, 0, 1, 1),
    meaning: 'not used: a price move sets the new price directly (between half and twice the list price), so its curve can be left out',
    suggested: { a: [0, 0], d: [1, 1] },
  },
  brand: {
    response: curve(0.15, 0, 2, 16),
    meaning: 'goodwill added to every active line, at a share of the response',
    suggested: { a: [0.1, 0.25], d: [4, 25] },
  },
  'portfolio-review': {
    response: curve(0.1, 0, 2, 9),
    meaning: 'share of every line’s fixed cost cut this quarter (never below 60% of where it started)',
    suggested: { a: [0.05, 0.15], d: [4, 16] },
  },
  prospecting: {
    response: curve(0.6, 0.03, 2, 16),
    meaning: 'share of the quarter’s leads turned into new accounts (scaled by collaboration); b keeps a trickle without effort',
    suggested: { a: [0.4, 0.8], d: [4, 25] },
  },
  service: {
    response: curve(1, 0.3, 2, 4),
    meaning: 'how satisfied the account is made this quarter, before carry-over; b is the service it gets with no effort',
    suggested: { a: [0.8, 1], d: [2, 9] },
  },
  relationship: {
    response: curve(1, 0.25, 2, 4),
    meaning: 'the relationship this quarter’s calls build, blended with last quarter’s by the carry-over',
    suggested: { a: [0.8, 1], d: [2, 9] },
  },
  referrals: {
    response: curve(1, 0.1, 2, 4),
    meaning: 'how hard satisfied accounts are asked for referrals: it scales their referral leads',
    suggested: { a: [0.8, 1], d: [2, 9] },
  },
  closing: {
    response: curve(0.7, 0, 2, 9),
    meaning: 'share of next quarter’s volume pulled into this one (paid back next quarter, and it costs satisfaction)',
    suggested: { a: [0.5, 0.9], d: [3, 16] },
  },
  discounting: {
    response: curve(0.25, 0, 2, 9),
    meaning: 'share taken off the price this quarter (volume rises, and buyers learn to wait for discounts)',
    suggested: { a: [0.15, 0.35], d: [3, 16] },
  },
  alignment: {
    response: curve(0.15, 0, 2, 4),
    meaning: 'share of the gap to full collaboration closed this quarter',
    suggested: { a: [0.1, 0.3], d: [2, 9] },
  },
};
