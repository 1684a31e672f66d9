// The quarter report's forecast against the actual: what the planning screen's forecast said for
// the quarter just played, and where the actual landed against it. The forecast is made again
// with the function the planning screen's band comes from (forecastQuarter is the first quarter of
// forecastPlan's futures), on the state the plan was made in (after the quarter's dispute
// choices) and the plan committed, over the same futures: so these are the very figures the
// trainee saw at commit. Codes and numbers only; the words are src/app's.
//
// And what parted the quarter from the forecast, measured rather than guessed. A future of the
// forecast is the game's own state with two things put in anew: the hidden anchors (placed within
// what the player can know) and the luck of the quarter's draws. Nothing else can part them:
// the events that fired before the quarter are in the state the forecast starts from, and a
// quarter's own events resolve after its P&L. So the gap is split by putting the game's own into
// every future one part at a time, in GAP_PARTS' order, and taking the mean over the futures
// after each: the anchors first (what the forecast could not know), then the quarter's draws
// (luck) — demand, then conversion with the prospects it wins, then churn. With the last, every
// future is the game itself, so the parts add up to the gap exactly.
import { ANCHOR_CHURN_QUARTERS, demandNoise } from '../sim/model';
import {
  FORECAST_FUTURES,
  forecastFutures,
  forecastQuarter,
  resolveQuarter,
  type Band,
  type Decision,
  type GameState,
  type Move,
  type QuarterRecord,
  type Scenario,
  type Step,
} from '../sim/index';
import { round4 } from './format';
import { replayGame, type PlayedQuarter } from './replay';

export type GapMeasure = 'revenue' | 'profit';

export const GAP_MEASURES: readonly GapMeasure[] = ['revenue', 'profit'];

/** Where the actual fell against the forecast's 10–90% range (the ends count as inside). */
export type GapPosition = 'below' | 'inside' | 'above';

export interface MeasureAgainstForecast {
  /** The forecast's mean over its futures and its 10–90% range, in cents. */
  forecast: Band;
  actual: number;
  /** The actual less the forecast's mean. */
  gap: number;
  position: GapPosition;
}

/** The parts of a gap, in the order they are measured. */
export const GAP_PARTS = ['anchors', 'demand', 'new-accounts', 'churn'] as const;
export type GapPart = (typeof GAP_PARTS)[number];

/** What the forecast could not know (the hidden anchors), and what is the luck of the quarter's draws. */
export const GAP_PART_SOURCE: Record<GapPart, 'hidden' | 'luck'> = {
  anchors: 'hidden',
  demand: 'luck',
  'new-accounts': 'luck',
  churn: 'luck',
};

/**
 * A part is named among the reasons when it is at least this share of the gap on the measure
 * explained, and at least GAP_PART_MIN cents: a part of a few dollars explains nothing of a gap
 * of thousands, whichever way it points.
 */
export const GAP_PART_SHARE = 0.05;
export const GAP_PART_MIN = 100;

/**
 * One part of the gap: how far putting the game's own into every future moved the mean over the
 * futures (cents), with the figures behind it:
 * - anchors: `products` the lines whose loss (or repricing) put anchors at stake this quarter,
 *   `accounts` the accounts buying them;
 * - demand: `demand:<line>` the game's demand this quarter against normal (1) for each line sold,
 *   `products` the lines from the farthest from normal;
 * - new-accounts: `won` the accounts won and `wonRevenue` what they bought in the quarter,
 *   `futuresWon` and `futuresWonRevenue` the futures' means (more accounts can buy less);
 * - churn: `lost` the accounts lost, `futuresLost` the futures' mean, `accounts` those lost and
 *   `risk:<account>` each one's risk of leaving (the model's churn split).
 */
export interface GapCause {
  part: GapPart;
  revenue: number;
  profit: number;
  figures: Record<string, number>;
  products: string[];
  accounts: string[];
}

export interface ForecastGap {
  quarter: number;
  /** How many futures the forecast played. */
  futures: number;
  revenue: MeasureAgainstForecast;
  profit: MeasureAgainstForecast;
  /** Every part of the gap, in GAP_PARTS' order; on each measure they add up to the gap. */
  parts: GapCause[];
}

