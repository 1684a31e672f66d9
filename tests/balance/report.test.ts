// The balance report's figures for tuning: score parts and quarter bands per bot, the dispute's
// best option by anchor strength with the options never best, the balanced bot's par rate against
// about half, and round histogram bins and axis ticks.
import { describe, expect, it } from 'vitest';
import { ANCHOR_BAND_WIDTH, PAR_SHARE_BAND, RARELY_BEST_SHARE, buildReport, niceStep, niceTicks, playSeed, type GameSummary, type SeedResult } from '../../src/balance/report';
import { quantile, suggestedPar } from '../../src/balance/tuning';
import { SCORE_COMPONENTS } from '../../src/sim/score';
import { DISPUTE_OPTIONS, botNamed, playBot, type DisputeOption } from '../../src/sim/index';
import { loadShipped } from '../support/scenarios';

const scenario = loadShipped('two-hats');
const SEEDS = 24;
const results = Array.from({ length: SEEDS }, (_, i) => playSeed(scenario, i + 1));
const report = buildReport(scenario, results, { seconds: 1, workers: 1 });

/** 1, 2 or 5 × 10^k. */
function isRound(step: number): boolean {
  const power = 10 ** Math.floor(Math.log10(step) + 1e-9);
  return [1, 2, 5, 10].some((m) => Math.abs(step - m * power) < 1e-9 * step);
}

describe('round steps and ticks', () => {
  it('are 1, 2 or 5 × 10^k, and ticks are their multiples within the range', () => {
    for (const rough of [0.013, 0.7, 1, 3.2, 7, 10.6, 48, 218, 1234, 9.9e6]) {
      expect(isRound(niceStep(rough)), `up ${rough}`).toBe(true);
      expect(niceStep(rough)).toBeGreaterThanOrEqual(rough - 1e-12);
      expect(isRound(niceStep(rough, 'nearest')), `nearest ${rough}`).toBe(true);
    }
    expect(niceTicks(-13.5, 148.3, 8)).toEqual([0, 20, 40, 60, 80, 100, 120, 140]);
    expect(niceTicks(0, 873, 4)).toEqual([0, 200, 400, 600, 800]);
    for (const [lo, hi] of [[-2_512_345, 9_876_543], [0.1, 0.93], [40, 41]] as const) {
      const ticks = niceTicks(lo, hi, 5);
      const step = ticks[1]! - ticks[0]!;
      expect(isRound(step)).toBe(true);
      for (const t of ticks) {
        expect(t).toBeGreaterThanOrEqual(lo);
        expect(t).toBeLessThanOrEqual(hi);
        expect(Math.abs(t / step - Math.round(t / step))).toBeLessThan(1e-6);
      }
    }
  });
});

describe('balance report data', () => {
  it('cuts the histograms into round bins on round edges, every seed counted in its bin', () => {
    const { min, max, bins, width } = report.histogramRange;
    expect(isRound(width)).toBe(true);
    expect(min / width).toBe(Math.round(min / width));
    expect(max).toBeCloseTo(min + bins * width, 9);
    expect(bins).toBeLessThanOrEqual(22);
    for (const d of report.distributions) {
      expect(d.histogram).toHaveLength(bins);
      const expected = new Array<number>(bins).fill(0);
      for (const r of results) expected[Math.floor((r.games[d.bot]!.score - min) / width)]! += 1;
      expect(d.histogram).toEqual(expected);
    }
  });

  it('gives each bot its score parts in the scorecard table order, with weights, medians and 10–90% spreads', () => {
    for (const d of report.distributions) {
      expect(d.parts.map((p) => p.part)).toEqual(SCORE_COMPONENTS.map((c) => c.key));
      d.parts.forEach((p, k) => {
        expect(p.weight).toBe(scenario.scoring.weights[p.part]);
        const sorted = results.map((r) => r.games[d.bot]!.parts[k]!).sort((a, b) => a - b);
        expect(p.median).toBeCloseTo(quantile(sorted, 0.5), 9);
        expect(p.p10).toBeCloseTo(quantile(sorted, 0.1), 9);
        expect(p.p90).toBeCloseTo(quantile(sorted, 0.9), 9);
        expect(p.p10).toBeLessThanOrEqual(p.median);
        expect(p.median).toBeLessThanOrEqual(p.p90);
      });
    }
    // A seed's parts are its final scorecard: their weighted average is its total.
    const w = scenario.scoring.weights;
    const weights = SCORE_COMPONENTS.map((c) => w[c.key]);
    const sum = weights.reduce((s, x) => s + x, 0);
    for (const r of results.slice(0, 4)) {
      for (const g of Object.values(r.games)) {
        expect(g.parts.reduce((s, x, k) => s + x * weights[k]!, 0) / sum).toBeCloseTo(g.score, 1);
      }
    }
  });

  it("bands each bot's revenue and profit per quarter from its own games", () => {
    const balanced = report.distributions.find((d) => d.bot === 'balanced')!;
    expect(balanced.revenueByQuarter).toHaveLength(scenario.quarters);
    expect(balanced.profitByQuarter).toHaveLength(scenario.quarters);
    const games = Array.from({ length: SEEDS }, (_, i) => playBot(scenario, i + 1, botNamed('balanced')!).state);
    for (const q of [0, scenario.quarters - 1]) {
      const revenue = games.map((g) => g.history[q]!.revenue).sort((a, b) => a - b);
      const profit = games.map((g) => g.history[q]!.profit).sort((a, b) => a - b);
      expect(balanced.revenueByQuarter[q]!.median).toBeCloseTo(quantile(revenue, 0.5), 6);
      expect(balanced.revenueByQuarter[q]!.p10).toBeCloseTo(quantile(revenue, 0.1), 6);
      expect(balanced.profitByQuarter[q]!.p90).toBeCloseTo(quantile(profit, 0.9), 6);
    }
  });

  it('shows the best dispute option by band of anchor strength, and which options are never the best in any band', () => {
    for (const d of report.dispute!) {
      expect(d.byAnchor.reduce((s, b) => s + b.seeds, 0)).toBe(d.seeds);
      for (const b of d.byAnchor) {
        expect(b.to - b.from).toBeCloseTo(ANCHOR_BAND_WIDTH, 9);
        const inBand = results.filter((r) => r.forced[d.bot] && r.games[d.bot]!.anchor! >= b.from - 1e-9 && (r.games[d.bot]!.anchor! < b.to - 1e-9 || b.to >= 1));
        expect(inBand).toHaveLength(b.seeds);
        if (b.seeds > 0 && b.top) {
          const most = Math.max(...DISPUTE_OPTIONS.map((o) => b.bestShare[o]));
          expect(b.bestShare[b.top]).toBe(most);
          expect(b.tops).toEqual(DISPUTE_OPTIONS.filter((o) => b.bestShare[o] === most));
        }
      }
      const tops = new Set(d.byAnchor.flatMap((b) => b.tops));
      expect(d.neverBest).toEqual(DISPUTE_OPTIONS.filter((o) => !tops.has(o)));
      expect(d.rarelyBest).toEqual(d.options.filter((o) => o.bestShare < RARELY_BEST_SHARE).map((o) => o.option));
    }
  });

  it('states the ideas each check measures by number', () => {
    expect(Object.fromEntries(report.ideas.map((c) => [c.id, c.ideas]))).toEqual({
      'balance-beats-extremes': [3],
      'greedy-leads-early': [1],
      'greedy-loses-late': [1, 2],
      'skill-pays': [7],
      'no-marketing-no-sales': [3],
      'no-sales-marketing-fails': [3],
    });
  });
});

