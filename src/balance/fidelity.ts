// Fidelity: the magnitudes the model produces, measured by playing it, set beside the published
// evidence (published.ts). Pure and deterministic (no clock, no I/O): `npm run fidelity`, the
// balance report and the tests share it.
//
// Method — every choice stated, so an instructor can defend (or dispute) each figure:
//
// • The reference plan is the balanced bot's (src/sim/bots/strategies.ts): each quarter half the
//   effort available (rounded down) to marketing's usual mix, the rest to sales', and the dispute
//   settled as that bot settles it. Seeds 1..N (200 by default).
// • Common random numbers: each perturbed game starts from the reference game's own state at the
//   quarter perturbed, with the same seed, so the model's luck (drawn per quarter and entity
//   whether used or not) is the same in both; the difference is the effort's doing, not noise.
// • A perturbation changes one side's effort points in one quarter only, by ±Δ with
//   Δ = max(1, round(10% of that side's points)) — effort points are whole, so on 4 points Δ is 1
//   (±25%), on 10 it is 1 (±10%), on 15 it is 2 (±13%). The points are added to (or taken from)
//   that side's moves in proportion to their points (largest remainder), so the side's mix is
//   kept; the other side and every later quarter follow the reference plan (which reads the
//   state, as a player would). The +Δ plan spends Δ more than the budget: an off-budget
//   experiment, like an econometric elasticity "the rest held" (the game itself would refuse it).
// • Each quarter of the first half of the game (1..⌊T/2⌋) is perturbed in turn, so at least T/2
//   quarters follow every perturbation. Revenue is summed over seeds for the +Δ and the −Δ games.
// • Short-run elasticity of revenue to a side: the arc elasticity
//   ((R₊ − R₋) / (R₊ + R₋)) / ((x₊ − x₋) / (x₊ + x₋)) with R the seeds' mean revenue in the
//   response quarter and x the side's points, averaged over the quarters perturbed. The response
//   quarter is the quarter itself for sales; for marketing it is the quarter after, because the
//   model's marketing works with a one-quarter lag (src/sim/resolve/quarter.ts: a quarter's sales
//   see the goodwill it started with). Marketing's in-quarter elasticity, 0 by that design, is
//   reported as well.
// • The effect profile e_k: the mean revenue difference (+Δ minus −Δ games) k quarters after the
//   perturbed quarter, per point of effort, over k = 0..K where K = T − ⌊T/2⌋ (the quarters every
//   perturbation has). Long-run / short-run = Σ e_k over k ≥ lag, against e_lag (the cumulated
//   effect ends with the game: a lower bound when `tail` is large). Carry-over = e_{lag+1} / e_lag,
//   the share of the effect still there a quarter later. The 90% duration: months from the start
//   of the perturbed quarter to the end of the quarter in which 90% of the cumulated effect is in.
// • Customer equity's sensitivity: on the reference game's own accounts at the end of every
//   quarter, with the model's CLV formula (lifetimeValue in src/sim/model.ts): retention of an
//   account 1 − churnProbability(its relationship and satisfaction), its margin that quarter its
//   revenue × the firm's gross-margin share of the quarter (the record keeps revenue by account,
//   not margin). The ratio is the % change in Σ CLV for a 1% higher retention against a 1% higher
//   margin, pooled over accounts, quarters and seeds. Published figures use annual retention, so
//   the figure compared is for 1% of annual retention (quarterly r → (1.01·r⁴)^¼); the figure for
//   1% of the quarterly rate is given beside it.
// • Bass rates: from the accounts won — per quarter t the seeds' mean new accounts n_t and
//   accounts won before it N_{t−1}, with the market m = the scenario's prospects — the hazard
//   n_t / (m − N_{t−1}) fitted by least squares to p + q·N_{t−1}/m (discrete Bass). The fit stops
//   at the first quarter by whose end 5% of the seeds or more had run out of prospects: there the
//   pool's cap, not diffusion, sets the count. The rates are per quarter; published ones are
//   mostly from annual data, so they are compared ×4 (small rates scale with the period).
import { churnProbability, lifetimeValue } from '../sim/model';
import { MOVE_INFO, botNamed, createGame, decideDispute, isFinalOption, resolveValidQuarter, type Bot, type GameState, type Move, type Scenario } from '../sim/index';
import { CONFIRMATION_TEXT, PUBLISHED, type Concept, type PublishedFigure } from './published';