export function positionIn(band: Band, actual: number): GapPosition {
  if (actual < band.p10) return 'below';
  if (actual > band.p90) return 'above';
  return 'inside';
}

function against(band: Band, actual: number): MeasureAgainstForecast {
  return { forecast: band, actual, gap: actual - band.mean, position: positionIn(band, actual) };
}

/** A copy of a per-quarter table of draws with quarter `qi`'s taken from `from`. */
function withQuarter<T>(table: readonly T[], qi: number, from: readonly T[]): T[] {
  const out = [...table];
  out[qi] = from[qi]!;
  return out;
}

/**
 * Each puts one more of the game's own into a future: the anchors (the accounts as the game
 * has them, and the dispute's anchor), then the quarter's demand draws, its conversion draw and
 * the prospects, its churn draws. Only the quarter's draws: nothing of the game's later luck.
 */
function partsOfTheGame(game: GameState): ((future: GameState) => GameState)[] {
  const qi = game.quarter - 1;
  const luck = game.luck;
  return [
    (f) => ({ ...f, accounts: game.accounts, dispute: game.dispute }),
    (f) => ({ ...f, luck: { ...f.luck, market: withQuarter(f.luck.market, qi, luck.market) } }),
    (f) => ({ ...f, luck: { ...f.luck, conversion: withQuarter(f.luck.conversion, qi, luck.conversion), prospects: luck.prospects } }),
    (f) => ({ ...f, luck: { ...f.luck, churn: withQuarter(f.luck.churn, qi, luck.churn) } }),
  ];
}

interface FuturesMean {
  revenue: number;
  profit: number;
  won: number;
  /** What the accounts won in the quarter bought in it. */
  wonRevenue: number;
  lost: number;
}

/** What the accounts won in the quarter of `record` bought in it (won accounts take the slots after the ones before). */
function wonRevenueOf(record: QuarterRecord): number {
  let total = 0;
  const first = record.accountRevenue.length - record.newAccounts.length;
  for (let j = first; j < record.accountRevenue.length; j++) total += record.accountRevenue[j]!;
  return total;
}

function meanOver(scenario: Scenario, futures: readonly GameState[], decision: Decision): FuturesMean {
  const mean = { revenue: 0, profit: 0, won: 0, wonRevenue: 0, lost: 0 };
  for (const future of futures) {
    const record = resolveQuarter(scenario, future, decision).history[future.history.length]!;
    mean.revenue += record.revenue;
    mean.profit += record.profit;
    mean.won += record.newAccounts.length;
    mean.wonRevenue += wonRevenueOf(record);
    mean.lost += record.lostAccounts.length;
  }
  const n = futures.length;
  return { revenue: mean.revenue / n, profit: mean.profit / n, won: mean.won / n, wonRevenue: mean.wonRevenue / n, lost: mean.lost / n };
}

/** The lines whose loss (or repricing, in the dispute) put the accounts' anchors at stake in the quarter, and the accounts buying them. */
function anchorsAtStake(game: GameState): { products: string[]; accounts: string[] } {
  const q = game.quarter;
  const products = game.products.filter((p) => !p.active && p.discontinuedInQuarter !== null && q - p.discontinuedInQuarter < ANCHOR_CHURN_QUARTERS).map((p) => p.id);
  const d = game.dispute;
  if (d !== null && d.option === 'reprice' && d.decidedInQuarter !== null && q - d.decidedInQuarter < ANCHOR_CHURN_QUARTERS && !products.includes(d.product)) products.push(d.product);
  const accounts = game.accounts.filter((a) => a.active && a.buys.some((b) => products.includes(b.product))).map((a) => a.id);
  return { products, accounts };
}

