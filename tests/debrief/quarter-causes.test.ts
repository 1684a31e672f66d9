// The quarter report's causes: the chain the debrief gives for that quarter, read while the game
// is still being played, with the change figures taken from the records; each cause with what it
// moved in money (recomputed here from the records, and closing's orders from the model itself),
// the causes with an amount biggest first whatever their sign, and no loss left out.
import { describe, expect, it } from 'vitest';
import { chainFor } from '../../src/debrief/chains';
import { quarterCauses, replayGame, type ChainLink } from '../../src/debrief/index';
import { rankCauses, type QuarterCause } from '../../src/debrief/quarter-causes';
import { CLOSING_PRICE_CONCESSION } from '../../src/sim/model';
import { BOTS, botNamed, decideDispute, playBot, playSteps, resolveQuarter, type GameState, type Scenario, type Step } from '../../src/sim/index';
import { loadShipped } from '../support/scenarios';

const scenario = loadShipped('two-hats');

/** What a link moved in quarter q, from the final state's records (closing's orders from its figures, checked below by the model). */
function amountFromRecords(state: GameState, link: ChainLink, q: number): number | null {
  const r = state.history[q - 1]!;
  const rp = state.history[q - 2]!;
  const slot = (id: string) => state.accounts.findIndex((a) => a.id === id);
  switch (link.kind) {
    case 'account-lost':
      return -rp.accountRevenue[slot(link.account!)]!;
    case 'account-won':
      return r.newAccounts.reduce((sum, id) => sum + r.accountRevenue[slot(id)]!, 0);
    case 'line-change':
    case 'line-loss': {
      const i = scenario.products.findIndex((p) => p.id === link.product);
      return r.products[i]!.profit - rp.products[i]!.profit;
    }
    case 'pull-forward':
      return link.quarter === q ? link.figures!.ordersPulled! : -link.figures!.ordersOwed!;
    default:
      return null;
  }
}

describe('quarterCauses', () => {
  it('has nothing to compare the first quarter with', () => {
    const { steps } = playBot(scenario, 1, BOTS[0]!);
    expect(quarterCauses(scenario, 1, steps.slice(0, 1))).toBeNull();
  });

  it('gives, for every quarter of many games, the record’s change and the debrief’s causes, each with its amount, ranked by size, no loss left out', () => {
    let ranked = 0;
    let lossesPastLimit = 0;
    for (const bot of BOTS) {
      for (const seed of [1, 2, 3, 4, 5]) {
        const { steps, state } = playBot(scenario, seed, bot, { disputeOption: seed % 2 ? 'discontinue' : 'phase-out' });
        const whole = replayGame(scenario, seed, steps);
        for (let q = 2; q <= scenario.quarters; q++) {
          const where = `${bot.name} seed ${seed} Q${q}`;
          const why = quarterCauses(scenario, seed, steps.slice(0, q))!;
          const change = state.history[q - 1]!.profit - state.history[q - 2]!.profit;
          expect(why.quarter, where).toBe(q);
          expect(why.profitChange, where).toBe(change);
          expect(why.revenueChange, where).toBe(state.history[q - 1]!.revenue - state.history[q - 2]!.revenue);
          expect(why.headline, where).toMatch(change >= 0 ? /^Profit rose/ : /^Profit fell/);
          const chain = chainFor(scenario, whole, q, 'profit', change);
          const keys = chain.map((l) => JSON.stringify(l));
          const inChain = (l: ChainLink) => keys.indexOf(JSON.stringify(l));
          // Every cause is the chain's: its links in the chain's order, a lost account with the purchases that ended.
          for (const cause of why.causes) {
            expect(cause.links.map(inChain), where).toEqual(cause.links.map(inChain).filter((i) => i >= 0).sort((a, b) => a - b));
            expect(cause.text, where).toBe(cause.links.map((l) => l.text).join('; '));
            expect(cause.amount, where).toBe(amountFromRecords(state, cause.links[0]!, q));
            if (cause.links[0]!.kind === 'account-lost') {
              expect(cause.links.map((l) => l.kind), where).toEqual(['account-lost', 'revenue-ended']);
              expect(cause.links[1]!.account, where).toBe(cause.links[0]!.account);
            } else expect(cause.links, where).toHaveLength(1);
          }
          // Those with an amount come first, biggest first; then the others in the chain's order.
          const sized = why.causes.filter((c) => c.amount !== null);
          expect(why.causes.slice(0, sized.length), where).toEqual(sized);
          const sizes = sized.map((c) => Math.abs(c.amount!));
          expect(sizes, where).toEqual([...sizes].sort((a, b) => b - a));
          if (sizes.length > 1) ranked++;
          const unsized = why.causes.filter((c) => c.amount === null).map((c) => inChain(c.links[0]!));
          expect(unsized, where).toEqual([...unsized].sort((a, b) => a - b));
          // Every account lost and every money loss in the chain is there, even past the first four.
          const lostInChain = chain.filter((l) => l.kind === 'account-lost');
          expect(why.causes.filter((c) => c.links[0]!.kind === 'account-lost').length, where).toBe(lostInChain.length);
          const losses = chain.filter((l) => l.kind !== 'revenue-ended' && (amountFromRecords(state, l, q) ?? 0) < 0);
          for (const l of losses) expect(why.causes.some((c) => inChain(c.links[0]!) === inChain(l)), where).toBe(true);
          // Past the first four only losses; and the first four are all there are, or four.
          for (const c of why.causes.slice(4)) expect(c.amount, where).toBeLessThan(0);
          lossesPastLimit += why.causes.slice(4).length;
          expect(why.causes.slice(0, 4).length, where).toBe(Math.min(4, chain.filter((l) => l.kind !== 'revenue-ended').length));
        }
      }
    }
    // The checks above met rankings of several sized causes, and losses kept past the first four.
    expect(ranked).toBeGreaterThan(100);
    expect(lossesPastLimit).toBeGreaterThan(0);
  });

  it('keeps a loss past the limit and puts the biggest change first whatever its sign', () => {
    const cause = (amount: number | null, text: string): QuarterCause => ({ text, amount, links: [] });
    const causes = [cause(null, 'decision'), cause(500, 'small gain'), cause(-200, 'small loss'), cause(9000, 'big gain'), cause(-7000, 'big loss'), cause(300, 'gain')];
    expect(rankCauses(causes, 3).map((c) => c.text)).toEqual(['big gain', 'big loss', 'small gain', 'small loss']);
    expect(rankCauses(causes, 6).map((c) => c.text)).toEqual(['big gain', 'big loss', 'small gain', 'gain', 'small loss', 'decision']);
  });
});

