// The planning screen's forecast: a plan judged over the rest of the game, not one quarter.
// It plays the plan forward under a stated continuation (CONTINUATION: this quarter's plan every
// quarter, the dispute kept if it comes) over sampled futures, and gives this quarter and the
// end of the game as the mean over futures with a 10–90% band, and what each move of the plan
// adds against the same plan without it this quarter.
//
// A future's luck is drawn from the forecast's own streams (`<scenario>~forecast:<k>:…`), never
// from the game's: the demand, conversion and churn draws, the prospects not yet won, and the
// hidden anchors of the accounts (placed again within what the player can know: the scenario's
// ranges, narrowed by an investigation's findings). So a forecast is the same for every seed at
// the same visible state, and it cannot reveal the seed's future. The scenario's scheduled
// events are part of the model and play in every future.
//
// Every future is played with the model's own resolver, so the mean is the mean over futures (not
// the value at average luck), and the band is calibrated by construction: the game's luck is one
// more draw from the same distribution (tests/sim/forecast-calibration.test.ts measures it).
import { isFinalOption, type FinalDisputeOption } from './dispute-options';
import { availableDisputeOptions, decideDispute } from './dispute';
import { effortAvailable } from './effort';
import { accountLayout } from './init';
import { NEW_ACCOUNT_MAX_ANCHOR, fix } from './model';
import { drawLuck, type Luck } from './random';
import { resolveQuarter, resolveValidQuarter } from './resolve/index';
import type { AccountState, Decision, GameState, Move, Scenario } from './types';
import { validateMove } from './validate';

/** How many futures a forecast plays unless told otherwise. */
export const FORECAST_FUTURES = 200;

/** What the forecast assumes after this quarter, as codes the app words. */
export const CONTINUATION = {
  /** Every later quarter repeats this quarter's plan (moves whose target is gone are dropped, a smaller budget trims the last moves). */
  plan: 'repeat',
  /** A dispute that opens (or comes back for a decision) in a future is settled by keeping the line. */
  dispute: 'keep' satisfies FinalDisputeOption,
} as const;

/** A figure over the futures: the mean, and the 10th and 90th percentiles. */
export interface Band {
  mean: number;
  p10: number;
  p90: number;
}

/** What one move of the plan adds, as the mean over futures of (plan) − (plan without the move this quarter). */
export interface MoveEffect {
  /** The move's index in the decision. */
  index: number;
  kind: Move['kind'];
  target: string | null;
  points: number;
  quarterRevenue: number;
  quarterProfit: number;
  /** Next quarter's revenue; null when this is the last quarter. */
  nextRevenue: number | null;
  /** Profit summed over the whole game. */
  totalProfit: number;
  customerEquity: number;
  score: number;
}

export interface Forecast {
  /** The quarter the plan is for. */
  quarter: number;
  /** Quarters played forward, this one included. */
  quartersAhead: number;
  futures: number;
  /** This quarter. */
  revenue: Band;
  profit: Band;
  customerEquity: Band;
  /** Next quarter's revenue under the continuation; null when this is the last quarter. */
  nextRevenue: Band | null;
  /** The end of the game: profit summed over every quarter (played and to come), customer equity, the final score. */
  end: { totalProfit: Band; customerEquity: Band; score: Band };
  /** One per move of the plan with points, in the decision's order (filled by forecastMoveEffect). */
  moves: MoveEffect[];
}

/** Each future's figures, kept so that a move's effect is measured on the same futures (common random numbers). */
export interface FutureOutcomes {
  revenue: Float64Array;
  profit: Float64Array;
  customerEquity: Float64Array;
  nextRevenue: Float64Array;
  totalProfit: Float64Array;
  endCustomerEquity: Float64Array;
  score: Float64Array;
}

// ---------------------------------------------------------------------------------------
// The futures.

const lucks = new WeakMap<Scenario, Luck[]>();

/** The forecast's own luck for future `k` (drawn once per scenario and kept). */
function futureLuck(scenario: Scenario, k: number): Luck {
  let list = lucks.get(scenario);
  if (!list) lucks.set(scenario, (list = []));
  const layout = accountLayout(scenario);
  return (list[k] ??= drawLuck(`${scenario.id}~forecast`, k + 1, {
    quarters: scenario.quarters,
    products: scenario.products.length,
    purchasesPerAccount: layout.purchasesPerAccount,
    prospects: scenario.market.prospects,
  }));
}

/**
 * The hidden anchors placed again from future `luck`, within what the player can know: a
 * starting account's purchase within its range in the scenario (the dispute's range for the
 * dispute's purchase, narrowed to an investigation's findings once there are some), a won
 * account's within the range every new account has.
 */