export const FIDELITY_SEEDS = 200;

export type Side = 'marketing' | 'sales';
export const SIDES: readonly Side[] = ['marketing', 'sales'];

/** Quarters from a side's effort to the first revenue it moves (see the header). */
export const RESPONSE_LAG: Readonly<Record<Side, number>> = { marketing: 1, sales: 0 };

export const REFERENCE_PLAN =
  'the balanced bot: half the effort available to marketing’s usual mix, half to sales’, every quarter; the dispute settled as that bot does';

export interface FidelityOptions {
  seeds?: number;
  /** The bot whose plan is the reference (default balanced). */
  bot?: Bot;
}

export interface FidelityFigure {
  concept: Concept;
  label: string;
  /** The model's figure, or null when it cannot be measured (no effect to divide by). */
  value: number | null;
  unit: string;
  /** How this figure was measured for this scenario, in a line. */
  method: string;
  published: PublishedFigure;
  /** Whether the figure falls inside the published band; null without a figure or a band. */
  inside: boolean | null;
}

export interface SideMeasure {
  /** The side's points in the reference plan (mean over the quarters perturbed). */
  points: number;
  /** The perturbation, in points, in each quarter perturbed. */
  delta: number[];
  /** Arc elasticity in the response quarter, per quarter perturbed. */
  elasticityByQuarter: number[];
  elasticity: number;
  /** Arc elasticity in the quarter of the effort itself. */
  sameQuarterElasticity: number;
  /** Mean revenue change (cents) per point of effort, k = 0..K quarters after. */
  profile: number[];
  longShort: number | null;
  carryover: number | null;
  /** Months to 90% of the cumulated effect; null without an effect. */
  duration90: number | null;
  /** Whether 90% came only in the last quarter measured: then the duration is a lower bound (the game ended first). */
  duration90AtEnd: boolean;
  /** Share of the cumulated effect in the last quarter measured: large means the game's end cut it short. */
  tail: number | null;
}

export interface FidelityReport {
  scenario: { id: string; title: string; version: number; quarters: number; effortBudget: number };
  seeds: number;
  plan: string;
  perturbedQuarters: number[];
  sides: Record<Side, SideMeasure>;
  equity: { quarterly: number | null; annual: number | null; retentionElasticity: number | null; marginElasticity: number | null; meanRetention: number | null };
  bass: { pQuarter: number | null; qQuarter: number | null; pYear: number | null; qYear: number | null; r2: number | null; market: number; points: number };
  figures: FidelityFigure[];
}

// --- playing the reference plan and its perturbations ------------------------------------

/** The reference bot's own luck is never drawn (balanced draws none); a constant stands in. */
const NO_LUCK = () => 0.5;

function settleDispute(scenario: Scenario, state: GameState, bot: Bot): GameState {
  let s = state;
  while (s.dispute?.status === 'open') {
    const option = bot.settleDispute(scenario, s, NO_LUCK);
    s = decideDispute(scenario, s, option);
    if (option === 'investigate' || isFinalOption(option)) break;
  }
  return s;
}

export function sidePoints(moves: readonly Move[], side: Side): number {
  let points = 0;
  for (const m of moves) if (MOVE_INFO[m.kind].side === side) points += m.points;
  return points;
}

/** Largest-remainder split of `points` by `weights` (ties to the earlier). */
function apportion(points: number, weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (total > 0 ? (w * points) / total : 0));
  const out = exact.map(Math.floor);
  let left = points - out.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => ({ r: x - Math.floor(x), i })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k]!.i]! += 1;
  return out;
}

/** `moves` with `delta` points added to (or, negative, taken from) `side`'s moves in proportion to their points. */
export function perturbMoves(moves: readonly Move[], side: Side, delta: number): Move[] {
  const own = moves.map((m, i) => ({ m, i })).filter(({ m }) => MOVE_INFO[m.kind].side === side);
  const total = own.reduce((s, { m }) => s + m.points, 0);
  if (own.length === 0 || delta === 0) return moves.map((m) => ({ ...m }));
  if (delta < 0 && -delta >= total) throw new Error(`cannot take ${-delta} points from ${total}`);
  const shares = apportion(Math.abs(delta), own.map(({ m }) => m.points));
  const change = new Map(own.map(({ i }, k) => [i, Math.sign(delta) * shares[k]!]));
  return moves.map((m, i) => ({ ...m, points: m.points + (change.get(i) ?? 0) })).filter((m) => m.points > 0);
}

