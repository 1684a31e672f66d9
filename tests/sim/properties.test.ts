// Property tests of the quarter resolver over thousands of random games (fast-check, fixed
// seed). Each game is a blueprint: a seed, a scenario variant and, per quarter, a list of
// abstract moves that are turned into real moves against the current state — random kinds,
// targets among the state's lines and accounts (sometimes inactive, unknown, missing or of the
// wrong type), random points (sometimes zero, negative, fractional or over budget), repeated
// moves, random prices for 'price' moves — plus a random option whenever the dispute is open.
// An invalid plan must throw; the game then goes on with its valid part, so every game runs to
// the end. Whether a plan is valid is decided by an oracle written here from the rules, and
// validateDecision is checked against it.
//
// Why: the model is being re-tuned, so these tests assert what must hold for any tuning:
// validation agrees with the rules, invalid decisions throw InvalidDecisionError and valid ones
// resolve, cash moves by exactly revenue − costs (+ cash events), money stays in integer cents,
// ratios stay in [0, 1] at fixed precision, nothing goes NaN/Infinity, effort never exceeds the
// budget, a discontinued line earns and costs nothing, account counts add up, and
// resolveQuarter never mutates its input (states are deep-frozen, so a write throws).
//
// Each invariant is its own test so one broken invariant cannot hide another. All of them
// replay the same seeded runs; a game's violations are computed once and cached.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DISPUTE_OPTIONS,
  InvalidDecisionError,
  MOVE_INFO,
  MOVE_KINDS,
  createGame,
  decideDispute,
  refusalSummary,
  resolveQuarter,
  validateDecision,
  validateDisputeOption,
  type DisputeOption,
  type GameState,
  type Move,
  type MoveKind,
  type QuarterRecord,
  type RefusalCode,
  type Scenario,
} from '../../src/sim/index';
import { refusalText } from '../../src/app/move-text';
import { INVESTIGATION_EFFORT, JOINT_MEETING_EFFORT, MIGRATION_EFFORT, fix, fixLeads } from '../../src/sim/model';
import { PRICE_MAX_SHARE, PRICE_MIN_SHARE } from '../../src/sim/moves';
import { deepFreeze, hasNonFinite, nonFinitePaths, ratiosOf, writeProperty, twoHats, twoHatsEarlyDispute, twoHatsWithExtraEvents } from './helpers';

const SCENARIOS: readonly Scenario[] = [twoHats(), twoHatsWithExtraEvents(), twoHatsEarlyDispute()];
const QUARTERS = SCENARIOS[0]!.quarters;
for (const s of SCENARIOS) if (s.quarters !== QUARTERS) throw new Error('variants must keep the quarter count');

/** Fast-check settings: fixed seed, explicit run count (2,400 games × up to 10 quarters). */
const RUNS = 2400;
const FC = { seed: 20240611, numRuns: RUNS } as const;

// ---------------------------------------------------------------------------------------
// Blueprints

type TargetMode = 'fit' | 'inactive' | 'unknown' | 'omit' | 'cross';
type PointsMode = 'normal' | 'zero' | 'negative' | 'fraction' | 'big';
type PriceMode = 'in' | 'low' | 'high' | 'fraction' | 'missing' | 'stray';

interface MoveBp {
  /** Index into MOVE_KINDS, or −1 for a kind the model does not know. */
  kind: number;
  targetMode: TargetMode;
  pick: number;
  points: number;
  pointsMode: PointsMode;
  priceMode: PriceMode;
  priceFrac: number;
}

interface QuarterBp {
  moves: MoveBp[];
  option: DisputeOption;
  /** Also try to resolve before settling an open dispute (or to settle one that is not open). */
  probe: boolean;
}

interface GameBp {
  seed: number;
  variant: number;
  /** A move repeated every quarter with many points: drives stocks toward their extremes. */
  focus: { kind: number; points: number; pick: number } | null;
  quarters: QuarterBp[];
}

const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });

const moveBp: fc.Arbitrary<MoveBp> = fc.record({
  kind: fc.oneof(w(40, fc.integer({ min: 0, max: MOVE_KINDS.length - 1 })), w(1, fc.constant(-1))),
  targetMode: fc.oneof(
    w(40, fc.constant<TargetMode>('fit')),
    w(3, fc.constant<TargetMode>('inactive')),
    w(1, fc.constant<TargetMode>('unknown')),
    w(1, fc.constant<TargetMode>('omit')),
    w(1, fc.constant<TargetMode>('cross')),
  ),
  pick: fc.nat({ max: 1000 }),
  points: fc.integer({ min: 1, max: 5 }),
  pointsMode: fc.oneof(
    w(60, fc.constant<PointsMode>('normal')),
    w(1, fc.constant<PointsMode>('zero')),
    w(1, fc.constant<PointsMode>('negative')),
    w(1, fc.constant<PointsMode>('fraction')),
    w(1, fc.constant<PointsMode>('big')),
  ),
  priceMode: fc.oneof(
    w(30, fc.constant<PriceMode>('in')),
    w(1, fc.constant<PriceMode>('low')),
    w(1, fc.constant<PriceMode>('high')),
    w(1, fc.constant<PriceMode>('fraction')),
    w(1, fc.constant<PriceMode>('missing')),
    w(1, fc.constant<PriceMode>('stray')),
  ),
  priceFrac: fc.double({ min: 0, max: 1, noNaN: true }),
});