// --- made-up seeds, for the warnings -------------------------------------------------------

const bots = [botNamed('balanced')!, botNamed('adaptive')!];

function game(score: number, anchor: number | null): GameSummary {
  return { score, revenueAfterQ2: 0, lateGrowth: 0, won: 0, disputeOpened: anchor !== null, option: null, parts: [score, score, score, score, score], revenueByQuarter: [], profitByQuarter: [], anchor };
}

/** Seeds whose balanced scores are `scores`, their anchors spread evenly, the best option by anchor: discontinue when weak, joint meeting when strong. */
function madeUp(scores: readonly number[]): SeedResult[] {
  return scores.map((score, i) => {
    const anchor = (i + 0.5) / scores.length;
    const forced = Object.fromEntries(DISPUTE_OPTIONS.map((o) => [o, 50])) as Record<DisputeOption, number>;
    forced[anchor < 0.5 ? 'discontinue' : 'joint-meeting'] = 60;
    if (i === 0) forced.reprice = 70; // best in one seed: rarely best, and the most often best in no band
    return { seed: i + 1, games: { balanced: game(score, anchor), adaptive: game(score + 30, anchor) }, forced: { balanced: forced, adaptive: forced } };
  });
}

describe('balance report warnings', () => {
  const par = scenario.scoring.par;

  it('warn when the balanced bot reaches par far from about half the seeds, and suggest its median', () => {
    // 5 of 20 seeds at or above par: 25%.
    const scores = Array.from({ length: 20 }, (_, i) => (i < 5 ? par + 5 + i : par - 20 + i));
    const r = buildReport(scenario, madeUp(scores), { seconds: 1, workers: 1 }, bots);
    expect(r.par.balancedShare).toBe(0.25);
    expect(r.par.far).toBe(true);
    expect(r.par.band).toEqual(PAR_SHARE_BAND);
    expect(r.par.suggested).toBe(suggestedPar(scores));
    expect(r.warnings).toContainEqual(`The balanced bot reaches par (${par}) in 25.0% of seeds, far from about half (outside 35–65%): a par of ${suggestedPar(scores)} (its median score) would be reached in about half.`);
  });

  it('do not warn at about half', () => {
    const scores = Array.from({ length: 20 }, (_, i) => par - 10 + i);
    const r = buildReport(scenario, madeUp(scores), { seconds: 1, workers: 1 }, bots);
    expect(r.par.balancedShare).toBe(0.5);
    expect(r.par.far).toBe(false);
    expect(r.warnings.some((w) => w.startsWith('The balanced bot reaches par'))).toBe(false);
  });

  it('flag options never best in any anchor band, and warn about those hardly ever best', () => {
    const r = buildReport(scenario, madeUp(Array.from({ length: 40 }, () => par)), { seconds: 1, workers: 1 }, bots);
    const d = r.dispute!.find((x) => x.bot === 'balanced')!;
    expect(d.byAnchor.map((b) => [b.from, b.top])).toEqual([
      [0, 'discontinue'],
      [0.2, 'discontinue'],
      [0.4, 'discontinue'],
      [0.6, 'joint-meeting'],
      [0.8, 'joint-meeting'],
    ]);
    expect(d.neverBest).toEqual(['keep', 'reprice', 'phase-out', 'investigate']);
    expect(d.rarelyBest).toEqual(['keep', 'reprice', 'phase-out', 'investigate']);
    expect(r.warnings).toContainEqual('Dispute option "keep" is never the best choice for balanced (in none of 40 seeds), and the most often best in no band of anchor strength: it is hardly ever right, so the dispute offers it in name only.');
    expect(r.warnings).toContainEqual('Dispute option "reprice" is the best choice for balanced in only 2.5% of seeds (under 5.0%), and the most often best in no band of anchor strength: it is hardly ever right, so the dispute offers it in name only.');
  });
});