export function deltaFor(points: number): number {
  return Math.max(1, Math.round(0.1 * points));
}

export interface ReferenceGame {
  /** The state before each quarter's moves (the dispute settled), index q − 1. */
  before: GameState[];
  moves: Move[][];
  final: GameState;
}

export function playReference(scenario: Scenario, seed: number, bot: Bot): ReferenceGame {
  let state = createGame(scenario, seed);
  const before: GameState[] = [];
  const moves: Move[][] = [];
  while (!state.finished) {
    state = settleDispute(scenario, state, bot);
    const decided = bot.decide(scenario, state, NO_LUCK).moves;
    before.push(state);
    moves.push(decided);
    state = resolveValidQuarter(scenario, state, { moves: decided });
  }
  return { before, moves, final: state };
}

/** Revenue of quarters q..T when quarter q plays `moves` and the plan follows. */
function playFrom(scenario: Scenario, start: GameState, moves: Move[], bot: Bot): number[] {
  let state = resolveValidQuarter(scenario, start, { moves });
  const revenue = [state.history[state.history.length - 1]!.revenue];
  while (!state.finished) {
    state = settleDispute(scenario, state, bot);
    state = resolveValidQuarter(scenario, state, bot.decide(scenario, state, NO_LUCK));
    revenue.push(state.history[state.history.length - 1]!.revenue);
  }
  return revenue;
}

// --- the measures ----------------------------------------------------------------------------

function arc(plus: number, minus: number, xPlus: number, xMinus: number): number {
  const dr = plus + minus === 0 ? 0 : (plus - minus) / (plus + minus);
  const dx = (xPlus - xMinus) / (xPlus + xMinus);
  return dx === 0 ? 0 : dr / dx;
}

/** Effects smaller than this (cents per point) count as none: a ratio of them would be noise. */
const NO_EFFECT = 1e-6;

export function profileMeasures(profile: readonly number[], lag: number): Pick<SideMeasure, 'longShort' | 'carryover' | 'duration90' | 'duration90AtEnd' | 'tail'> {
  const impact = profile[lag] ?? 0;
  let total = 0;
  for (let k = lag; k < profile.length; k++) total += profile[k]!;
  if (Math.abs(impact) < NO_EFFECT || Math.abs(total) < NO_EFFECT) return { longShort: null, carryover: null, duration90: null, duration90AtEnd: false, tail: null };
  let running = 0;
  let duration90: number | null = null;
  let atEnd = false;
  for (let k = lag; k < profile.length && duration90 === null; k++) {
    running += profile[k]!;
    if (running / total >= 0.9) {
      duration90 = 3 * (k + 1);
      atEnd = k === profile.length - 1;
    }
  }
  return {
    longShort: total / impact,
    carryover: profile.length > lag + 1 ? profile[lag + 1]! / impact : null,
    duration90,
    duration90AtEnd: atEnd,
    tail: profile[profile.length - 1]! / total,
  };
}

/** Least squares of y on x: intercept, slope and R². */
export function fitLine(xs: readonly number[], ys: readonly number[]): { intercept: number; slope: number; r2: number } | null {
  const n = xs.length;
  if (n < 2) return null;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i]! - mx) ** 2;
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    syy += (ys[i]! - my) ** 2;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { intercept: my - slope * mx, slope, r2: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy) };
}

/**
 * Discrete Bass fit: new adopters per period `adopted[t]`, adopters before each period
 * `before[t]`, market `market` → p and q per period (hazard = p + q·before/market).
 */
export function fitBass(adopted: readonly number[], before: readonly number[], market: number): { p: number; q: number; r2: number } | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let t = 0; t < adopted.length; t++) {
    const left = market - before[t]!;
    if (left <= 0) continue;
    xs.push(before[t]! / market);
    ys.push(adopted[t]! / left);
  }
  const line = fitLine(xs, ys);
  return line === null ? null : { p: line.intercept, q: line.slope, r2: line.r2 };
}