const quarterBp: fc.Arbitrary<QuarterBp> = fc.record({
  moves: fc.array(moveBp, { maxLength: 5 }),
  option: fc.constantFrom(...DISPUTE_OPTIONS),
  probe: fc.boolean(),
});

const gameBp: fc.Arbitrary<GameBp> = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  variant: fc.nat({ max: SCENARIOS.length - 1 }),
  focus: fc.oneof(
    w(2, fc.constant(null)),
    w(1, fc.record({ kind: fc.integer({ min: 0, max: MOVE_KINDS.length - 1 }), points: fc.integer({ min: 6, max: 18 }), pick: fc.nat({ max: 1000 }) })),
  ),
  quarters: fc.array(quarterBp, { minLength: QUARTERS, maxLength: QUARTERS }),
});

// ---------------------------------------------------------------------------------------
// Turning a blueprint into moves against the current state

function at<T>(list: readonly T[], pick: number): T | undefined {
  return list.length === 0 ? undefined : list[pick % list.length];
}

function buildMove(scenario: Scenario, state: GameState, bp: MoveBp): Move {
  const kind = (bp.kind < 0 ? 'teleport' : MOVE_KINDS[bp.kind]!) as MoveKind;
  const info = MOVE_INFO[kind] as (typeof MOVE_INFO)[MoveKind] | undefined;
  const targetKind = info?.target ?? 'none';
  const products = state.products;
  const accounts = state.accounts;
  let target: string | undefined;
  if (targetKind === 'none') {
    if (bp.targetMode !== 'fit' && bp.targetMode !== 'omit') target = at([...products.map((p) => p.id), ...accounts.map((a) => a.id), 'nowhere'], bp.pick);
  } else {
    const own: readonly { id: string; active: boolean }[] = targetKind === 'product' ? products : accounts;
    const other: readonly { id: string }[] = targetKind === 'product' ? accounts : products;
    switch (bp.targetMode) {
      case 'fit':
        target = at(own.filter((x) => x.active), bp.pick)?.id;
        break;
      case 'inactive':
        target = at(own.filter((x) => !x.active), bp.pick)?.id ?? `retired-${bp.pick % 3}`;
        break;
      case 'unknown':
        target = `ghost-${bp.pick % 5}`;
        break;
      case 'omit':
        target = undefined;
        break;
      case 'cross':
        target = at(other, bp.pick)?.id;
        break;
    }
  }
  const points =
    bp.pointsMode === 'zero' ? 0
    : bp.pointsMode === 'negative' ? -bp.points
    : bp.pointsMode === 'fraction' ? bp.points + 0.5
    : bp.pointsMode === 'big' ? scenario.effortBudget + bp.points
    : bp.points;
  const move: Move = { kind, points };
  if (target !== undefined) move.target = target;
  if (kind === 'price') {
    const list = scenario.products.find((p) => p.id === target)?.price ?? 1000;
    const inRange = Math.round(list * (PRICE_MIN_SHARE + (PRICE_MAX_SHARE - PRICE_MIN_SHARE) * bp.priceFrac));
    const price =
      bp.priceMode === 'low' ? Math.floor(list * PRICE_MIN_SHARE) - 1 - (bp.pick % 100)
      : bp.priceMode === 'high' ? Math.ceil(list * PRICE_MAX_SHARE) + 1 + (bp.pick % 100)
      : bp.priceMode === 'fraction' ? inRange + 0.5
      : bp.priceMode === 'missing' ? undefined
      : inRange;
    if (price !== undefined) move.price = price;
  } else if (bp.priceMode === 'stray') {
    move.price = 1000;
  }
  return move;
}

function buildDecision(scenario: Scenario, state: GameState, game: GameBp, quarter: QuarterBp): Move[] {
  const moves: Move[] = [];
  if (game.focus) {
    moves.push(
      buildMove(scenario, state, {
        kind: game.focus.kind,
        targetMode: 'fit',
        pick: game.focus.pick,
        points: game.focus.points,
        pointsMode: 'normal',
        priceMode: 'in',
        priceFrac: (game.focus.pick % 101) / 100,
      }),
    );
  }
  for (const bp of quarter.moves) moves.push(buildMove(scenario, state, bp));
  return moves;
}

// ---------------------------------------------------------------------------------------
// The rules, written out independently of src/sim/validate.ts (an oracle to check it against)