function figuresOf(scenario: Scenario, part: GapPart, game: GameState, record: QuarterRecord, before: FuturesMean): Pick<GapCause, 'figures' | 'products' | 'accounts'> {
  switch (part) {
    case 'anchors':
      return { figures: {}, ...anchorsAtStake(game) };
    case 'demand': {
      const figures: Record<string, number> = {};
      const sold = record.products.filter((l) => l.units > 0).map((l) => l.product);
      const draws = game.luck.market[game.quarter - 1]!;
      for (const id of sold) figures[`demand:${id}`] = round4(demandNoise(draws[scenario.products.findIndex((p) => p.id === id)]!));
      const off = (id: string) => Math.abs(figures[`demand:${id}`]! - 1);
      return { figures, products: [...sold].sort((a, b) => off(b) - off(a)), accounts: [] };
    }
    case 'new-accounts':
      return {
        figures: { won: record.newAccounts.length, wonRevenue: wonRevenueOf(record), futuresWon: round4(before.won), futuresWonRevenue: Math.round(before.wonRevenue) },
        products: [],
        accounts: [],
      };
    case 'churn': {
      const figures: Record<string, number> = { lost: record.lostAccounts.length, futuresLost: round4(before.lost) };
      for (const loss of record.losses) figures[`risk:${loss.account}`] = round4(loss.ordinaryChurn + loss.anchorChurn);
      return { figures, products: [], accounts: record.losses.map((l) => l.account) };
    }
  }
}

/** The forecast of `played`'s plan against what the quarter did, and the parts of the gap. */
export function forecastGapOf(scenario: Scenario, played: PlayedQuarter, futures = FORECAST_FUTURES): ForecastGap {
  const game = played.beforeMoves;
  const decision: Decision = { moves: played.step.moves };
  const record = played.record;
  const said = forecastQuarter(scenario, game, decision, futures);
  // The mean after each part is put in; the last makes every future the game, so its mean is the record.
  let states = forecastFutures(scenario, game, futures);
  let before: FuturesMean = { revenue: said.revenue.mean, profit: said.profit.mean, won: Number.NaN, wonRevenue: Number.NaN, lost: Number.NaN };
  const putIn = partsOfTheGame(game);
  const parts: GapCause[] = [];
  GAP_PARTS.forEach((part, i) => {
    states = states.map(putIn[i]!);
    const last = i === GAP_PARTS.length - 1;
    const after: FuturesMean = last
      ? { revenue: record.revenue, profit: record.profit, won: record.newAccounts.length, wonRevenue: wonRevenueOf(record), lost: record.lostAccounts.length }
      : meanOver(scenario, states, decision);
    parts.push({ part, revenue: after.revenue - before.revenue, profit: after.profit - before.profit, ...figuresOf(scenario, part, game, record, before) });
    before = after;
  });
  return {
    quarter: played.quarter,
    futures: said.futures,
    revenue: against(said.revenue, record.revenue),
    profit: against(said.profit, record.profit),
    parts,
  };
}

/** The measures whose actual fell outside the forecast's range: the gaps a report explains. */
export function outsideRange(gap: ForecastGap): GapMeasure[] {
  return GAP_MEASURES.filter((m) => gap[m].position !== 'inside');
}

/**
 * The parts behind the gap on `measure`, biggest first whatever their sign (a part that worked
 * against the gap is named too); those under GAP_PART_SHARE of the gap, or GAP_PART_MIN, are left out.
 */
export function rankedParts(gap: ForecastGap, measure: GapMeasure): GapCause[] {
  const floor = Math.max(GAP_PART_MIN, GAP_PART_SHARE * Math.abs(gap[measure].gap));
  return gap.parts
    .filter((p) => Math.abs(p[measure]) >= floor)
    .sort((a, b) => Math.abs(b[measure]) - Math.abs(a[measure]) || GAP_PARTS.indexOf(a.part) - GAP_PARTS.indexOf(b.part));
}

/**
 * The forecast against the actual for the plan `moves` played on `state`, the state it was made
 * in (after the quarter's dispute choices): the quarter is resolved here, as the game resolved it.
 */
export function forecastGapOfPlan(scenario: Scenario, state: GameState, moves: readonly Move[], futures = FORECAST_FUTURES): ForecastGap {
  const step = { moves: [...moves] };
  const end = resolveQuarter(scenario, state, step);
  return forecastGapOf(scenario, { quarter: state.quarter, start: state, beforeMoves: state, end, step, record: end.history[end.history.length - 1]! }, futures);
}

/** The forecast against the actual for the last quarter of `steps` (a game still being played). */
export function forecastGap(scenario: Scenario, seed: number, steps: readonly Step[], futures = FORECAST_FUTURES): ForecastGap | null {
  if (steps.length === 0) return null;
  const game = replayGame(scenario, seed, steps, true);
  return forecastGapOf(scenario, game.quarters[game.quarters.length - 1]!, futures);
}
