// The balance report's computing part, free of I/O so the CLI's workers and the tests share it:
// play a range of seeds with every bot (and the dispute's options forced), then turn the
// per-seed numbers into the report — score distributions, the idea checks of tests/ideas,
// the dispute's outcomes, dominant-strategy warnings and whether par is reachable.
import type { FidelityReport } from './fidelity';
import { BOTS, DISPUTE_OPTIONS, playBot, type Bot, type DisputeOption, type GameState, type Scenario } from '../sim/index';
import { SCORE_COMPONENTS, type ScoreComponent } from '../sim/score';
import { mean, quantile, suggestedPar } from './tuning';

/**
 * Bots whose games with each dispute option forced are compared. Their own dispute choice draws
 * no random numbers, so a natural game equals the forced game with the option they chose, and
 * only the other options need playing (tests/scenario/balance.test.ts checks this).
 */
export const DISPUTE_BOTS = ['balanced', 'adaptive'] as const;

/** One option is "dominant" when it is the best choice in more than this share of seeds. */
export const DOMINANCE_SHARE = 0.7;

/** What one game leaves behind for the report: small numbers, not the game. */
export interface GameSummary {
  score: number;
  revenueAfterQ2: number;
  /** New accounts plus leads over the second half of the game (the tests/ideas measure). */
  lateGrowth: number;
  won: number;
  disputeOpened: boolean;
  option: DisputeOption | null;
  /** The final scorecard's parts, in SCORE_COMPONENTS' order (points). */
  parts: number[];
  /** Revenue and profit of each quarter played, in cents. */
  revenueByQuarter: number[];
  profitByQuarter: number[];
  /** The dispute account's hidden anchor strength on the line, when the dispute opened. */
  anchor: number | null;
}

export interface SeedResult {
  seed: number;
  /** By bot name: the bot's own game. */
  games: Record<string, GameSummary>;
  /** By bot name, then option: the final score with that option forced (only where the dispute opened). */
  forced: Record<string, Partial<Record<DisputeOption, number>>>;
}

function summarise(scenario: Scenario, state: GameState): GameSummary {
  const h = state.history;
  const half = Math.floor(scenario.quarters / 2);
  let lateGrowth = 0;
  let won = 0;
  for (let q = 0; q < h.length; q++) {
    won += h[q]!.newAccounts.length;
    if (q >= half) lateGrowth += h[q]!.newAccounts.length + h[q]!.leads;
  }
  return {
    score: h[h.length - 1]?.score.total ?? 0,
    revenueAfterQ2: (h[0]?.revenue ?? 0) + (h[1]?.revenue ?? 0),
    lateGrowth,
    won,
    disputeOpened: state.dispute !== null,
    option: state.dispute?.option ?? null,
    parts: SCORE_COMPONENTS.map(({ key }) => h[h.length - 1]?.score[key] ?? 0),
    revenueByQuarter: h.map((r) => r.revenue),
    profitByQuarter: h.map((r) => r.profit),
    anchor: state.dispute?.anchorStrength ?? null,
  };
}

/** Plays one seed: every bot once, then the dispute options the dispute bots did not choose. */
export function playSeed(scenario: Scenario, seed: number, bots: readonly Bot[] = BOTS): SeedResult {
  const games: Record<string, GameSummary> = {};
  const forced: SeedResult['forced'] = {};
  for (const bot of bots) {
    const { state } = playBot(scenario, seed, bot);
    const summary = summarise(scenario, state);
    games[bot.name] = summary;
    if (!scenario.dispute || !(DISPUTE_BOTS as readonly string[]).includes(bot.name) || !summary.disputeOpened) continue;
    const scores: Partial<Record<DisputeOption, number>> = {};
    // The bot's own game stands for a forced option when it made exactly that one choice.
    const own = state.dispute?.choices.length === 1 ? state.dispute.choices[0]!.option : null;
    for (const option of DISPUTE_OPTIONS) {
      scores[option] = option === own ? summary.score : summarise(scenario, playBot(scenario, seed, bot, { disputeOption: option }).state).score;
    }
    forced[bot.name] = scores;
  }
  return { seed, games, forced };
}

// --- the report ----------------------------------------------------------------------------