function moveIsValid(scenario: Scenario, state: GameState, move: Move): boolean {
  if (!(MOVE_KINDS as readonly string[]).includes(move.kind)) return false;
  if (!scenario.moves[move.kind].enabled) return false;
  if (!Number.isInteger(move.points) || move.points < 1) return false;
  const targetKind = MOVE_INFO[move.kind].target;
  if (targetKind === 'none' && move.target !== undefined) return false;
  if (targetKind === 'product' && !state.products.some((p) => p.id === move.target && p.active)) return false;
  if (targetKind === 'account' && !state.accounts.some((a) => a.id === move.target && a.active)) return false;
  if (move.kind === 'price') {
    const list = scenario.products.find((p) => p.id === move.target)?.price;
    if (list === undefined || move.price === undefined || !Number.isInteger(move.price)) return false;
    if (move.price < list * PRICE_MIN_SHARE || move.price > list * PRICE_MAX_SHARE) return false;
  } else if (move.price !== undefined) {
    return false;
  }
  return true;
}

/** Which rule a move breaks first, in the order the rules are stated (null: none). */
function moveRefusalCode(scenario: Scenario, state: GameState, move: Move): RefusalCode | null {
  if (!(MOVE_KINDS as readonly string[]).includes(move.kind)) return 'unknown-move';
  if (!scenario.moves[move.kind].enabled) return 'move-unavailable';
  if (!Number.isInteger(move.points) || move.points < 1) return 'bad-points';
  const targetKind = MOVE_INFO[move.kind].target;
  if (targetKind === 'none' && move.target !== undefined) return 'target-not-taken';
  if (targetKind === 'product') {
    const line = state.products.find((p) => p.id === move.target);
    if (!line) return 'unknown-product';
    if (!line.active) return 'product-discontinued';
  }
  if (targetKind === 'account') {
    const account = state.accounts.find((a) => a.id === move.target);
    if (!account) return 'unknown-account';
    if (!account.active) return 'account-lost';
  }
  if (move.kind === 'price') {
    const list = scenario.products.find((p) => p.id === move.target)?.price;
    if (list === undefined || move.price === undefined || !Number.isInteger(move.price)) return 'price-missing';
    if (move.price < list * PRICE_MIN_SHARE || move.price > list * PRICE_MAX_SHARE) return 'price-out-of-range';
  } else if (move.price !== undefined) {
    return 'price-not-taken';
  }
  return null;
}

/** The refusal the rules give a decision: the first broken rule, move by move, then the budget. */
function expectedRefusalCode(scenario: Scenario, state: GameState, moves: readonly Move[]): RefusalCode | null {
  if (state.finished) return 'game-over';
  if (state.dispute?.status === 'open') return 'dispute-open';
  for (const [i, m] of moves.entries()) {
    const code = moveRefusalCode(scenario, state, m);
    if (code !== null) return code;
    if (moves.slice(0, i).some((earlier) => sameMove(earlier, m))) return 'planned-twice';
  }
  return moves.reduce((s, m) => s + m.points, 0) > budgetOf(scenario, state) ? 'over-budget' : null;
}

/** Each move (kind and target) may be planned once a quarter. */
function sameMove(a: Move, b: Move): boolean {
  return a.kind === b.kind && a.target === b.target;
}

/**
 * What the dispute takes out of the quarter, from the rules as stated (not the model's own
 * function): a joint meeting takes joint points in its quarter, an investigation sales points
 * in its quarter, a migration plan sales points in the decision's quarter and the next.
 */
function reservedByDispute(state: GameState): { sales: number; joint: number } {
  const d = state.dispute;
  const q = state.quarter;
  if (!d) return { sales: 0, joint: 0 };
  const joint = d.jointMeetingQuarter === q ? JOINT_MEETING_EFFORT : 0;
  const sales =
    (d.option === 'phase-out' && (q === d.decidedInQuarter || q === d.decidedInQuarter! + 1) ? MIGRATION_EFFORT : 0) +
    (d.investigation?.quarter === q ? INVESTIGATION_EFFORT : 0);
  return { sales, joint };
}

function budgetOf(scenario: Scenario, state: GameState): number {
  const reserved = reservedByDispute(state);
  return scenario.effortBudget - reserved.sales - reserved.joint;
}

function expectedValid(scenario: Scenario, state: GameState, moves: readonly Move[]): boolean {
  if (state.finished || state.dispute?.status === 'open') return false;
  if (!moves.every((m) => moveIsValid(scenario, state, m))) return false;
  if (moves.some((m, i) => moves.slice(0, i).some((earlier) => sameMove(earlier, m)))) return false;
  return moves.reduce((s, m) => s + m.points, 0) <= budgetOf(scenario, state);
}