/** Σ CLV of accounts (margin, retention) with retention and margin raised by 1%: the % changes. */
export function equitySensitivity(
  accounts: readonly { margin: number; retention: number }[],
  discountRate: number,
  basis: 'quarterly' | 'annual' = 'quarterly',
): { base: number; retention: number; margin: number } {
  let base = 0;
  let retention = 0;
  let margin = 0;
  for (const a of accounts) {
    const r = a.retention;
    const raised = basis === 'quarterly' ? Math.min(1, 1.01 * r) : Math.min(1, Math.sqrt(Math.sqrt(Math.min(1, 1.01 * r * r * r * r))));
    const v = lifetimeValue(a.margin, r, discountRate);
    base += v;
    retention += lifetimeValue(a.margin, raised, discountRate) - v;
    margin += lifetimeValue(1.01 * a.margin, r, discountRate) - v;
  }
  return { base, retention, margin };
}

/** The accounts the reference game held after each quarter, with the margin and retention the CLV formula saw. */
function accountBook(scenario: Scenario, game: ReferenceGame): { margin: number; retention: number }[] {
  const out: { margin: number; retention: number }[] = [];
  const states = [...game.before.slice(1), game.final];
  game.final.history.forEach((record, q) => {
    const after = states[q]!;
    let revenue = 0;
    let gross = 0;
    for (const line of record.products) {
      revenue += line.revenue;
      gross += line.revenue - line.variableCost;
    }
    const share = revenue > 0 ? gross / revenue : 0;
    after.accounts.forEach((a, j) => {
      const sold = record.accountRevenue[j] ?? 0;
      if (!a.active || a.lostInQuarter !== null || sold <= 0) return;
      out.push({ margin: sold * share, retention: 1 - churnProbability(scenario.model.baseChurn, a.relationship, a.satisfaction) });
    });
  });
  return out;
}

