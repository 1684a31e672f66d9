// The quarter report's "why": for the quarter just played, how profit and revenue moved on the
// quarter before and the causes in the chain the debrief would give for it — the same bookkeeping
// (src/debrief/chains.ts), read while the game is still being played — each with what it moved
// in money, biggest first whatever its sign, and no loss ever cut from the list.
import type { Scenario, Step } from '../sim/index';
import { chainFor } from './chains';
import { money } from './format';
import { replayGame, type ReplayedGame } from './replay';
import type { ChainLink } from './types';

export interface QuarterCause {
  /** In the debrief's words; an account's loss and the purchases that ended with it are one cause. */
  text: string;
  /**
   * What the cause moved in the quarter, in cents, signed: a lost account's revenue of the quarter
   * before, a won account's first purchases, a line's change in profit, the orders closing moved
   * (taken by last quarter's, brought in by this quarter's). Null for a cause with no money of its
   * own (a decision, an event, an effort change, discounting, morale).
   */
  amount: number | null;
  /** The chain's links behind it, in the chain's order. */
  links: ChainLink[];
}

export interface QuarterCauses {
  quarter: number;
  /** E.g. "Profit rose by $5,432 on Q3". */
  headline: string;
  profitChange: number;
  revenueChange: number;
  /** The causes of the profit change: those with an amount by its size, then the others in the chain's order. */
  causes: QuarterCause[];
}

/** What a link moved in quarter q (see QuarterCause.amount). */
export function linkAmount(link: ChainLink, q: number): number | null {
  const f = link.figures ?? {};
  switch (link.kind) {
    case 'account-lost':
      return -(f.revenueBefore ?? 0);
    case 'account-won':
      return f.revenue ?? 0;
    case 'line-change':
    case 'line-loss':
      return (f.profit ?? 0) - (f.profitBefore ?? 0);
    case 'pull-forward':
      return link.quarter === q ? (f.ordersPulled ?? 0) : -(f.ordersOwed ?? 0);
    default:
      return null;
  }
}

/** The chain's links as causes: each lost account with the purchases that ended with it. */
function causesOf(chain: readonly ChainLink[], q: number): QuarterCause[] {
  const causes: QuarterCause[] = [];
  for (const link of chain) {
    const lost = causes.find((c) => c.links[0]!.kind === 'account-lost' && c.links[0]!.account === link.account);
    if (link.kind === 'revenue-ended' && lost) {
      lost.links.push(link);
      lost.text += `; ${link.text}`;
      continue;
    }
    causes.push({ text: link.text, amount: linkAmount(link, q), links: [link] });
  }
  return causes;
}

/**
 * The causes with an amount, largest first (ties in the chain's order), then the others; the
 * first `limit`, and every loss after them, so a loss is never left out for a larger gain.
 */
export function rankCauses(causes: readonly QuarterCause[], limit: number): QuarterCause[] {
  const sized = causes.filter((c) => c.amount !== null).sort((a, b) => Math.abs(b.amount!) - Math.abs(a.amount!));
  const ranked = [...sized, ...causes.filter((c) => c.amount === null)];
  const shown = ranked.slice(0, limit);
  for (const cause of ranked.slice(limit)) if (cause.amount !== null && cause.amount < 0) shown.push(cause);
  return shown;
}

/** Why quarter q of a replayed game moved profit as it did; null for the first quarter (nothing to compare with). */
export function causesOfQuarter(scenario: Scenario, game: ReplayedGame, q: number, limit = 4): QuarterCauses | null {
  if (q < 2) return null;
  const now = game.quarters[q - 1]!.record;
  const before = game.quarters[q - 2]!.record;
  const profitChange = now.profit - before.profit;
  const revenueChange = now.revenue - before.revenue;
  const direction = profitChange >= 0 ? 'rose' : 'fell';
  return {
    quarter: q,
    headline: `Profit ${direction} by ${money(Math.abs(profitChange))} on Q${q - 1} (revenue ${revenueChange >= 0 ? 'up' : 'down'} ${money(Math.abs(revenueChange))}).`,
    profitChange,
    revenueChange,
    causes: rankCauses(causesOf(chainFor(scenario, game, q, 'profit', profitChange), q), limit),
  };
}

/** Why the last quarter of `steps` moved profit as it did; null for the first quarter (nothing to compare with). */
export function quarterCauses(scenario: Scenario, seed: number, steps: readonly Step[], limit = 4): QuarterCauses | null {
  if (steps.length < 2) return null;
  return causesOfQuarter(scenario, replayGame(scenario, seed, steps, true), steps.length, limit);
}