export interface Distribution {
  bot: string;
  description: string;
  n: number;
  mean: number;
  min: number;
  p5: number;
  q1: number;
  median: number;
  q3: number;
  p95: number;
  max: number;
  /** Share of seeds whose final score reached par. */
  parShare: number;
  /** Histogram counts over the report's common score range. */
  histogram: number[];
  /** The final score's 10th percentile, median and 90th percentile. */
  totalBand: Band;
  /** Each score part's spread over the seeds, in SCORE_COMPONENTS' order. */
  parts: PartSpread[];
  /** Revenue and profit in each quarter (cents): the median and the 10–90% band over the seeds. */
  revenueByQuarter: Band[];
  profitByQuarter: Band[];
}

/** A spread over the seeds: the 10th percentile, the median and the 90th percentile. */
export interface Band {
  p10: number;
  median: number;
  p90: number;
}

export interface PartSpread extends Band {
  part: ScoreComponent;
  /** The part's weight in the total (the scenario's scoring.weights). */
  weight: number;
  mean: number;
}

export interface IdeaCheck {
  id: string;
  /** The ideas (DESIGN.md, "What the game teaches", 1–7) the check measures. */
  ideas: number[];
  idea: string;
  claim: string;
  measured: string;
  passed: boolean;
}

export interface DisputeOutcome {
  bot: string;
  /** Seeds in which the dispute opened in this bot's game. */
  seeds: number;
  options: { option: DisputeOption; meanScore: number; bestShare: number }[];
  dominant: DisputeOption | null;
  /** The seeds binned by the hidden anchor strength (ANCHOR_BAND_WIDTH wide), and each option's best share in the band. */
  byAnchor: AnchorBand[];
  /** Options that are the most often best in no anchor band: with the anchor known, another option is always better more often. */
  neverBest: DisputeOption[];
  /** Options that are the best choice in under RARELY_BEST_SHARE of the seeds: hardly ever right. */
  rarelyBest: DisputeOption[];
}

export interface AnchorBand {
  from: number;
  to: number;
  seeds: number;
  bestShare: Record<DisputeOption, number>;
  /** The option best in the most seeds of the band, the first in DISPUTE_OPTIONS' order on a tie (null when no seed had a single best option). */
  top: DisputeOption | null;
  /** Every option tied for the most seeds of the band (empty when no seed had a single best option). */
  tops: DisputeOption[];
}

/** An option best in fewer than this share of seeds is hardly ever right: the report warns. */
export const RARELY_BEST_SHARE = 0.05;

/** Width of the anchor-strength bands the dispute's best options are shown by (anchor 0–1). */
export const ANCHOR_BAND_WIDTH = 0.2;

/**
 * The balanced bot should reach par in about half the seeds (docs/scenarios.md); outside this
 * range of shares the report warns that par is far from that.
 */
export const PAR_SHARE_BAND = { low: 0.35, high: 0.65 } as const;

export interface BalanceReport {
  scenario: { id: string; title: string; version: number; par: number; quarters: number };
  seeds: number;
  seconds: number;
  workers: number;
  /** The histograms' common range, cut into `bins` bins of a round `width` (1, 2 or 5 × 10^k). */
  histogramRange: { min: number; max: number; bins: number; width: number };
  distributions: Distribution[];
  ideas: IdeaCheck[];
  dispute: DisputeOutcome[] | null;
  par: {
    value: number;
    reachable: boolean;
    bestBot: string;
    bestShare: number;
    /** The balanced bot's share of seeds reaching par, and whether it is outside PAR_SHARE_BAND (null without the balanced bot). */
    balancedShare: number | null;
    far: boolean;
    band: { low: number; high: number };
    /** The suggested par: the balanced bot's median score, rounded down (tuning.ts); null without the balanced bot. */
    suggested: number | null;
  };
  /** The model's responses against the published evidence (fidelity.ts); null when not measured. */
  fidelity: FidelityReport | null;
  warnings: string[];
}

/** At most about this many histogram bins (10–22 in practice); the width is rounded up to 1, 2 or 5 × 10^k. */
const TARGET_BINS = 20;