export function measureFidelity(scenario: Scenario, options: FidelityOptions = {}): FidelityReport {
  const seeds = options.seeds ?? FIDELITY_SEEDS;
  const bot = options.bot ?? botNamed('balanced')!;
  const T = scenario.quarters;
  const half = Math.floor(T / 2);
  const perturbed = Array.from({ length: half }, (_, i) => i + 1);
  const K = T - half;
  // Sums over seeds, by side and quarter perturbed (index t − 1), then k quarters after.
  const sums = Object.fromEntries(
    SIDES.map((side) => [
      side,
      perturbed.map(() => ({ plus: new Array<number>(K + 1).fill(0), minus: new Array<number>(K + 1).fill(0), xPlus: 0, xMinus: 0, x: 0, delta: 0 })),
    ]),
  ) as Record<Side, { plus: number[]; minus: number[]; xPlus: number; xMinus: number; x: number; delta: number }[]>;
  const book: { margin: number; retention: number }[] = [];
  const adopted = new Array<number>(T).fill(0);
  const adoptersBefore = new Array<number>(T).fill(0);
  const market = scenario.market.prospects;
  const ranOut = new Array<number>(T).fill(0);

  for (let seed = 1; seed <= seeds; seed++) {
    const game = playReference(scenario, seed, bot);
    for (const t of perturbed) {
      const start = game.before[t - 1]!;
      const moves = game.moves[t - 1]!;
      for (const side of SIDES) {
        const x = sidePoints(moves, side);
        const cell = sums[side][t - 1]!;
        if (x === 0) continue;
        const d = deltaFor(x);
        // With one point a side cannot lose 10% of it and keep its mix: then +Δ is played against the plan itself.
        const twoSided = d < x;
        const plus = playFrom(scenario, start, perturbMoves(moves, side, d), bot);
        const minus = playFrom(scenario, start, twoSided ? perturbMoves(moves, side, -d) : moves, bot);
        for (let k = 0; k <= K; k++) {
          cell.plus[k]! += plus[k]!;
          cell.minus[k]! += minus[k]!;
        }
        cell.x += x;
        cell.xPlus += x + d;
        cell.xMinus += twoSided ? x - d : x;
        cell.delta += d;
      }
    }
    book.push(...accountBook(scenario, game));
    let won = 0;
    game.final.history.forEach((record, q) => {
      adoptersBefore[q]! += won;
      adopted[q]! += record.newAccounts.length;
      won += record.newAccounts.length;
      if (won >= market) ranOut[q]! += 1;
    });
  }

  const sides = Object.fromEntries(
    SIDES.map((side) => {
      const cells = sums[side].filter((c) => c.x > 0);
      const lag = RESPONSE_LAG[side];
      const byQuarter = cells.map((c) => arc(c.plus[lag]!, c.minus[lag]!, c.xPlus, c.xMinus));
      const same = cells.map((c) => arc(c.plus[0]!, c.minus[0]!, c.xPlus, c.xMinus));
      const profile = new Array<number>(K + 1).fill(0);
      for (const c of cells) for (let k = 0; k <= K; k++) profile[k]! += (c.plus[k]! - c.minus[k]!) / (c.xPlus - c.xMinus) / cells.length;
      const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((s, v) => s + v, 0) / xs.length);
      const measure: SideMeasure = {
        points: mean(cells.map((c) => c.x / seeds)),
        delta: cells.map((c) => c.delta / seeds),
        elasticityByQuarter: byQuarter,
        elasticity: mean(byQuarter),
        sameQuarterElasticity: mean(same),
        profile,
        ...profileMeasures(profile, lag),
      };
      return [side, measure];
    }),
  ) as Record<Side, SideMeasure>;

  const quarterly = equitySensitivity(book, scenario.model.discountRate, 'quarterly');
  const annual = equitySensitivity(book, scenario.model.discountRate, 'annual');
  const ratio = (e: { retention: number; margin: number }) => (e.margin > 0 ? e.retention / e.margin : null);
  let weighted = 0;
  let weight = 0;
  for (const a of book) {
    const v = lifetimeValue(a.margin, a.retention, scenario.model.discountRate);
    weighted += v * a.retention;
    weight += v;
  }
  const equity = {
    quarterly: ratio(quarterly),
    annual: ratio(annual),
    retentionElasticity: quarterly.base > 0 ? (100 * quarterly.retention) / quarterly.base : null,
    marginElasticity: quarterly.base > 0 ? (100 * quarterly.margin) / quarterly.base : null,
    meanRetention: weight > 0 ? weighted / weight : null,
  };

  // The quarters before the pool's cap binds in 5% of the seeds (see the header).
  let fitted = 0;
  while (fitted < T && ranOut[fitted]! < 0.05 * seeds) fitted++;
  const bassFit = fitBass(
    adopted.slice(0, fitted).map((n) => n / seeds),
    adoptersBefore.slice(0, fitted).map((n) => n / seeds),
    market,
  );
  const bass = {
    pQuarter: bassFit?.p ?? null,
    qQuarter: bassFit?.q ?? null,
    pYear: bassFit ? 4 * bassFit.p : null,
    qYear: bassFit ? 4 * bassFit.q : null,
    r2: bassFit?.r2 ?? null,
    market,
    points: fitted,
  };

  const report: FidelityReport = {
    scenario: { id: scenario.id, title: scenario.title, version: scenario.version, quarters: T, effortBudget: scenario.effortBudget },
    seeds,
    plan: REFERENCE_PLAN,
    perturbedQuarters: perturbed,
    sides,
    equity,
    bass,
    figures: [],
  };
  report.figures = figuresOf(report);
  return report;
}

// --- the figures beside the published ones ---------------------------------------------------

const f2 = (x: number) => x.toFixed(2);

function pointsText(m: SideMeasure): string {
  const deltas = [...new Set(m.delta.map((d) => Math.round(d * 10) / 10))];
  return `±${deltas.join('/')} on about ${m.points.toFixed(1)} points`;
}

function figure(concept: Concept, label: string, value: number | null, unit: string, method: string): FidelityFigure {
  const published = PUBLISHED[concept];
  const inside = value === null || published.band === null ? null : value >= published.band.min && value <= published.band.max;
  return { concept, label, value, unit, method, published, inside };
}

