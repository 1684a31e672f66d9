// Figures for tuning a scenario, worked out from bot games (numbers only; the words are
// check-scenarios' and the meaning checks'): what the first quarter looks like under the
// balanced bot, each bot's median score, a suggested par and suggested targets, and — when par
// is out of reach — its causes: a firm that loses money in every quarter whatever it does, or a
// score part that even the best bot's typical game scores below par.
import { SCORE_COMPONENTS, type ScoreComponent } from '../sim/score';
import { BOTS, playBot, scoreCard, type Bot, type GameState, type Scenario } from '../sim/index';

// --- small statistics (shared with the balance report) -----------------------------------

/** The p-quantile of sorted numbers, interpolated between the two nearest ranks. */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

export function median(xs: readonly number[]): number {
  return quantile([...xs].sort((a, b) => a - b), 0.5);
}

export const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length);

/** `x` rounded to `digits` significant figures: a figure an author would type. */
export function roundSignificant(x: number, digits = 2): number {
  if (x === 0 || !Number.isFinite(x)) return 0;
  const scale = 10 ** (Math.floor(Math.log10(Math.abs(x))) - digits + 1);
  return Math.round(x / scale) * scale;
}

// --- the games ---------------------------------------------------------------------------

/** Each bot's final game state on seeds 1..seeds, in the bots' order. */
export interface BotGames {
  seeds: number;
  bots: { bot: string; games: GameState[] }[];
}

export function playBotGames(scenario: Scenario, seeds: number, bots: readonly Bot[] = BOTS): BotGames {
  return {
    seeds,
    bots: bots.map((bot) => {
      const games: GameState[] = [];
      for (let seed = 1; seed <= seeds; seed++) games.push(playBot(scenario, seed, bot).state);
      return { bot: bot.name, games };
    }),
  };
}

export const finalScore = (state: GameState): number => state.history[state.history.length - 1]?.score.total ?? 0;

// --- what the first quarter looks like ---------------------------------------------------

/** Quarter 1 under one bot, each figure the mean over the seeds (so margin − fixed cost = profit). Cents. */
export interface FirstQuarter {
  bot: string;
  seeds: number;
  lines: { product: string; revenue: number; margin: number; fixedCost: number; profit: number }[];
  overhead: number;
  revenue: number;
  profit: number;
  /** Cash at the quarter's end. */
  cash: number;
}

export function firstQuarter(scenario: Scenario, played: BotGames, bot = 'balanced'): FirstQuarter | null {
  const games = played.bots.find((b) => b.bot === bot)?.games ?? [];
  const records = games.map((g) => g.history[0]).filter((r) => r !== undefined);
  if (records.length === 0) return null;
  const avg = (f: (r: (typeof records)[number]) => number) => mean(records.map(f));
  return {
    bot,
    seeds: records.length,
    lines: scenario.products.map((p, i) => {
      const revenue = avg((r) => r.products[i]!.revenue);
      const margin = revenue - avg((r) => r.products[i]!.variableCost);
      const fixedCost = avg((r) => r.products[i]!.fixedCost);
      return { product: p.id, revenue, margin, fixedCost, profit: margin - fixedCost };
    }),
    overhead: scenario.firm.overhead,
    revenue: avg((r) => r.revenue),
    profit: avg((r) => r.profit),
    cash: avg((r) => r.cash),
  };
}

// --- par and targets ---------------------------------------------------------------------

/** The scoring section's limits on par (schema: 0–200). */
const PAR_MIN = 0;
const PAR_MAX = 200;

/**
 * The suggested par: the balanced bot's median final score, rounded down to a whole point, so
 * the balanced bot reaches par in at least (about) half the seeds — what a good scenario aims for
 * (docs/scenarios.md, "The balance report").
 */
export function suggestedPar(balancedScores: readonly number[]): number {
  return Math.min(PAR_MAX, Math.max(PAR_MIN, Math.floor(median(balancedScores))));
}

export const parShare = (scores: readonly number[], par: number): number => scores.filter((x) => x >= par).length / Math.max(1, scores.length);