/**
 * A round step, 1, 2 or 5 × 10^k: the nearest above `rough` ('up': bin widths, so the bins stay
 * at most as many as asked) or the nearest to it ('nearest': axis ticks).
 */
export function niceStep(rough: number, mode: 'up' | 'nearest' = 'up'): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const f = rough / power;
  // A small tolerance, so a step that is already round (2 = 2.0000000001 after a division) stays.
  const nice =
    mode === 'up' ? (f <= 1 + 1e-9 ? 1 : f <= 2 + 1e-9 ? 2 : f <= 5 + 1e-9 ? 5 : 10) : f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
  return nice * power;
}

/** Round ticks within [min, max]: the multiples of a round step (1, 2 or 5 × 10^k), about `count` of them. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const step = niceStep((max - min) / count, 'nearest');
  const ticks: number[] = [];
  for (let i = Math.ceil(min / step - 1e-9); i * step <= max + step * 1e-9; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

function band(xs: readonly number[]): Band {
  const sorted = [...xs].sort((a, b) => a - b);
  return { p10: quantile(sorted, 0.1), median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9) };
}
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const num = (x: number) => x.toFixed(1);

export function buildReport(
  scenario: Scenario,
  results: readonly SeedResult[],
  info: { seconds: number; workers: number },
  bots: readonly Bot[] = BOTS,
  fidelity: FidelityReport | null = null,
): BalanceReport {
  const n = results.length;
  const series = (bot: string, field: 'score' | 'revenueAfterQ2' | 'lateGrowth' | 'won') => results.map((r) => r.games[bot]?.[field] ?? 0);
  const scores = new Map(bots.map((b) => [b.name, series(b.name, 'score')]));
  const all = [...scores.values()].flat();
  const lowest = Math.min(...all, scenario.scoring.par);
  const highest = Math.max(...all, scenario.scoring.par);
  const width = niceStep(Math.max(1e-9, highest - lowest) / TARGET_BINS);
  const lo = Math.floor(lowest / width) * width;
  // The top edge lies above the highest score, so every score has a bin [edge, edge + width).
  const hi = (Math.floor(highest / width) + 1) * width;
  const BINS = Math.round((hi - lo) / width);
  const par = scenario.scoring.par;

  const distributions: Distribution[] = bots.map((bot) => {
    const xs = scores.get(bot.name)!;
    const sorted = [...xs].sort((a, b) => a - b);
    const histogram = new Array<number>(BINS).fill(0);
    for (const x of xs) histogram[Math.max(0, Math.min(BINS - 1, Math.floor((x - lo) / width)))]! += 1;
    const games = results.map((r) => r.games[bot.name]).filter((g): g is GameSummary => g !== undefined);
    const byQuarter = (field: 'revenueByQuarter' | 'profitByQuarter') =>
      Array.from({ length: scenario.quarters }, (_, q) => band(games.map((g) => g[field][q] ?? 0)));
    return {
      bot: bot.name,
      description: bot.description,
      n: xs.length,
      mean: mean(xs),
      min: sorted[0] ?? 0,
      p5: quantile(sorted, 0.05),
      q1: quantile(sorted, 0.25),
      median: quantile(sorted, 0.5),
      q3: quantile(sorted, 0.75),
      p95: quantile(sorted, 0.95),
      max: sorted[sorted.length - 1] ?? 0,
      parShare: xs.filter((x) => x >= par).length / Math.max(1, xs.length),
      histogram,
      totalBand: band(xs),
      parts: SCORE_COMPONENTS.map(({ key }, k) => {
        const values = games.map((g) => g.parts[k] ?? 0);
        return { part: key, weight: scenario.scoring.weights[key], mean: mean(values), ...band(values) };
      }),
      revenueByQuarter: byQuarter('revenueByQuarter'),
      profitByQuarter: byQuarter('profitByQuarter'),
    };
  });

  const ideas = ideaChecks(results, bots);
  const dispute = scenario.dispute ? disputeOutcomes(results, scenario.dispute.anchor) : null;

  const warnings: string[] = [];
  for (const check of ideas) if (!check.passed) warnings.push(`Idea check failed: ${check.claim} (${check.measured}).`);
  for (const d of dispute ?? []) {
    if (d.dominant) {
      const best = d.options.find((o) => o.option === d.dominant)!;
      warnings.push(`Dispute option "${d.dominant}" is the best choice for ${d.bot} in ${pct(best.bestShare)} of seeds (above ${pct(DOMINANCE_SHARE)}): the dispute has a right answer.`);
    }
    if (d.seeds === 0) warnings.push(`The dispute never opened in ${d.bot}'s games.`);
    for (const option of d.rarelyBest) {
      const o = d.options.find((x) => x.option === option)!;
      const bands = d.neverBest.includes(option) ? ', and the most often best in no band of anchor strength' : '';
      const share = o.bestShare === 0 ? `never the best choice for ${d.bot} (in none of ${d.seeds} seeds)` : `the best choice for ${d.bot} in only ${pct(o.bestShare)} of seeds (under ${pct(RARELY_BEST_SHARE)})`;
      warnings.push(`Dispute option "${option}" is ${share}${bands}: it is hardly ever right, so the dispute offers it in name only.`);
    }
  }
  warnings.push(...dominantStrategies(results, bots));
  const best = distributions.reduce((a, b) => (b.parShare > a.parShare ? b : a), distributions[0]!);
  const reachable = distributions.some((d) => d.max >= par);
  const balancedScores = scores.get('balanced');
  const balancedShare = distributions.find((d) => d.bot === 'balanced')?.parShare ?? null;
  const suggested = balancedScores ? suggestedPar(balancedScores) : null;
  const far = balancedShare !== null && (balancedShare < PAR_SHARE_BAND.low || balancedShare > PAR_SHARE_BAND.high);
  if (!reachable) warnings.push(`No bot reached par (${par}) in ${n} seeds: lower scoring.par or the targets (npm run check-scenarios names the cause: costs, or a target out of reach).`);
  if (far && balancedShare !== null) {
    warnings.push(
      `The balanced bot reaches par (${par}) in ${pct(balancedShare)} of seeds, far from about half (outside ${Math.round(100 * PAR_SHARE_BAND.low)}–${Math.round(100 * PAR_SHARE_BAND.high)}%): a par of ${suggested} (its median score) would be reached in about half.`,
    );
  }
  for (const d of distributions) {
    if (['all-marketing', 'all-sales', 'random', 'short-run-greedy'].includes(d.bot) && d.parShare > 0.5) {
      warnings.push(`${d.bot} reaches par in ${pct(d.parShare)} of seeds: a one-sided or careless strategy should not look good.`);
    }
  }

  return {
    scenario: { id: scenario.id, title: scenario.title, version: scenario.version, par, quarters: scenario.quarters },
    seeds: n,
    seconds: info.seconds,
    workers: info.workers,
    histogramRange: { min: lo, max: hi, bins: BINS, width },
    distributions,
    ideas,
    dispute,
    par: { value: par, reachable, bestBot: best?.bot ?? '', bestShare: best?.parShare ?? 0, balancedShare, far, band: { ...PAR_SHARE_BAND }, suggested },
    fidelity,
    warnings,
  };
}

/** The checks of tests/ideas/*.test.ts, with the same thresholds, on the report's seeds. */
function ideaChecks(results: readonly SeedResult[], bots: readonly Bot[]): IdeaCheck[] {
  const names = new Set(bots.map((b) => b.name));
  const needed = ['balanced', 'all-marketing', 'all-sales', 'short-run-greedy', 'adaptive'];
  if (!needed.every((b) => names.has(b))) return [];
  const n = results.length;
  const g = (bot: string, i: number) => results[i]!.games[bot]!;
  const share = (predicate: (i: number) => boolean) => {
    let hits = 0;
    for (let i = 0; i < n; i++) if (predicate(i)) hits++;
    return hits / Math.max(1, n);
  };
  const avg = (bot: string, field: 'score' | 'revenueAfterQ2' | 'lateGrowth' | 'won') => mean(results.map((r) => r.games[bot]![field]));
  const checks: IdeaCheck[] = [];

  const overMarketing = share((i) => g('balanced', i).score > g('all-marketing', i).score);
  const overSales = share((i) => g('balanced', i).score > g('all-sales', i).score);
  checks.push({
    id: 'balance-beats-extremes',
    ideas: [3],
    idea: 'Each needs the other (idea 3)',
    claim: 'balanced beats all-marketing and all-sales on final score in ≥ 95% of seeds',
    measured: `over all-marketing in ${pct(overMarketing)}, over all-sales in ${pct(overSales)}`,
    passed: overMarketing >= 0.95 && overSales >= 0.95,
  });

  const greedyAhead = share((i) => g('short-run-greedy', i).revenueAfterQ2 > g('balanced', i).revenueAfterQ2);
  const greedyMean = avg('short-run-greedy', 'revenueAfterQ2');
  const behind = bots.filter((b) => b.name !== 'short-run-greedy' && avg(b.name, 'revenueAfterQ2') >= greedyMean).map((b) => b.name);
  checks.push({
    id: 'greedy-leads-early',
    ideas: [1],
    idea: 'Sales is rewarded on the short run (idea 1)',
    claim: 'short-run-greedy leads balanced on revenue after quarter 2 in ≥ 90% of seeds, and every bot on average',
    measured: `ahead of balanced in ${pct(greedyAhead)}${behind.length > 0 ? `; not ahead of ${behind.join(', ')} on average` : '; ahead of every bot on average'}`,
    passed: greedyAhead >= 0.9 && behind.length === 0,
  });

  const greedyLoses = share((i) => g('short-run-greedy', i).score < g('balanced', i).score);
  checks.push({
    id: 'greedy-loses-late',
    ideas: [1, 2],
    idea: 'The short run against the long run (ideas 1, 2)',
    claim: 'short-run-greedy loses to balanced on final score in ≥ 80% of seeds',
    measured: `loses in ${pct(greedyLoses)}`,
    passed: greedyLoses >= 0.8,
  });

  const adaptive = avg('adaptive', 'score');
  const balanced = avg('balanced', 'score');
  checks.push({
    id: 'skill-pays',
    ideas: [7],
    idea: 'The firm that adjusts wins (idea 7)',
    claim: 'adaptive beats balanced on average final score',
    measured: `adaptive ${num(adaptive)} against balanced ${num(balanced)}`,
    passed: adaptive > balanced,
  });

  const salesLate = avg('all-sales', 'lateGrowth');
  const balancedLate = avg('balanced', 'lateGrowth');
  checks.push({
    id: 'no-marketing-no-sales',
    ideas: [3],
    idea: 'Without marketing there are no sales (idea 3)',
    claim: 'all-sales wins fewer new accounts and leads than balanced in the second half',
    measured: `all-sales ${num(salesLate)} against balanced ${num(balancedLate)}`,
    passed: salesLate < balancedLate,
  });

  const marketingWon = avg('all-marketing', 'won');
  const balancedWon = avg('balanced', 'won');
  checks.push({
    id: 'no-sales-marketing-fails',
    ideas: [3],
    idea: 'Without sales, marketing fails (idea 3)',
    claim: 'all-marketing wins fewer than half the new accounts balanced wins',
    measured: `all-marketing ${num(marketingWon)} against balanced ${num(balancedWon)}`,
    passed: marketingWon < 0.5 * balancedWon,
  });
  return checks;
}