function placeAnchors(scenario: Scenario, state: GameState, luck: Luck): AccountState[] {
  const specs = scenario.accounts;
  const dispute = scenario.dispute;
  const found = state.dispute?.investigation ?? null;
  return state.accounts.map((account, i) => {
    const spec = i < specs.length ? specs[i]! : null;
    const buys = account.buys.map((buy, b) => {
      if (spec === null) {
        // A won account: the fallback purchase (no preferred line sold) has no anchor.
        if (buy.anchor === 0) return buy;
        const draws = luck.prospects[i - specs.length]?.anchorDraws ?? [0.5, 0.5];
        return { ...buy, anchor: fix(NEW_ACCOUNT_MAX_ANCHOR * draws[b % 2]!) };
      }
      const j = spec.buys.findIndex((s) => s.product === buy.product);
      if (j < 0) return buy;
      const disputed = dispute !== undefined && dispute.account === spec.id && dispute.product === buy.product;
      const range = disputed ? dispute.anchor : spec.buys[j]!.anchor;
      const draw = dispute && range === dispute.anchor ? luck.disputeAnchor : luck.anchors[i]![j]!;
      let min = range.min;
      let max = range.max;
      if (disputed && found !== null && Math.max(min, found.low) <= Math.min(max, found.high)) {
        min = Math.max(min, found.low);
        max = Math.min(max, found.high);
      }
      return { ...buy, anchor: fix(min + (max - min) * draw) };
    });
    return { ...account, buys };
  });
}

const starts = new WeakMap<GameState, GameState[]>();

/** The `n` futures of `state`: the same firm, the forecast's luck and anchors. Kept per state: a plan changes many times a quarter. */
function futureStarts(scenario: Scenario, state: GameState, n: number): GameState[] {
  let list = starts.get(state);
  if (!list) starts.set(state, (list = []));
  for (let k = list.length; k < n; k++) {
    const luck = futureLuck(scenario, k);
    const accounts = placeAnchors(scenario, state, luck);
    let dispute = state.dispute;
    if (dispute !== null) {
      const account = accounts.find((a) => a.id === dispute!.account);
      const anchor = account?.buys.find((b) => b.product === dispute!.product)?.anchor;
      if (anchor !== undefined) dispute = { ...dispute, anchorStrength: anchor };
    }
    list.push({ ...state, luck, accounts, dispute });
  }
  return list;
}

/**
 * The forecast's first `n` futures of `state`: the same firm with the forecast's own luck and
 * anchors, as every forecast of that state plays them. Shared with the forecast's cache, so never
 * to be changed: the quarter report sets the game's own luck against them, future by future.
 */
export function forecastFutures(scenario: Scenario, state: GameState, n = FORECAST_FUTURES): readonly GameState[] {
  return futureStarts(scenario, state, n).slice(0, n);
}

// ---------------------------------------------------------------------------------------
// The continuation.

/**
 * The plan as it can be played on `state`: moves whose target is gone (a dropped line, a lost
 * account) dropped, and the last moves trimmed when the dispute takes effort from the budget.
 */
export function fitPlan(scenario: Scenario, state: GameState, plan: readonly Move[]): Move[] {
  const moves = plan.filter((move) => move.points > 0 && validateMove(scenario, state, move).ok);
  let over = -effortAvailable(scenario, state);
  for (const move of moves) over += move.points;
  for (let k = moves.length - 1; k >= 0 && over > 0; k--) {
    const cut = Math.min(moves[k]!.points, over);
    over -= cut;
    moves[k] = { ...moves[k]!, points: moves[k]!.points - cut };
  }
  return moves.filter((move) => move.points > 0);
}

/** Settles an open dispute by the continuation's rule (or the first final option the state allows). */
function settleByContinuation(scenario: Scenario, state: GameState): GameState {
  const options = availableDisputeOptions(scenario, state);
  const option = options.includes(CONTINUATION.dispute) ? CONTINUATION.dispute : options.find(isFinalOption);
  return option === undefined ? state : decideDispute(scenario, state, option);
}

/**
 * Plays `first` this quarter, then the continuation of `plan` to the end; writes future `k`'s
 * figures into `out`. The later quarters skip the resolver's own check: fitPlan keeps each move's
 * rules and the budget, and the plan was checked whole (no move planned twice) when it was played
 * first, by forecastPlan.
 */
function playFuture(scenario: Scenario, start: GameState, first: Decision, plan: readonly Move[], out: FutureOutcomes, k: number): void {
  let state = resolveQuarter(scenario, start, first);
  const played = start.history.length;
  while (!state.finished) {
    if (state.dispute?.status === 'open') state = settleByContinuation(scenario, state);
    state = resolveValidQuarter(scenario, state, { moves: fitPlan(scenario, state, plan) });
  }
  const history = state.history;
  const now = history[played]!;
  out.revenue[k] = now.revenue;
  out.profit[k] = now.profit;
  out.customerEquity[k] = now.customerEquity;
  out.nextRevenue[k] = history[played + 1]?.revenue ?? Number.NaN;
  let total = 0;
  for (const record of history) total += record.profit;
  const last = history[history.length - 1]!;
  out.totalProfit[k] = total;
  out.endCustomerEquity[k] = last.customerEquity;
  out.score[k] = last.score.total;
}

function outcomes(n: number): FutureOutcomes {
  return {
    revenue: new Float64Array(n),
    profit: new Float64Array(n),
    customerEquity: new Float64Array(n),
    nextRevenue: new Float64Array(n),
    totalProfit: new Float64Array(n),
    endCustomerEquity: new Float64Array(n),
    score: new Float64Array(n),
  };
}