/** The score parts with a target: what the game sums (profit, revenue) or ends with (customer equity). */
export const MONEY_PARTS = ['profit', 'revenue', 'customerEquity'] as const;
export type MoneyPart = (typeof MONEY_PARTS)[number];

/** A money part's value over one game, in cents, as the scorecard measures it. */
export function moneyValue(state: GameState, part: MoneyPart): number {
  const h = state.history;
  if (part === 'customerEquity') return h[h.length - 1]?.customerEquity ?? 0;
  let total = 0;
  for (const r of h) total += r[part];
  return total;
}

export interface TargetSuggestion {
  part: MoneyPart;
  current: number;
  /** The bot with the highest median value, and that median (cents). */
  bot: string;
  reached: number;
  /**
   * The suggested target: the best bot's median to two significant figures, so its typical game
   * scores about 100 points on the part; null when that median is not above zero.
   */
  suggested: number | null;
}

export function suggestTargets(scenario: Scenario, played: BotGames): TargetSuggestion[] {
  return MONEY_PARTS.map((part) => {
    let bot = '';
    let reached = -Infinity;
    for (const b of played.bots) {
      const m = median(b.games.map((g) => moneyValue(g, part)));
      if (m > reached) {
        reached = m;
        bot = b.bot;
      }
    }
    const suggested = reached >= 1 ? Math.max(1, Math.round(roundSignificant(reached, 2))) : null;
    return { part, current: scenario.scoring.targets[part], bot, reached: Number.isFinite(reached) ? reached : 0, suggested };
  });
}

/** The balanced bot's final scores rescored with other targets (the games are the same: targets change no decision of these bots). */
export function rescored(scenario: Scenario, games: readonly GameState[], targets: Scenario['scoring']['targets']): number[] {
  const other: Scenario = { ...scenario, scoring: { ...scenario.scoring, targets } };
  return games.map((g) => scoreCard(other, g.history).total);
}

export interface ParSuggestion {
  current: number;
  /** The balanced bot's share of seeds reaching the current par. */
  currentShare: number;
  balancedMedian: number;
  suggested: number;
  targets: TargetSuggestion[];
  /** The suggested par again, were the suggested targets adopted (null when a target cannot be suggested). */
  suggestedWithTargets: number | null;
}

export function suggestPar(scenario: Scenario, played: BotGames): ParSuggestion | null {
  const balanced = played.bots.find((b) => b.bot === 'balanced')?.games;
  if (!balanced || balanced.length === 0) return null;
  const scores = balanced.map(finalScore);
  const targets = suggestTargets(scenario, played);
  const all = targets.every((t) => t.suggested !== null);
  const next = { ...scenario.scoring.targets };
  for (const t of targets) if (t.suggested !== null) next[t.part] = t.suggested;
  return {
    current: scenario.scoring.par,
    currentShare: parShare(scores, scenario.scoring.par),
    balancedMedian: median(scores),
    suggested: suggestedPar(scores),
    targets,
    suggestedWithTargets: all ? suggestedPar(rescored(scenario, balanced, next)) : null,
  };
}

/** Each bot's median final score, in the bots' order. */
export function medianScores(played: BotGames): { bot: string; median: number }[] {
  return played.bots.map((b) => ({ bot: b.bot, median: median(b.games.map(finalScore)) }));
}

// --- why par is out of reach -------------------------------------------------------------

/**
 * The firm loses money in every quarter whatever the bots do: in each quarter, every bot's
 * median profit over the seeds is below zero. Figures are the best bot's (highest median profit
 * over the game), a quarter on average over its games, in cents.
 */
export interface LossEveryQuarter {
  bot: string;
  /** What the lines earn over their unit costs (revenue − variable costs), a quarter. */
  margin: number;
  /** The lines' fixed costs, a quarter. */
  fixedCosts: number;
  overhead: number;
  profit: number;
  /** Lines whose margin is below zero (they sell below their unit cost), worst first. */
  belowCost: { product: string; margin: number }[];
  /** The line with the highest fixed cost a quarter, and that cost. */
  largestFixed: { product: string; fixedCost: number } | null;
}

