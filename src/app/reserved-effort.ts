// Where the points the dispute holds back went: the budget bar shows them as their own segment,
// and this says beside it how many and why ("2 reserved: phasing out Decaf Line"), so a budget
// of 18 out of 20 is never a puzzle.
import { disputeReservations, type Reservation } from '../sim/effort';
import type { GameState, Scenario } from '../sim/index';
import { accountNames } from '../scenario/account-names';

export interface ReservedEffort {
  /** Every point the dispute takes from this quarter. */
  points: number;
  /** "2 reserved: phasing out Decaf Line"; with two holds, each with its points. */
  text: string;
}

/** Each option's reason, in the words of the line and the account the dispute is about. */
function reason(option: Reservation['option'], product: string, account: string): string {
  switch (option) {
    case 'joint-meeting':
      return `joint meeting on ${product}`;
    case 'investigate':
      return `investigating how ${account} uses ${product}`;
    case 'phase-out':
      return `phasing out ${product}`;
  }
}

/** What the dispute holds back from the game's quarter, or null when it holds nothing. */
export function reservedEffort(scenario: Scenario, game: GameState): ReservedEffort | null {
  const parts = disputeReservations(game);
  if (parts.length === 0 || game.dispute === null) return null;
  const product = scenario.products.find((p) => p.id === game.dispute!.product)?.name ?? game.dispute.product;
  const account = accountNames(scenario, game).get(game.dispute.account) ?? game.dispute.account;
  const points = parts.reduce((sum, p) => sum + p.points, 0);
  const reasons = parts.length === 1 ? reason(parts[0]!.option, product, account) : parts.map((p) => `${p.points} ${reason(p.option, product, account)}`).join(', ');
  return { points, text: `${points} reserved: ${reasons}` };
}