/**
 * The orders closing moved in quarter q, by the model itself: the quarter played again on the same
 * luck with every account owing nothing, and owing everything (then the accounts kept sell only
 * what this quarter's closing pulled in); accounts won in q owe nothing, so theirs is the pulled
 * share of what they bought, at the concession.
 */
function ordersMoved(scenario: Scenario, seed: number, steps: readonly Step[], q: number): { owed: number; pulled: number } {
  let start = playSteps(scenario, seed, steps.slice(0, q - 1));
  for (const option of steps[q - 1]!.dispute ?? []) start = decideDispute(scenario, start, option);
  const moves = { moves: steps[q - 1]!.moves };
  const owing = (share: number) => resolveQuarter(scenario, { ...start, accounts: start.accounts.map((a) => ({ ...a, pulledForward: share })) }, moves).history[q - 1]!;
  const actual = playSteps(scenario, seed, steps.slice(0, q));
  const record = actual.history[q - 1]!;
  const pull = actual.accounts.find((a) => a.active)!.pulledForward;
  const wonShare = (pull * (1 - CLOSING_PRICE_CONCESSION)) / (1 + pull * (1 - CLOSING_PRICE_CONCESSION));
  const all = owing(1);
  let pulled = 0;
  record.accountRevenue.forEach((sold, j) => (pulled += j < start.accounts.length ? all.accountRevenue[j]! : sold * wonShare));
  return { owed: owing(0).revenue - record.revenue, pulled };
}

describe('the report’s pull-forward, with its amount', () => {
  it.each([
    ['two-hats', 2, 'short-run-greedy'],
    ['two-hats', 7, 'random'],
    ['solo-founder', 3, 'short-run-greedy'],
    ['divisions', 4, 'random'],
  ] as const)('%s seed %i (%s): the orders last quarter’s closing took and this quarter’s brought in are the model’s', (id, seed, botName) => {
    const s = loadShipped(id);
    const { steps, state } = playBot(s, seed, botNamed(botName)!);
    // Each purchase is rounded to whole cents once a quarter: the amounts agree to half a cent per
    // purchase the firm ever had (at least the ten cents a small firm's few purchases allow).
    const rounding = Math.max(10, 0.5 * state.accounts.reduce((n, a) => n + a.buys.length, 0));
    let owedLinks = 0;
    let pulledLinks = 0;
    for (let q = 2; q <= s.quarters; q++) {
      const why = quarterCauses(s, seed, steps.slice(0, q), 99)!;
      const moved = ordersMoved(s, seed, steps, q);
      for (const cause of why.causes.filter((c) => c.links[0]!.kind === 'pull-forward')) {
        const link = cause.links[0]!;
        const where = `${id} seed ${seed} Q${q}: ${link.text}`;
        if (link.quarter === q - 1) {
          owedLinks++;
          expect(Math.abs(-cause.amount! - moved.owed), where).toBeLessThanOrEqual(rounding);
          expect(moved.owed, where).toBeGreaterThan(0);
          expect(link.text, where).toMatch(new RegExp(`^Closing in Q${q - 1} \\(\\d+ points?\\) pulled about \\$[\\d,]+ of Q${q}'s orders forward into that quarter`));
        } else {
          pulledLinks++;
          expect(Math.abs(cause.amount! - moved.pulled), where).toBeLessThanOrEqual(rounding);
          expect(link.text, where).toMatch(new RegExp(`^Closing in Q${q} \\(\\d+ points?\\) brought about \\$[\\d,]+ of orders forward from the next quarter`));
        }
        expect(link.text, where).toContain(`about $${Math.round(Math.abs(cause.amount!) / 100).toLocaleString('en-US')} of`);
      }
    }
    expect(owedLinks + pulledLinks).toBeGreaterThan(0);
  });
});