function figuresOf(r: FidelityReport): FidelityFigure[] {
  const { marketing, sales } = r.sides;
  const quarters = `quarters ${r.perturbedQuarters[0]}–${r.perturbedQuarters[r.perturbedQuarters.length - 1]} perturbed one at a time, ${r.seeds} seeds`;
  const ratio = Math.abs(marketing.elasticity) > NO_EFFECT ? sales.elasticity / marketing.elasticity : null;
  return [
    figure('salesElasticity', 'short-run elasticity of revenue to sales effort', sales.elasticity, '', `arc elasticity, ${pointsText(sales)}, revenue in the same quarter; ${quarters}`),
    figure(
      'marketingElasticity',
      'short-run elasticity of revenue to marketing effort',
      marketing.elasticity,
      '',
      `arc elasticity, ${pointsText(marketing)}, revenue in the quarter after (the model’s one-quarter lag; in the same quarter ${f2(marketing.sameQuarterElasticity)}); ${quarters}`,
    ),
    figure('elasticityRatio', 'sales elasticity ÷ marketing elasticity', ratio, '×', 'the two elasticities above'),
    figure('marketingLongShort', 'marketing: long-run ÷ short-run effect', marketing.longShort, '×', `revenue effect cumulated to the game’s end (${r.sides.marketing.profile.length - 1} quarters after) against the first quarter’s; last quarter holds ${pct(marketing.tail)} of it`),
    figure('marketingCarryover', 'marketing: carry-over a quarter', marketing.carryover, '', 'revenue effect in the second quarter of response ÷ in the first'),
    figure('marketingDuration', 'marketing: months to 90% of the effect', marketing.duration90, 'months', `from the start of the quarter of the effort to the end of the quarter that brings the cumulated effect to 90%${marketing.duration90AtEnd ? ' — reached only in the last quarter measured, so at least this long (the game ends first)' : ''}`),
    figure('salesCarryover', 'sales: carry-over a quarter', sales.carryover, '', `revenue effect the quarter after ÷ in the quarter itself; long-run ÷ short-run ${sales.longShort === null ? 'n/a' : f2(sales.longShort)}`),
    figure(
      'equityRetentionVsMargin',
      'customer equity: retention ÷ margin sensitivity',
      r.equity.annual,
      '×',
      `1% of annual retention against 1% of margin, the model’s CLV formula on the reference game’s accounts (for 1% of the quarterly rate: ${r.equity.quarterly === null ? 'n/a' : f2(r.equity.quarterly)}×; CLV-weighted quarterly retention ${r.equity.meanRetention === null ? 'n/a' : f2(r.equity.meanRetention)})`,
    ),
    figure('bassImitation', 'Bass imitation q (a year)', r.bass.qYear, '', `discrete Bass fit to the mean accounts won per quarter, ×4 from ${r.bass.qQuarter === null ? 'n/a' : r.bass.qQuarter.toFixed(3)} a quarter; R² ${r.bass.r2 === null ? 'n/a' : f2(r.bass.r2)}`),
    figure('bassInnovation', 'Bass innovation p (a year)', r.bass.pYear, '', `the same fit, ×4 from ${r.bass.pQuarter === null ? 'n/a' : r.bass.pQuarter.toFixed(4)} a quarter; market ${r.bass.market} prospects, quarters 1–${r.bass.points} (before the pool runs out)`),
  ];
}

const pct = (x: number | null) => (x === null ? 'n/a' : `${(100 * x).toFixed(0)}%`);

/** A figure's value as printed. */
export function formatValue(f: FidelityFigure): string {
  if (f.value === null) return 'n/a';
  const digits = f.unit === 'months' ? 0 : Math.abs(f.value) < 0.1 ? 3 : 2;
  return `${f.value.toFixed(digits)}${f.unit === 'months' ? ' months' : f.unit === '×' ? '×' : ''}`;
}

/** The published band as printed. */
export function formatBand(p: PublishedFigure): string {
  return p.band === null ? '—' : `${p.band.min}–${p.band.max}`;
}

export function verdictText(f: FidelityFigure): string {
  return f.inside === null ? 'no band' : f.inside ? 'inside' : 'outside';
}

export function confirmationText(p: PublishedFigure): string {
  return CONFIRMATION_TEXT[p.confirmation];
}