// ---------------------------------------------------------------------------------------
// Bands and effects.

/** The `p` quantile of sorted values, interpolated between neighbours. */
function quantile(sorted: Float64Array, p: number): number {
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

export function band(values: Float64Array): Band {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return { mean: sum / sorted.length, p10: quantile(sorted, 0.1), p90: quantile(sorted, 0.9) };
}

function meanDifference(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += a[k]! - b[k]!;
  return sum / a.length;
}

export interface ForecastRun {
  forecast: Forecast;
  /** Each future's figures under the whole plan: what forecastMoveEffect compares with. */
  outcomes: FutureOutcomes;
}

/**
 * The plan's forecast over `futures` futures, without the moves' effects (forecastMoveEffect adds
 * those one at a time, so a caller can show the band first). Throws InvalidDecisionError when the
 * model refuses the plan this quarter.
 */
export function forecastPlan(scenario: Scenario, state: GameState, decision: Decision, futures = FORECAST_FUTURES): ForecastRun {
  const plan = decision.moves;
  const out = outcomes(futures);
  const list = futureStarts(scenario, state, futures);
  for (let k = 0; k < futures; k++) playFuture(scenario, list[k]!, decision, plan, out, k);
  const last = state.quarter >= scenario.quarters;
  return {
    outcomes: out,
    forecast: {
      quarter: state.quarter,
      quartersAhead: scenario.quarters - state.quarter + 1,
      futures,
      revenue: band(out.revenue),
      profit: band(out.profit),
      customerEquity: band(out.customerEquity),
      nextRevenue: last ? null : band(out.nextRevenue),
      end: { totalProfit: band(out.totalProfit), customerEquity: band(out.endCustomerEquity), score: band(out.score) },
      moves: [],
    },
  };
}

/** What the decision's move `index` adds: the same futures played with the move left out this quarter (the continuation unchanged). */
export function forecastMoveEffect(scenario: Scenario, state: GameState, decision: Decision, index: number, run: ForecastRun): MoveEffect {
  const plan = decision.moves;
  const move = plan[index]!;
  const without: Decision = { moves: plan.filter((_, i) => i !== index) };
  const futures = run.forecast.futures;
  const out = outcomes(futures);
  const list = futureStarts(scenario, state, futures);
  for (let k = 0; k < futures; k++) playFuture(scenario, list[k]!, without, plan, out, k);
  const base = run.outcomes;
  return {
    index,
    kind: move.kind,
    target: move.target ?? null,
    points: move.points,
    quarterRevenue: meanDifference(base.revenue, out.revenue),
    quarterProfit: meanDifference(base.profit, out.profit),
    nextRevenue: run.forecast.nextRevenue === null ? null : meanDifference(base.nextRevenue, out.nextRevenue),
    totalProfit: meanDifference(base.totalProfit, out.totalProfit),
    customerEquity: meanDifference(base.endCustomerEquity, out.endCustomerEquity),
    score: meanDifference(base.score, out.score),
  };
}

/** The whole forecast at once: the band and every move's effect. */
export function forecast(scenario: Scenario, state: GameState, decision: Decision, futures = FORECAST_FUTURES): Forecast {
  const run = forecastPlan(scenario, state, decision, futures);
  const moves: MoveEffect[] = [];
  decision.moves.forEach((move, i) => {
    if (move.points > 0) moves.push(forecastMoveEffect(scenario, state, decision, i, run));
  });
  return { ...run.forecast, moves };
}

/**
 * Plays a game the way a forecast assumes: `plan` in every quarter from the state's (fitted to
 * each quarter), the dispute kept when it comes. What "the plan is followed" means in the
 * calibration tests.
 */
export function followPlan(scenario: Scenario, state: GameState, plan: readonly Move[]): GameState {
  let next = state;
  while (!next.finished) {
    if (next.dispute?.status === 'open') next = settleByContinuation(scenario, next);
    next = resolveQuarter(scenario, next, { moves: fitPlan(scenario, next, plan) });
  }
  return next;
}

/**
 * This quarter alone over the forecast's futures (the first quarter of forecastPlan's, the same
 * numbers): what the quarter report sets the actual figures against. Throws InvalidDecisionError
 * when the model refuses the decision.
 */
export function forecastQuarter(scenario: Scenario, state: GameState, decision: Decision, futures = FORECAST_FUTURES): { revenue: Band; profit: Band; customerEquity: Band; futures: number } {
  const out = outcomes(futures);
  const list = futureStarts(scenario, state, futures);
  const played = state.history.length;
  for (let k = 0; k < futures; k++) {
    const record = resolveQuarter(scenario, list[k]!, decision).history[played]!;
    out.revenue[k] = record.revenue;
    out.profit[k] = record.profit;
    out.customerEquity[k] = record.customerEquity;
  }
  return { revenue: band(out.revenue), profit: band(out.profit), customerEquity: band(out.customerEquity), futures };
}