/** The single best option of one seed's forced games, or null on a tie (the option made no difference). */
function bestOption(row: Partial<Record<DisputeOption, number>>): DisputeOption | null {
  let best: DisputeOption | null = null;
  let tie = false;
  for (const option of DISPUTE_OPTIONS) {
    const s = row[option];
    if (s === undefined) continue;
    if (best === null || s > row[best]!) {
      best = option;
      tie = false;
    } else if (s === row[best]) tie = true;
  }
  return tie ? null : best;
}

function disputeOutcomes(results: readonly SeedResult[], range: { min: number; max: number }): DisputeOutcome[] {
  return DISPUTE_BOTS.map((bot) => {
    const rows = results
      .map((r) => ({ forced: r.forced[bot], anchor: r.games[bot]?.anchor ?? null }))
      .filter((f): f is { forced: Partial<Record<DisputeOption, number>>; anchor: number | null } => f.forced !== undefined);
    const bestCount = new Map<DisputeOption, number>();
    // Bands of ANCHOR_BAND_WIDTH across 0–1, those the scenario's anchor range reaches.
    const bandCount = Math.round(1 / ANCHOR_BAND_WIDTH);
    const bandOf = (a: number) => Math.min(bandCount - 1, Math.max(0, Math.floor(a / ANCHOR_BAND_WIDTH + 1e-9)));
    const perBand = Array.from({ length: bandCount }, () => ({ seeds: 0, best: new Map<DisputeOption, number>() }));
    for (const row of rows) {
      const best = bestOption(row.forced);
      if (best !== null) bestCount.set(best, (bestCount.get(best) ?? 0) + 1);
      if (row.anchor === null) continue;
      const b = perBand[bandOf(row.anchor)]!;
      b.seeds++;
      if (best !== null) b.best.set(best, (b.best.get(best) ?? 0) + 1);
    }
    const options = DISPUTE_OPTIONS.map((option) => ({
      option,
      meanScore: mean(rows.map((r) => r.forced[option] ?? 0)),
      bestShare: (bestCount.get(option) ?? 0) / Math.max(1, rows.length),
    }));
    const dominant = options.find((o) => o.bestShare > DOMINANCE_SHARE)?.option ?? null;
    const byAnchor: AnchorBand[] = [];
    perBand.forEach((b, i) => {
      const from = Number((i * ANCHOR_BAND_WIDTH).toFixed(6));
      const to = Number(((i + 1) * ANCHOR_BAND_WIDTH).toFixed(6));
      const inRange = range.max >= from && range.min <= to && !(range.min === to && i < bandCount - 1);
      if (!inRange && b.seeds === 0) return;
      let top: DisputeOption | null = null;
      for (const option of DISPUTE_OPTIONS) {
        const c = b.best.get(option) ?? 0;
        if (c > 0 && (top === null || c > (b.best.get(top) ?? 0))) top = option;
      }
      const bestShare = Object.fromEntries(DISPUTE_OPTIONS.map((o) => [o, (b.best.get(o) ?? 0) / Math.max(1, b.seeds)])) as Record<DisputeOption, number>;
      const most = top === null ? 0 : (b.best.get(top) ?? 0);
      const tied = top === null ? [] : DISPUTE_OPTIONS.filter((o) => (b.best.get(o) ?? 0) === most);
      byAnchor.push({ from, to, seeds: b.seeds, bestShare, top, tops: tied });
    });
    const tops = new Set(byAnchor.flatMap((b) => b.tops));
    const neverBest = rows.length === 0 ? [] : DISPUTE_OPTIONS.filter((o) => !tops.has(o));
    const rarelyBest = rows.length === 0 ? [] : options.filter((o) => o.bestShare < RARELY_BEST_SHARE).map((o) => o.option);
    return { bot, seeds: rows.length, options, dominant, byAnchor, neverBest, rarelyBest };
  });
}