/** The valid moves, in order, skipping repeats and any that would take the plan over budget. */
function repair(scenario: Scenario, state: GameState, moves: readonly Move[]): Move[] {
  const out: Move[] = [];
  let spent = 0;
  for (const m of moves) {
    if (!moveIsValid(scenario, state, m) || out.some((kept) => sameMove(kept, m)) || spent + m.points > budgetOf(scenario, state)) continue;
    out.push(m);
    spent += m.points;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Playing a blueprint and checking every invariant

const INVARIANTS = [
  'validation agrees with the rules',
  'invalid decisions throw InvalidDecisionError, valid ones resolve',
  'the dispute can only be settled while open, and settling it records the option',
  'cash moves by exactly revenue − costs + cash events',
  'revenue and costs add up from the product ledgers',
  'money fields are integer cents',
  'ratios stay within [0, 1]',
  'ratios, leads and units are rounded to the model precision',
  'no NaN or Infinity anywhere in the state',
  'effort spent never exceeds the budget and is tallied by side',
  'a discontinued product earns and costs nothing afterwards',
  'active account count matches the accounts won and lost',
  'resolveQuarter does not mutate its input',
  'the game advances one quarter at a time and finishes',
] as const;
type Invariant = (typeof INVARIANTS)[number];

interface Violation {
  invariant: Invariant;
  quarter: number;
  detail: string;
}

interface Stats {
  games: number;
  quarters: number;
  validAsGenerated: number;
  invalidAsGenerated: number;
  settled: Record<DisputeOption, number>;
  gamesWithDiscontinuedLine: number;
  quartersAfterDiscontinuation: number;
  cashEventsFired: number;
  accountsWon: number;
  accountsLost: number;
  priceMoves: number;
  maxInsight: number;
  /** Every refusal code validateDecision gave a generated plan. */
  refusals: Set<RefusalCode>;
}

const stats: Stats = {
  games: 0,
  quarters: 0,
  validAsGenerated: 0,
  invalidAsGenerated: 0,
  settled: { discontinue: 0, keep: 0, reprice: 0, 'phase-out': 0, investigate: 0, 'joint-meeting': 0 },
  gamesWithDiscontinuedLine: 0,
  quartersAfterDiscontinuation: 0,
  cashEventsFired: 0,
  accountsWon: 0,
  accountsLost: 0,
  priceMoves: 0,
  maxInsight: 0,
  refusals: new Set(),
};

/** A write to a deep-frozen input state throws a TypeError in strict-mode code (all ES modules). */
function isFrozenWrite(error: unknown): boolean {
  return error instanceof TypeError && /read[- ]only|not extensible|frozen|Cannot (assign|add|delete|define)/i.test(error.message);
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error);
}

const MONEY_FIELDS_OF_RECORD = ['revenue', 'costs', 'profit', 'cash', 'customerEquity'] as const;
const MONEY_FIELDS_OF_LEDGER = ['revenue', 'variableCost', 'fixedCost', 'profit'] as const;

function checkQuarter(
  scenario: Scenario,
  before: GameState,
  moves: readonly Move[],
  after: GameState,
  discontinued: ReadonlyMap<string, number>,
  report: (invariant: Invariant, detail: string) => void,
): void {
  const q = before.quarter;
  const record: QuarterRecord | undefined = after.history[after.history.length - 1];
  if (!record) {
    report('the game advances one quarter at a time and finishes', 'no quarter record');
    return;
  }

  // Progress.
  if (after.quarter !== q + 1) report('the game advances one quarter at a time and finishes', `quarter ${after.quarter} after ${q}`);
  if (record.quarter !== q) report('the game advances one quarter at a time and finishes', `record says quarter ${record.quarter}`);
  if (after.history.length !== before.history.length + 1) report('the game advances one quarter at a time and finishes', 'history did not grow by one');
  if (after.finished !== q >= scenario.quarters) report('the game advances one quarter at a time and finishes', `finished=${after.finished} after quarter ${q}`);
  if (after.seed !== before.seed || after.scenarioId !== before.scenarioId) report('the game advances one quarter at a time and finishes', 'seed or scenario id changed');
  before.history.forEach((r, i) => {
    if (after.history[i] !== r && recordJson(after.history[i]) !== recordJson(r)) {
      report('the game advances one quarter at a time and finishes', `earlier record ${i + 1} changed`);
    }
  });

  // Cash.
  const firedNow = after.firedEvents.filter((id) => !before.firedEvents.includes(id));
  let cashEffects = 0;
  for (const event of scenario.events) {
    if (!firedNow.includes(event.id)) continue;
    for (const effect of event.effects) if (effect.type === 'cash') cashEffects += effect.change;
  }
  if (cashEffects !== 0) stats.cashEventsFired += 1;
  if (after.cash !== before.cash + record.revenue - record.costs + cashEffects) {
    report(
      'cash moves by exactly revenue − costs + cash events',
      `cash ${before.cash} → ${after.cash}, revenue ${record.revenue}, costs ${record.costs}, cash events ${cashEffects}`,
    );
  }
  if (record.cash !== after.cash) report('cash moves by exactly revenue − costs + cash events', `record.cash ${record.cash} ≠ state.cash ${after.cash}`);
  if (record.profit !== record.revenue - record.costs) report('cash moves by exactly revenue − costs + cash events', `profit ${record.profit} ≠ revenue − costs`);

  // Ledgers.
  const ledgerIds = record.products.map((l) => l.product).join(',');
  if (ledgerIds !== scenario.products.map((p) => p.id).join(',')) report('revenue and costs add up from the product ledgers', `ledgers for ${ledgerIds}`);
  let revenue = 0;
  let costs = scenario.firm.overhead;
  for (const l of record.products) {
    revenue += l.revenue;
    costs += l.variableCost + l.fixedCost;
    if (l.profit !== l.revenue - l.variableCost - l.fixedCost) report('revenue and costs add up from the product ledgers', `${l.product}: profit ${l.profit} ≠ revenue − costs`);
    if (l.units < 0 || l.revenue < 0 || l.variableCost < 0 || l.fixedCost < 0) {
      report('revenue and costs add up from the product ledgers', `${l.product}: negative figure ${JSON.stringify(l)}`);
    }
  }
  if (revenue !== record.revenue) report('revenue and costs add up from the product ledgers', `Σ ledger revenue ${revenue} ≠ ${record.revenue}`);
  if (costs !== record.costs) report('revenue and costs add up from the product ledgers', `overhead + Σ ledger costs ${costs} ≠ ${record.costs}`);

  // Integer money.
  const money: [string, number][] = [['state.cash', after.cash]];
  for (const f of MONEY_FIELDS_OF_RECORD) money.push([`record.${f}`, record[f]]);
  for (const l of record.products) for (const f of MONEY_FIELDS_OF_LEDGER) money.push([`ledger.${l.product}.${f}`, l[f]]);
  for (const p of after.products) money.push([`product.${p.id}.price`, p.price], [`product.${p.id}.unitCost`, p.unitCost], [`product.${p.id}.fixedCost`, p.fixedCost]);
  for (const [path, v] of money) if (!Number.isSafeInteger(v)) report('money fields are integer cents', `${path} = ${v}`);

  // Ratios: range and precision.
  for (const [path, v] of ratiosOf(after)) {
    if (!(v >= 0 && v <= 1)) report('ratios stay within [0, 1]', `${path} = ${v}`);
    if (fix(v) !== v) report('ratios, leads and units are rounded to the model precision', `${path} = ${v}`);
  }
  if (fixLeads(after.leads) !== after.leads || after.leads < 0) report('ratios, leads and units are rounded to the model precision', `leads = ${after.leads}`);
  for (const l of record.products) if (fix(l.units) !== l.units) report('ratios, leads and units are rounded to the model precision', `units of ${l.product} = ${l.units}`);
  stats.maxInsight = Math.max(stats.maxInsight, after.insight);

  // Finite everywhere (the luck table is walked once per game; skip it when it is the same object).
  const skip = after.luck === before.luck ? before.luck : undefined;
  const bad = hasNonFinite(after, skip) ? nonFinitePaths(after, '$', [], skip) : [];
  if (bad.length > 0) report('no NaN or Infinity anywhere in the state', bad.slice(0, 5).join('; '));

  // Effort.
  const reserved = reservedByDispute(before);
  const bySide = { marketing: 0, sales: reserved.sales, joint: reserved.joint };
  for (const m of moves) bySide[MOVE_INFO[m.kind].side] += m.points;
  const spent = record.effortMarketing + record.effortSales + record.effortJoint;
  if (spent > scenario.effortBudget) report('effort spent never exceeds the budget and is tallied by side', `spent ${spent} of ${scenario.effortBudget}`);
  if (record.effortMarketing !== bySide.marketing || record.effortSales !== bySide.sales || record.effortJoint !== bySide.joint) {
    report('effort spent never exceeds the budget and is tallied by side', `record ${record.effortMarketing}/${record.effortSales}/${record.effortJoint}, moves ${bySide.marketing}/${bySide.sales}/${bySide.joint}`);
  }

  // Discontinued lines.
  for (const [id, since] of discontinued) {
    const product = after.products.find((p) => p.id === id);
    if (!product || product.active || product.discontinuedInQuarter !== since) {
      report('a discontinued product earns and costs nothing afterwards', `${id} came back or lost its discontinuation quarter: ${JSON.stringify(product)}`);
    }
    for (const r of after.history) {
      if (r.quarter < since) continue;
      const l = r.products.find((x) => x.product === id);
      if (!l || l.units !== 0 || l.revenue !== 0 || l.variableCost !== 0 || l.fixedCost !== 0 || l.profit !== 0) {
        report('a discontinued product earns and costs nothing afterwards', `quarter ${r.quarter} ledger of ${id}: ${JSON.stringify(l)}`);
      }
    }
    for (const a of after.accounts) {
      if (a.wonInQuarter >= since && a.buys.some((b) => b.product === id)) {
        report('a discontinued product earns and costs nothing afterwards', `${a.id}, won in quarter ${a.wonInQuarter}, buys ${id} (discontinued in ${since})`);
      }
    }
  }

  // Accounts.
  const activeBefore = before.accounts.filter((a) => a.active).length;
  const activeAfter = after.accounts.filter((a) => a.active).length;
  const accountsInvariant = 'active account count matches the accounts won and lost';
  if (record.activeAccounts !== activeAfter) report(accountsInvariant, `record says ${record.activeAccounts}, state has ${activeAfter}`);
  if (activeAfter !== activeBefore + record.newAccounts.length - record.lostAccounts.length) {
    report(accountsInvariant, `${activeBefore} + ${record.newAccounts.length} won − ${record.lostAccounts.length} lost ≠ ${activeAfter}`);
  }
  if (after.prospectsLeft !== before.prospectsLeft - record.newAccounts.length || after.prospectsLeft < 0) {
    report(accountsInvariant, `prospects ${before.prospectsLeft} → ${after.prospectsLeft} with ${record.newAccounts.length} won`);
  }
  if (new Set(after.accounts.map((a) => a.id)).size !== after.accounts.length) report(accountsInvariant, 'duplicate account ids');
  before.accounts.forEach((a, j) => {
    const b = after.accounts[j];
    if (!b || b.id !== a.id) report(accountsInvariant, `account slot ${j} changed from ${a.id} to ${b?.id}`);
    else if (!a.active && (b.active || b.lostInQuarter !== a.lostInQuarter)) report(accountsInvariant, `lost account ${a.id} came back`);
  });
  for (const id of record.newAccounts) {
    const a = after.accounts.find((x) => x.id === id);
    if (!a || !a.active || a.wonInQuarter !== q || before.accounts.some((x) => x.id === id)) report(accountsInvariant, `new account ${id}: ${JSON.stringify(a)}`);
  }
  for (const id of record.lostAccounts) {
    const was = before.accounts.find((x) => x.id === id);
    const is = after.accounts.find((x) => x.id === id);
    if (!was?.active || !is || is.active || is.lostInQuarter !== q) report(accountsInvariant, `lost account ${id}: ${JSON.stringify(is)}`);
  }
  stats.accountsWon += record.newAccounts.length;
  stats.accountsLost += record.lostAccounts.length;
}

function recordJson(r: QuarterRecord | undefined): string {
  return JSON.stringify(r);
}

/** Plays one blueprint and returns every invariant violation, at most a few per invariant. */
function play(game: GameBp): Violation[] {
  const scenario = SCENARIOS[game.variant]!;
  const violations: Violation[] = [];
  let q = 0;
  const report = (invariant: Invariant, detail: string) => {
    if (violations.filter((v) => v.invariant === invariant).length < 3) violations.push({ invariant, quarter: q, detail });
  };
  stats.games += 1;

  let state = createGame(scenario, game.seed);
  const initialBad = nonFinitePaths(state);
  if (initialBad.length > 0) report('no NaN or Infinity anywhere in the state', `initial state: ${initialBad.slice(0, 5).join('; ')}`);
  for (const [path, v] of ratiosOf(state)) if (!(v >= 0 && v <= 1)) report('ratios stay within [0, 1]', `initial ${path} = ${v}`);
  deepFreeze(state);
  const discontinued = new Map<string, number>();

  for (const quarter of game.quarters) {
    q = state.quarter;
    if (state.finished) break;

    // The dispute: settle it when open (probing first that nothing resolves before it is).
    if (state.dispute?.status === 'open') {
      if (quarter.probe) {
        const verdict = validateDecision(scenario, state, { moves: [] });
        if (verdict.ok) report('validation agrees with the rules', 'an empty decision was accepted while the dispute was open');
        else if (verdict.refusal.code !== 'dispute-open') report('validation agrees with the rules', `open dispute refused as ${JSON.stringify(verdict.refusal)}`);
        try {
          resolveQuarter(scenario, state, { moves: [] });
          report('invalid decisions throw InvalidDecisionError, valid ones resolve', 'resolved a quarter while the dispute was open');
        } catch (error) {
          if (!(error instanceof InvalidDecisionError)) report('invalid decisions throw InvalidDecisionError, valid ones resolve', `open dispute: ${describeError(error)}`);
        }
        try {
          decideDispute(scenario, state, 'postpone' as DisputeOption);
          report('the dispute can only be settled while open, and settling it records the option', 'accepted the unknown option "postpone"');
        } catch (error) {
          if (!(error instanceof InvalidDecisionError)) report('the dispute can only be settled while open, and settling it records the option', `unknown option: ${describeError(error)}`);
          else if (!isDeepStrictEqual(error.refusal, { code: 'unknown-option', option: 'postpone' })) report('the dispute can only be settled while open, and settling it records the option', `unknown option refused as ${JSON.stringify(error.refusal)}`);
        }
      }
      const before = state;
      // An option not open at this point (a second investigation, a phase-out too late) is refused
      // with a reason; the game then keeps the line.
      const option = validateDisputeOption(scenario, before, quarter.option).ok ? quarter.option : 'keep';
      try {
        state = decideDispute(scenario, before, option);
        // A joint meeting comes before a decision: the sitting goes on to one.
        if (option === 'joint-meeting') state = decideDispute(scenario, state, 'keep');
      } catch (error) {
        if (isFrozenWrite(error)) report('resolveQuarter does not mutate its input', `decideDispute: ${describeError(error)}`);
        else report('the dispute can only be settled while open, and settling it records the option', `decideDispute threw ${describeError(error)}`);
        return violations;
      }
      stats.settled[option] += 1;
      const d = state.dispute;
      const decidedAs = option === 'joint-meeting' ? 'keep' : option;
      const expected = option === 'investigate' ? d?.status === 'investigating' && d.option === null : d?.status === 'decided' && d.option === decidedAs;
      if (!expected) report('the dispute can only be settled while open, and settling it records the option', `dispute after ${option}: ${JSON.stringify(d)}`);
      if (state.cash !== before.cash || state.quarter !== before.quarter) report('the dispute can only be settled while open, and settling it records the option', 'settling changed cash or quarter');
      const line = state.products.find((p) => p.id === d?.product);
      if (option === 'discontinue') {
        if (!line || line.active || line.discontinuedInQuarter !== before.quarter) report('the dispute can only be settled while open, and settling it records the option', `discontinued line: ${JSON.stringify(line)}`);
        else discontinued.set(line.id, before.quarter);
      } else if (!line?.active) {
        report('the dispute can only be settled while open, and settling it records the option', `kept line is inactive: ${JSON.stringify(line)}`);
      }
      deepFreeze(state);
    } else if (quarter.probe) {
      try {
        decideDispute(scenario, state, quarter.option);
        report('the dispute can only be settled while open, and settling it records the option', `settled a dispute that was ${JSON.stringify(state.dispute)}`);
      } catch (error) {
        if (!(error instanceof InvalidDecisionError)) report('the dispute can only be settled while open, and settling it records the option', describeError(error));
        else if (error.refusal.code !== 'no-open-dispute') report('the dispute can only be settled while open, and settling it records the option', `no open dispute, refused as ${JSON.stringify(error.refusal)}`);
      }
    }

    const moves = buildDecision(scenario, state, game, quarter);
    stats.priceMoves += moves.filter((m) => m.kind === 'price').length;
    const valid = expectedValid(scenario, state, moves);
    const verdict = validateDecision(scenario, state, { moves });
    if (verdict.ok !== valid) {
      report('validation agrees with the rules', `validateDecision said ${JSON.stringify(verdict)}, the rules say ${valid ? 'valid' : 'invalid'}: ${JSON.stringify(moves)}`);
    }
    // Every refusal names the rule the decision breaks first, and the app has words for it.
    const expectedCode = expectedRefusalCode(scenario, state, moves);
    if ((verdict.ok ? null : verdict.refusal.code) !== expectedCode) {
      report('validation agrees with the rules', `validateDecision said ${JSON.stringify(verdict)}, the rules say ${expectedCode ?? 'valid'}: ${JSON.stringify(moves)}`);
    }
    if (!verdict.ok) {
      const words = refusalText(verdict.refusal);
      if (words.length < 10 || /NaN|\[object/.test(words)) report('validation agrees with the rules', `refusal ${JSON.stringify(verdict.refusal)} reads “${words}”`);
      stats.refusals.add(verdict.refusal.code);
    }
    if (verdict.ok) stats.validAsGenerated += 1;
    else stats.invalidAsGenerated += 1;

    const before = state;
    let after: GameState | null = null;
    let played: Move[] = moves;
    try {
      const result = resolveQuarter(scenario, before, { moves });
      if (!verdict.ok) report('invalid decisions throw InvalidDecisionError, valid ones resolve', `accepted an invalid decision (${JSON.stringify(verdict.refusal)}): ${JSON.stringify(moves)}`);
      after = result;
    } catch (error) {
      if (isFrozenWrite(error)) {
        report('resolveQuarter does not mutate its input', describeError(error));
        return violations;
      }
      if (verdict.ok) report('invalid decisions throw InvalidDecisionError, valid ones resolve', `a valid decision threw ${describeError(error)}: ${JSON.stringify(moves)}`);
      else if (!(error instanceof InvalidDecisionError)) report('invalid decisions throw InvalidDecisionError, valid ones resolve', `an invalid decision threw ${describeError(error)} instead`);
      // The resolver checks moves as it tallies them (for speed); its refusal must be the validator's, code and data.
      else if (!isDeepStrictEqual(error.refusal, verdict.refusal) || error.message !== refusalSummary(verdict.refusal)) {
        report('invalid decisions throw InvalidDecisionError, valid ones resolve', `resolveQuarter refused with ${JSON.stringify(error.refusal)} (“${error.message}”), validateDecision with ${JSON.stringify(verdict.refusal)}`);
      }
    }
    if (after === null) {
      played = repair(scenario, before, moves);
      try {
        after = resolveQuarter(scenario, before, { moves: played });
      } catch (error) {
        if (isFrozenWrite(error)) report('resolveQuarter does not mutate its input', describeError(error));
        else report('invalid decisions throw InvalidDecisionError, valid ones resolve', `the repaired decision threw ${describeError(error)}: ${JSON.stringify(played)}`);
        return violations;
      }
    }
    stats.quarters += 1;
    if (discontinued.size > 0) stats.quartersAfterDiscontinuation += 1;
    checkQuarter(scenario, before, played, after, discontinued, report);
    state = deepFreeze(after);
  }

  q = state.quarter;
  if (!state.finished || state.history.length !== scenario.quarters) {
    report('the game advances one quarter at a time and finishes', `after ${game.quarters.length} quarters: finished=${state.finished}, ${state.history.length} records`);
  }
  try {
    resolveQuarter(scenario, state, { moves: [] });
    report('invalid decisions throw InvalidDecisionError, valid ones resolve', 'resolved a quarter after the game finished');
  } catch (error) {
    if (!(error instanceof InvalidDecisionError)) report('invalid decisions throw InvalidDecisionError, valid ones resolve', `finished game: ${describeError(error)}`);
    else if (error.refusal.code !== 'game-over') report('invalid decisions throw InvalidDecisionError, valid ones resolve', `finished game refused as ${JSON.stringify(error.refusal)}`);
  }
  if (discontinued.size > 0) stats.gamesWithDiscontinuedLine += 1;
  return violations;
}

const cache = new Map<string, Violation[]>();
function violationsOf(game: GameBp): Violation[] {
  const key = JSON.stringify(game);
  let found = cache.get(key);
  if (!found) {
    found = play(game);
    cache.set(key, found);
  }
  return found;
}

// ---------------------------------------------------------------------------------------

describe('resolveQuarter over random decision sequences (two-hats and two variants)', () => {
  const results: { game: GameBp; violations: Violation[] }[] = [];

  beforeAll(() => {
    // One seeded pass over every game: fills the cache, the results and the coverage statistics.
    fc.assert(
      fc.property(gameBp, (game) => {
        results.push({ game, violations: violationsOf(game) });
      }),
      FC,
    );
  }, 60_000);

  it('reaches the interesting states (the generator is not vacuous)', () => {
    expect(results.length).toBe(RUNS);
    expect(stats.quarters).toBeGreaterThanOrEqual(RUNS * QUARTERS * 0.9);
    // Both valid and invalid plans are common.
    expect(stats.validAsGenerated).toBeGreaterThan(stats.quarters * 0.25);
    expect(stats.invalidAsGenerated).toBeGreaterThan(stats.quarters * 0.1);
    // The dispute opens and is settled both ways; a discontinued line is followed for quarters.
    // Every way to act on the dispute is exercised (six options: each at a fair share of the runs).
    for (const option of DISPUTE_OPTIONS) expect(stats.settled[option], option).toBeGreaterThan(RUNS * 0.03);
    // Every rule a plan can break is broken by some generated plan, so each refusal is checked.
    expect([...stats.refusals].sort()).toStrictEqual(
      ['account-lost', 'bad-points', 'move-unavailable', 'over-budget', 'planned-twice', 'price-missing', 'price-not-taken', 'price-out-of-range', 'product-discontinued', 'target-not-taken', 'unknown-account', 'unknown-move', 'unknown-product'],
    );
    expect(stats.quartersAfterDiscontinuation).toBeGreaterThan(RUNS);
    expect(stats.cashEventsFired).toBeGreaterThan(RUNS * 0.1);
    expect(stats.accountsWon).toBeGreaterThan(RUNS);
    expect(stats.accountsLost).toBeGreaterThan(RUNS);
    expect(stats.priceMoves).toBeGreaterThan(RUNS);
  });

  it('deep-frozen states make writes throw (modules run in strict mode, so the mutation check is real)', () => {
    const frozen = deepFreeze({ a: { b: 1 } });
    expect(() => writeProperty(frozen.a, 'b', 2)).toThrow(TypeError);
  });

  for (const invariant of INVARIANTS) {
    it(invariant, () => {
      const failing = results.filter((r) => r.violations.some((v) => v.invariant === invariant));
      if (failing.length === 0) return;
      // Replay the same seeded runs for this invariant alone, so fast-check reports a shrunk
      // counterexample; the games' details follow if shrinking somehow passes.
      const explain = (game: GameBp, found: Violation[]) =>
        `${SCENARIOS[game.variant]!.id} seed ${game.seed}:\n` + found.map((v) => `  quarter ${v.quarter}: ${v.detail}`).join('\n');
      fc.assert(
        fc.property(gameBp, (game) => {
          const found = violationsOf(game).filter((v) => v.invariant === invariant);
          if (found.length > 0) throw new Error(explain(game, found));
        }),
        FC,
      );
      const first = failing[0]!;
      throw new Error(`${failing.length} of ${RUNS} games broke it; first: ${explain(first.game, first.violations.filter((v) => v.invariant === invariant))}`);
    });
  }
});
