// Checks a decision against the rules before it is resolved, with a reason a screen can show.
// resolveQuarter (resolve.ts) makes the same checks of moves while it tallies them, as a fast
// path that only ever passes what validateDecision accepts, and asks validateDecision otherwise:
// a rule added here must be added to tallyMoves there as well, or it would go unchecked.
import { MOVE_INFO, PRICE_MAX_SHARE, PRICE_MIN_SHARE, type MoveInfo } from './moves';
import type { Decision, GameState, Move, MoveKind, MoveTuning, MoveTunings, Scenario } from './types';
import { disputeEffort } from './dispute';

/** A decision or a dispute choice the rules refuse; the message is the reason a screen shows. */
export class InvalidDecisionError extends Error {}

export type Verdict = { ok: true } | { ok: false; reason: string };

const OK: Verdict = { ok: true };

/** The quarter's effort budget less what the dispute has taken (a meeting, an investigation, a migration plan). */
export function effortAvailable(scenario: Scenario, state: GameState): number {
  if (state.dispute === null) return scenario.effortBudget;
  const taken = disputeEffort(state);
  return scenario.effortBudget - taken.sales - taken.joint;
}

export function effortOf(decision: Decision): number {
  let total = 0;
  for (const move of decision.moves) total += move.points;
  return total;
}

function findById<T extends { id: string }>(items: readonly T[], id: string | undefined): T | undefined {
  for (let i = 0; i < items.length; i++) if (items[i]!.id === id) return items[i];
  return undefined;
}

/**
 * Each kind of move by number (the catalogue's order), found from its name by a table on its
 * length and first letter and confirmed by comparing the name: validation runs for every move of
 * every quarter, and the keyed reads (MOVE_INFO[kind], scenario.moves[kind]) it replaces were a
 * good part of its time. A name the table does not know goes the old way, through hasOwn.
 */
const KIND_NAMES = Object.keys(MOVE_INFO) as MoveKind[];
const KIND_INFO: MoveInfo[] = KIND_NAMES.map((kind) => MOVE_INFO[kind]);
const KIND_COUNT = KIND_NAMES.length;
const KIND_TABLE_WIDTH = 26;
const KIND_TABLE = new Int8Array(32 * KIND_TABLE_WIDTH).fill(-1);
/** False if two kinds ever share a length and first letter: then every kind goes through a Map. */
let kindTableWorks = true;
for (let code = 0; code < KIND_COUNT; code++) {
  const name = KIND_NAMES[code]!;
  const slot = kindSlot(name);
  if (slot < 0 || KIND_TABLE[slot] !== -1) kindTableWorks = false;
  else KIND_TABLE[slot] = code;
}
const KIND_CODES = new Map<string, number>(KIND_NAMES.map((kind, code) => [kind, code]));

function kindSlot(name: string): number {
  const n = name.length;
  const c = name.charCodeAt(0) - 97;
  return n > 0 && n < 32 && c >= 0 && c < KIND_TABLE_WIDTH ? n * KIND_TABLE_WIDTH + c : -1;
}

/** The kind's number, or −1 when `kind` is not the name of a kind. */
function kindCode(kind: unknown): number {
  if (typeof kind !== 'string') return -1;
  if (!kindTableWorks) return KIND_CODES.get(kind) ?? -1;
  const slot = kindSlot(kind);
  if (slot < 0) return -1;
  const code = KIND_TABLE[slot]!;
  return code >= 0 && KIND_NAMES[code] === kind ? code : -1;
}

/** For tuningOf: each kind's case below by its number (−1: none, read by name). */
const TUNING_CASE: readonly string[] = ['campaign', 'research', 'improve', 'price', 'brand', 'portfolio-review', 'prospecting', 'service', 'relationship', 'referrals', 'closing', 'discounting', 'alignment'];
const KIND_CASE = new Int8Array(KIND_COUNT);
for (let code = 0; code < KIND_COUNT; code++) KIND_CASE[code] = TUNING_CASE.indexOf(KIND_NAMES[code]!);

/** The scenario's tuning of the kind numbered `code`: a fixed property read per case, not a lookup by name. */
function tuningOf(moves: MoveTunings, code: number, kind: MoveKind): MoveTuning {
  switch (KIND_CASE[code]) {
    case 0:
      return moves.campaign;
    case 1:
      return moves.research;
    case 2:
      return moves.improve;
    case 3:
      return moves.price;
    case 4:
      return moves.brand;
    case 5:
      return moves['portfolio-review'];
    case 6:
      return moves.prospecting;
    case 7:
      return moves.service;
    case 8:
      return moves.relationship;
    case 9:
      return moves.referrals;
    case 10:
      return moves.closing;
    case 11:
      return moves.discounting;
    case 12:
      return moves.alignment;
    default:
      return moves[kind];
  }
}

/** The number of the kind validateMove looked at last, or −1 when it is not a kind by name (read by validateDecision). */
let lastKindCode = -1;