/** A fixed rule that beats the reading player, or a one-sided one that beats the balanced split. */
function dominantStrategies(results: readonly SeedResult[], bots: readonly Bot[]): string[] {
  const names = bots.map((b) => b.name);
  const warnings: string[] = [];
  const n = results.length;
  if (n === 0) return warnings;
  const wins = new Map<string, number>();
  for (const r of results) {
    let top = '';
    for (const name of names) if (top === '' || r.games[name]!.score > r.games[top]!.score) top = name;
    wins.set(top, (wins.get(top) ?? 0) + 1);
  }
  for (const [name, count] of wins) {
    if (name !== 'adaptive' && count / n > DOMINANCE_SHARE) {
      warnings.push(`${name} has the top score in ${pct(count / n)} of seeds: a fixed rule dominates, so reading the game does not pay.`);
    }
  }
  if (names.includes('balanced')) {
    const balanced = mean(results.map((r) => r.games.balanced!.score));
    for (const name of ['all-marketing', 'all-sales', 'short-run-greedy']) {
      if (!names.includes(name)) continue;
      const m = mean(results.map((r) => r.games[name]!.score));
      if (m >= balanced) warnings.push(`${name} scores ${num(m)} on average, not below balanced (${num(balanced)}): a one-sided strategy dominates.`);
    }
  }
  return warnings;
}
