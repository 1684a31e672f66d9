// How many prospects the market still holds, said beside the moves that win new accounts
// (prospecting converts leads into them, referrals bring leads): once none are left, those moves
// say they cannot win any more, rather than taking points for nothing.
import type { GameState, MoveKind, Scenario } from '../sim/index';

export interface ProspectsNote {
  text: string;
  /** True once the market holds none: the move cannot win accounts any more. */
  exhausted: boolean;
}

/** The note beside move `kind` about the prospects left, or null for a move they do not concern. */
export function prospectsNote(scenario: Scenario, game: GameState, kind: MoveKind): ProspectsNote | null {
  const left = game.prospectsLeft;
  if (kind === 'prospecting') {
    if (left <= 0) return { text: 'No prospects left: prospecting wins no more accounts', exhausted: true };
    return { text: `${left} of ${scenario.market.prospects} ${left === 1 ? 'prospect' : 'prospects'} left in the market`, exhausted: false };
  }
  if (kind === 'referrals' && left <= 0) return { text: 'No prospects left to refer', exhausted: true };
  return null;
}