export function validateMove(scenario: Scenario, state: GameState, move: Move): Verdict {
  // Moves arrive in several object shapes (bots, the flow, parsed replays): read each field once.
  const kind = move.kind;
  const target = move.target;
  const points = move.points;
  const code = kindCode(kind);
  lastKindCode = code;
  let info: MoveInfo;
  let tuning: MoveTuning;
  if (code >= 0) {
    info = KIND_INFO[code]!;
    tuning = tuningOf(scenario.moves, code, kind);
  } else {
    // Not a kind by its name: hasOwn decides, as it always did (it converts what it is given).
    if (!Object.hasOwn(MOVE_INFO, kind)) {
      return { ok: false, reason: `Unknown move "${String(kind)}".` };
    }
    info = MOVE_INFO[kind];
    tuning = scenario.moves[kind];
  }
  if (!tuning.enabled) {
    return { ok: false, reason: `${info.label} is not available in this scenario.` };
  }
  if (!Number.isInteger(points) || points < 1) {
    return { ok: false, reason: `${info.label}: effort must be a whole number of points, at least 1.` };
  }
  if (info.target === 'none') {
    if (target !== undefined) return { ok: false, reason: `${info.label} takes no target.` };
  } else if (info.target === 'product') {
    // Plain loops rather than find(): validation runs on every quarter of every game.
    const product = findById(state.products, target);
    if (!product) return { ok: false, reason: `${info.label}: unknown product line "${String(target)}".` };
    if (!product.active) return { ok: false, reason: `${info.label}: "${product.id}" has been discontinued.` };
  } else {
    const account = findById(state.accounts, target);
    if (!account) return { ok: false, reason: `${info.label}: unknown account "${String(target)}".` };
    if (!account.active) return { ok: false, reason: `${info.label}: "${account.name}" is no longer a customer.` };
  }
  if (kind === 'price') {
    const spec = findById(scenario.products, target);
    const price = move.price;
    if (spec === undefined || price === undefined || !Number.isInteger(price)) {
      return { ok: false, reason: 'Price change: give the new price in whole cents.' };
    }
    if (price < spec.price * PRICE_MIN_SHARE || price > spec.price * PRICE_MAX_SHARE) {
      return {
        ok: false,
        reason: `Price change: the price must stay between ${PRICE_MIN_SHARE * 100}% and ${PRICE_MAX_SHARE * 100}% of the list price.`,
      };
    }
  } else if (move.price !== undefined) {
    return { ok: false, reason: `${info.label} takes no price.` };
  }
  return OK;
}

const seenKinds: string[] = [];
const seenTargets: (string | undefined)[] = [];
/** The last move so far of each kind (by number), and each move's previous one of its kind: −1 for none. */
const lastOfKind = new Int32Array(KIND_COUNT);
const previousOfKind: number[] = [];

export function validateDecision(scenario: Scenario, state: GameState, decision: Decision): Verdict {
  if (state.finished) return { ok: false, reason: 'The game is over.' };
  if (state.dispute && state.dispute.status === 'open') {
    return { ok: false, reason: 'The discontinuation dispute must be settled first.' };
  }
  const moves = decision.moves;
  // Each move's kind and target read once into reused arrays, so the check for a move planned
  // twice compares locals instead of re-reading moves of several object shapes.
  const kinds = seenKinds;
  const targets = seenTargets;
  // A move planned twice is found among the earlier moves of its own kind only (a chain per kind
  // number), not by comparing every pair; a kind that is no kind by name is checked against all.
  for (let c = 0; c < KIND_COUNT; c++) lastOfKind[c] = -1;
  let effort = 0;
  for (let m = 0; m < moves.length; m++) {
    const move = moves[m]!;
    const verdict = validateMove(scenario, state, move);
    if (!verdict.ok) return verdict;
    const code = lastKindCode;
    const kind = move.kind;
    const target = move.target;
    let twice = false;
    if (code >= 0) {
      for (let k = lastOfKind[code]!; k >= 0 && !twice; k = previousOfKind[k]!) twice = targets[k] === target;
      previousOfKind[m] = lastOfKind[code]!;
      lastOfKind[code] = m;
    } else {
      for (let k = 0; k < m && !twice; k++) twice = kinds[k] === kind && targets[k] === target;
      previousOfKind[m] = -1;
    }
    if (twice) {
      return { ok: false, reason: `${MOVE_INFO[kind].label}${target ? ` for "${target}"` : ''} is planned twice; plan each move once.` };
    }
    kinds[m] = kind;
    targets[m] = target;
    effort += move.points;
  }
  const budget = effortAvailable(scenario, state);
  if (effort > budget) {
    return {
      ok: false,
      reason: `Over budget: ${effort} effort points planned, ${budget} available this quarter${budget < scenario.effortBudget ? ' (the dispute takes the rest)' : ''}.`,
    };
  }
  return OK;
}
