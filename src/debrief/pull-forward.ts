// Closing's pull-forward in money: how much of a quarter's orders the quarter before's closing had
// already taken (so the quarter delivered them short), and how much the quarter's own closing
// brought forward from the next. Read from the quarter's record and states by the model's rule
// (src/sim/resolve/accounts.ts): of each line an account buys its quarter's orders less the share
// `owed` that last quarter's closing took, plus the share `pull` this quarter's closing brings
// forward at CLOSING_PRICE_CONCESSION off. Its recorded revenue therefore splits in proportion
// (1 − owed) : pull × (1 − concession), and the orders owed are worth `owed` of the same scale at
// full price. Each purchase's revenue is rounded to the cent, so the amounts are good to a few cents.
import { CLOSING_PRICE_CONCESSION } from '../sim/model';
import type { PlayedQuarter } from './replay';

export interface PullForward {
  /** This quarter's orders taken by the quarter before's closing, at this quarter's prices (cents), per account slot. */
  owed: number[];
  /** Revenue this quarter's closing brought forward from the next quarter, at the concession (cents), per account slot. */
  pulled: number[];
  /** The sums, rounded to the cent. */
  owedTotal: number;
  pulledTotal: number;
}

/** The share of next quarter's orders this quarter's closing brought forward: what every account kept now owes. */
function pullOf(played: PlayedQuarter): number {
  return played.end.accounts.find((a) => a.active)?.pulledForward ?? 0;
}

export function pullForwardOf(played: PlayedQuarter): PullForward {
  const revenue = played.record.accountRevenue;
  const before = played.beforeMoves.accounts;
  const pulledShare = pullOf(played) * (1 - CLOSING_PRICE_CONCESSION);
  const owed: number[] = [];
  const pulled: number[] = [];
  let owedTotal = 0;
  let pulledTotal = 0;
  revenue.forEach((sold, j) => {
    // Accounts won this quarter owe nothing yet.
    const share = j < before.length ? before[j]!.pulledForward : 0;
    const scale = 1 - share + pulledShare;
    const o = scale > 0 ? (sold * share) / scale : 0;
    const p = scale > 0 ? (sold * pulledShare) / scale : 0;
    owed.push(o);
    pulled.push(p);
    owedTotal += o;
    pulledTotal += p;
  });
  return { owed, pulled, owedTotal: Math.round(owedTotal), pulledTotal: Math.round(pulledTotal) };
}