export function lossEveryQuarter(scenario: Scenario, played: BotGames): LossEveryQuarter | null {
  const games = played.bots.flatMap((b) => b.games);
  if (games.length === 0) return null;
  for (let q = 0; q < scenario.quarters; q++) {
    for (const b of played.bots) {
      if (median(b.games.map((g) => g.history[q]?.profit ?? 0)) >= 0) return null;
    }
  }
  let best = played.bots[0]!;
  let bestProfit = -Infinity;
  for (const b of played.bots) {
    const m = median(b.games.map((g) => moneyValue(g, 'profit')));
    if (m > bestProfit) {
      bestProfit = m;
      best = b;
    }
  }
  const records = best.games.flatMap((g) => g.history);
  const n = Math.max(1, records.length);
  const lineMargin = scenario.products.map((_, i) => records.reduce((s, r) => s + r.products[i]!.revenue - r.products[i]!.variableCost, 0) / n);
  const lineFixed = scenario.products.map((_, i) => records.reduce((s, r) => s + r.products[i]!.fixedCost, 0) / n);
  const margin = lineMargin.reduce((s, x) => s + x, 0);
  const fixedCosts = lineFixed.reduce((s, x) => s + x, 0);
  const belowCost = scenario.products
    .map((p, i) => ({ product: p.id, margin: lineMargin[i]! }))
    .filter((l) => l.margin < 0)
    .sort((a, b) => a.margin - b.margin);
  let largestFixed: LossEveryQuarter['largestFixed'] = null;
  scenario.products.forEach((p, i) => {
    if (lineFixed[i]! > 0 && (largestFixed === null || lineFixed[i]! > largestFixed.fixedCost)) largestFixed = { product: p.id, fixedCost: lineFixed[i]! };
  });
  return {
    bot: best.bot,
    margin,
    fixedCosts,
    overhead: scenario.firm.overhead,
    profit: records.reduce((s, r) => s + r.profit, 0) / n,
    belowCost,
    largestFixed,
  };
}

/**
 * A part counts as a cause of an out-of-reach par when it accounts for at least this share of
 * the gap between par and the best median total of any bot: weight share × (par − its points).
 */
export const CAUSE_SHARE = 0.5;

/**
 * A score part that keeps the total under par: even the best bot's median of its points (the
 * bot with the highest median on that part) is below par, and that shortfall, weighted, is at
 * least CAUSE_SHARE of the gap between par and the best bot's median total. Only parts with a
 * weight count; each part is judged by itself.
 */
export interface PartBelowPar {
  part: ScoreComponent;
  bot: string;
  /** The best bot's median points on the part. */
  points: number;
  /** For a money part: the target, the best bot's median value (cents) and the target that would score par's points from it (null when that value is not above zero). */
  target: { current: number; reached: number; forPar: number | null } | null;
}

export function partsBelowPar(scenario: Scenario, played: BotGames, par = scenario.scoring.par): PartBelowPar[] {
  const out: PartBelowPar[] = [];
  const weights = scenario.scoring.weights;
  const weightSum = SCORE_COMPONENTS.reduce((sum, { key }) => sum + weights[key], 0);
  const bestTotal = Math.max(...played.bots.map((b) => median(b.games.map(finalScore))));
  const gap = par - bestTotal;
  if (!(gap > 0) || weightSum <= 0) return out;
  for (const { key } of SCORE_COMPONENTS) {
    if (weights[key] <= 0) continue;
    let bot = '';
    let points = -Infinity;
    let games: GameState[] = [];
    for (const b of played.bots) {
      const m = median(b.games.map((g) => g.history[g.history.length - 1]?.score[key] ?? 0));
      if (m > points) {
        points = m;
        bot = b.bot;
        games = b.games;
      }
    }
    if (!(points < par) || (weights[key] / weightSum) * (par - points) < CAUSE_SHARE * gap) continue;
    let target: PartBelowPar['target'] = null;
    if ((MONEY_PARTS as readonly string[]).includes(key)) {
      const part = key as MoneyPart;
      const reached = median(games.map((g) => moneyValue(g, part)));
      target = { current: scenario.scoring.targets[part], reached, forPar: reached >= 1 && par > 0 ? Math.max(1, Math.round(roundSignificant((100 * reached) / par, 2))) : null };
    }
    out.push({ part: key, bot, points, target });
  }
  return out;
}
