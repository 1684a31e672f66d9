// The balance report's computing part, free of I/O so the CLI's workers and the tests share it:
// play a range of seeds with every bot (and the dispute's options forced), then turn the
// per-seed numbers into the report — score distributions, the idea checks of tests/ideas,
// the dispute's outcomes, dominant-strategy warnings and whether par is reachable.
import type { FidelityReport } from './fidelity';
import { BOTS, DISPUTE_OPTIONS, playBot, type Bot, type DisputeOption, type GameState, type Scenario } from '../sim/index';

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
}

export interface IdeaCheck {
  id: string;
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
}

export interface BalanceReport {
  scenario: { id: string; title: string; version: number; par: number; quarters: number };
  seeds: number;
  seconds: number;
  workers: number;
  histogramRange: { min: number; max: number; bins: number };
  distributions: Distribution[];
  ideas: IdeaCheck[];
  dispute: DisputeOutcome[] | null;
  par: { value: number; reachable: boolean; bestBot: string; bestShare: number };
  /** The model's responses against the published evidence (fidelity.ts); null when not measured. */
  fidelity: FidelityReport | null;
  warnings: string[];
}

const BINS = 30;

function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length);
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
  const series = (bot: string, field: keyof Omit<GameSummary, 'disputeOpened' | 'option'>) => results.map((r) => r.games[bot]?.[field] ?? 0);
  const scores = new Map(bots.map((b) => [b.name, series(b.name, 'score')]));
  const all = [...scores.values()].flat();
  const lo = Math.floor(Math.min(...all, scenario.scoring.par));
  const hi = Math.ceil(Math.max(...all, scenario.scoring.par)) + 1;
  const par = scenario.scoring.par;

  const distributions: Distribution[] = bots.map((bot) => {
    const xs = scores.get(bot.name)!;
    const sorted = [...xs].sort((a, b) => a - b);
    const histogram = new Array<number>(BINS).fill(0);
    for (const x of xs) histogram[Math.min(BINS - 1, Math.floor(((x - lo) / (hi - lo)) * BINS))]! += 1;
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
    };
  });

  const ideas = ideaChecks(results, bots);
  const dispute = scenario.dispute ? disputeOutcomes(results) : null;

  const warnings: string[] = [];
  for (const check of ideas) if (!check.passed) warnings.push(`Idea check failed: ${check.claim} (${check.measured}).`);
  for (const d of dispute ?? []) {
    if (d.dominant) {
      const best = d.options.find((o) => o.option === d.dominant)!;
      warnings.push(`Dispute option "${d.dominant}" is the best choice for ${d.bot} in ${pct(best.bestShare)} of seeds (above ${pct(DOMINANCE_SHARE)}): the dispute has a right answer.`);
    }
    if (d.seeds === 0) warnings.push(`The dispute never opened in ${d.bot}'s games.`);
  }
  warnings.push(...dominantStrategies(results, bots));
  const best = distributions.reduce((a, b) => (b.parShare > a.parShare ? b : a), distributions[0]!);
  const reachable = distributions.some((d) => d.max >= par);
  if (!reachable) warnings.push(`No bot reached par (${par}) in ${n} seeds: lower scoring.par or the targets.`);
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
    histogramRange: { min: lo, max: hi, bins: BINS },
    distributions,
    ideas,
    dispute,
    par: { value: par, reachable, bestBot: best?.bot ?? '', bestShare: best?.parShare ?? 0 },
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
    idea: 'Sales is rewarded on the short run (idea 1)',
    claim: 'short-run-greedy leads balanced on revenue after quarter 2 in ≥ 90% of seeds, and every bot on average',
    measured: `ahead of balanced in ${pct(greedyAhead)}${behind.length > 0 ? `; not ahead of ${behind.join(', ')} on average` : '; ahead of every bot on average'}`,
    passed: greedyAhead >= 0.9 && behind.length === 0,
  });

  const greedyLoses = share((i) => g('short-run-greedy', i).score < g('balanced', i).score);
  checks.push({
    id: 'greedy-loses-late',
    idea: 'The short run against the long run (ideas 1, 2)',
    claim: 'short-run-greedy loses to balanced on final score in ≥ 80% of seeds',
    measured: `loses in ${pct(greedyLoses)}`,
    passed: greedyLoses >= 0.8,
  });

  const adaptive = avg('adaptive', 'score');
  const balanced = avg('balanced', 'score');
  checks.push({
    id: 'skill-pays',
    idea: 'The firm that adjusts wins (idea 7)',
    claim: 'adaptive beats balanced on average final score',
    measured: `adaptive ${num(adaptive)} against balanced ${num(balanced)}`,
    passed: adaptive > balanced,
  });

  const salesLate = avg('all-sales', 'lateGrowth');
  const balancedLate = avg('balanced', 'lateGrowth');
  checks.push({
    id: 'no-marketing-no-sales',
    idea: 'Without marketing there are no sales (idea 3)',
    claim: 'all-sales wins fewer new accounts and leads than balanced in the second half',
    measured: `all-sales ${num(salesLate)} against balanced ${num(balancedLate)}`,
    passed: salesLate < balancedLate,
  });

  const marketingWon = avg('all-marketing', 'won');
  const balancedWon = avg('balanced', 'won');
  checks.push({
    id: 'no-sales-marketing-fails',
    idea: 'Without sales, marketing fails (idea 3)',
    claim: 'all-marketing wins fewer than half the new accounts balanced wins',
    measured: `all-marketing ${num(marketingWon)} against balanced ${num(balancedWon)}`,
    passed: marketingWon < 0.5 * balancedWon,
  });
  return checks;
}

function disputeOutcomes(results: readonly SeedResult[]): DisputeOutcome[] {
  return DISPUTE_BOTS.map((bot) => {
    const rows = results.map((r) => r.forced[bot]).filter((f): f is Partial<Record<DisputeOption, number>> => f !== undefined);
    const bestCount = new Map<DisputeOption, number>();
    for (const row of rows) {
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
      // A tie is nobody's win: the option made no difference in that seed.
      if (best !== null && !tie) bestCount.set(best, (bestCount.get(best) ?? 0) + 1);
    }
    const options = DISPUTE_OPTIONS.map((option) => ({
      option,
      meanScore: mean(rows.map((r) => r[option] ?? 0)),
      bestShare: (bestCount.get(option) ?? 0) / Math.max(1, rows.length),
    }));
    const dominant = options.find((o) => o.bestShare > DOMINANCE_SHARE)?.option ?? null;
    return { bot, seeds: rows.length, options, dominant };
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
