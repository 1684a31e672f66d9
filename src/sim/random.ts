// Seeded randomness for the model. Every purpose has its own seedrandom stream keyed
// `scenarioId:seed:purpose`, and all of a game's draws are taken up front into a luck table
// with a fixed shape (per quarter, per entity), whether or not a draw ends up used. That is
// the common-random-numbers rule: a different decision never changes anyone else's luck,
// which the dispute fork and the luck-or-skill report depend on.
import seedrandom from 'seedrandom';

export type Prng = () => number;

/** Streams are tychei: ~0.7 µs to seed, so a few per game keep thousands of games a second. */
export function stream(scenarioId: string, seed: number, purpose: string): Prng {
  return seedrandom.tychei(`${scenarioId}:${seed}:${purpose}`);
}

/** A prospect the market may yield: drawn at the start so that winning it later draws nothing. */
export interface ProspectDraw {
  /** Relative size multiplier. */
  size: number;
  /** Product indices in order of preference. */
  preferences: [number, number];
  /** Uniform number for the anchor strength on each preferred product. */
  anchorDraws: [number, number];
}

export interface Luck {
  /** [quarter-1][product]: demand noise uniform in [0, 1). */
  market: number[][];
  /** [quarter-1]: rounding of the expected number of new accounts. */
  conversion: number[];
  /** [quarter-1][account slot]: churn draws; slots are starting accounts, then prospects in order. */
  churn: number[][];
  /** [quarter-1]: noise for an investigation's estimate (the dispute). */
  investigation: number[];
  /** [starting account][purchase]: uniform draw placing the hidden anchor within its range. */
  anchors: number[][];
  /** Uniform draw placing the dispute account's anchor within the dispute's range. */
  disputeAnchor: number;
  prospects: ProspectDraw[];
}

export interface LuckShape {
  quarters: number;
  products: number;
  purchasesPerAccount: number[];
  prospects: number;
}

let mirrorChecked = false;

/**
 * Once per process: the streams below must give seedrandom's own draws, or the luck would
 * silently differ. drawLuck runs seedrandom's tychei generator step for step on four 32-bit words
 * per stream rather than through seedrandom's closures (a draw through the closure cost ~11 ns,
 * most of a game's luck table); this compares that very code, seeding and draws, with the library.
 */
function checkMirror(prefix: string): void {
  seedStream(MIRROR, 'market');
  const theirs = seedrandom.tychei(prefix + 'market');
  for (const draw of [...drawMany(3, MIRROR), drawOne(MIRROR)]) {
    if (draw !== theirs()) throw new Error('random.ts: the tychei mirror no longer matches seedrandom');
  }
  mirrorChecked = true;
}

/**
 * The words of drawLuck's streams, reused by every call (it is synchronous and never re-entered):
 * four words each, at the offsets below. Seeding into them, rather than into a copy per stream,
 * spares five typed arrays a game.
 */
const streams = new Int32Array(28);
const PREFIX = 0;
const MARKET = 4;
const CONVERSION = 8;
const CHURN = 12;
const INVESTIGATION = 16;
const SETUP = 20;
/** checkMirror's own stream, so checking draws nothing from the others. */
const MIRROR = 24;

/**
 * Mixes `text` into the stream at `at` of `streams` as tychei's seeding does (a character, then a
 * step), then takes `steps` more steps, with the four words held in locals (a subarray per stream
 * was a typed array allocated six times a game).
 */
function mixAt(at: number, text: string, steps: number): void {
  let a = streams[at]!;
  let b = streams[at + 1]!;
  let c = streams[at + 2]!;
  let d = streams[at + 3]!;
  const n = text.length;
  for (let k = 0; k < n + steps; k++) {
    if (k < n) b ^= text.charCodeAt(k);
    b = (b << 25) ^ (b >>> 7) ^ c;
    c = (c - d) | 0;
    d = (d << 24) ^ (d >>> 8) ^ a;
    a = (a - b) | 0;
    b = (b << 20) ^ (b >>> 12) ^ c;
    c = (c - d) | 0;
    d = (d << 16) ^ (c >>> 16) ^ a;
    a = (a - b) | 0;
  }
  streams[at] = a;
  streams[at + 1] = b;
  streams[at + 2] = c;
  streams[at + 3] = d;
}

/**
 * The words of `seedrandom.tychei(prefix + purpose)` into the stream at `at`, from the words after
 * mixing the prefix (at PREFIX): every purpose of a game shares the `scenarioId:seed:` prefix, so it
 * is mixed once. Then the purpose, then the 20 steps tychei discards.
 */
function seedStream(at: number, purpose: string): void {
  for (let k = 0; k < 4; k++) streams[at + k] = streams[PREFIX + k]!;
  mixAt(at, purpose, 20);
}

/**
 * `n` draws in [0, 1) of the stream at `at`, as seedrandom's tychei prng returns them, with the
 * four words held in locals and stored back once at the end (most of a game's draws come here).
 */
function drawMany(n: number, at: number): number[] {
  const out = new Array<number>(n);
  let a = streams[at]!;
  let b = streams[at + 1]!;
  let c = streams[at + 2]!;
  let d = streams[at + 3]!;
  for (let i = 0; i < n; i++) {
    b = (b << 25) ^ (b >>> 7) ^ c;
    c = (c - d) | 0;
    d = (d << 24) ^ (d >>> 8) ^ a;
    a = (a - b) | 0;
    b = (b << 20) ^ (b >>> 12) ^ c;
    c = (c - d) | 0;
    d = (d << 16) ^ (c >>> 16) ^ a;
    a = (a - b) | 0;
    out[i] = (a >>> 0) / 0x100000000;
  }
  streams[at] = a;
  streams[at + 1] = b;
  streams[at + 2] = c;
  streams[at + 3] = d;
  return out;
}

/** One draw of the stream at `at`. */
function drawOne(at: number): number {
  let a = streams[at]!;
  let b = streams[at + 1]!;
  let c = streams[at + 2]!;
  let d = streams[at + 3]!;
  b = (b << 25) ^ (b >>> 7) ^ c;
  c = (c - d) | 0;
  d = (d << 24) ^ (d >>> 8) ^ a;
  a = (a - b) | 0;
  streams[at + 1] = b = (b << 20) ^ (b >>> 12) ^ c;
  streams[at + 2] = c = (c - d) | 0;
  streams[at + 3] = (d << 16) ^ (c >>> 16) ^ a;
  streams[at] = a = (a - b) | 0;
  return (a >>> 0) / 0x100000000;
}

export function drawLuck(scenarioId: string, seed: number, shape: LuckShape): Luck {
  // The same streams as stream(scenarioId, seed, purpose) for each purpose, drawn in the same order.
  const prefix = `${scenarioId}:${seed}:`;
  streams[PREFIX] = 0;
  streams[PREFIX + 1] = 0;
  streams[PREFIX + 2] = 2654435769 | 0;
  streams[PREFIX + 3] = 1367130551;
  mixAt(PREFIX, prefix, 0);
  if (!mirrorChecked) checkMirror(prefix);
  seedStream(MARKET, 'market');
  seedStream(CONVERSION, 'conversion');
  seedStream(CHURN, 'churn');
  seedStream(INVESTIGATION, 'investigation');
  seedStream(SETUP, 'setup');
  const nProducts = shape.products;
  const perAccount = shape.purchasesPerAccount;
  const slots = perAccount.length + shape.prospects;
  const anchors: number[][] = new Array<number[]>(perAccount.length);
  for (let i = 0; i < perAccount.length; i++) anchors[i] = drawMany(perAccount[i]!, SETUP);
  // The tables sized up front and filled in order: the same arrays as pushing into empty ones.
  const quarters = shape.quarters;
  const luck: Luck = {
    market: sized<number[]>(quarters),
    conversion: sized<number>(quarters),
    churn: sized<number[]>(quarters),
    investigation: sized<number>(quarters),
    anchors,
    disputeAnchor: drawOne(SETUP),
    prospects: sized<ProspectDraw>(shape.prospects),
  };
  for (let i = 0; i < shape.prospects; i++) {
    const first = Math.floor(drawOne(SETUP) * nProducts);
    // The second preference differs from the first whenever there is more than one line.
    const offset = nProducts > 1 ? 1 + Math.floor(drawOne(SETUP) * (nProducts - 1)) : 0;
    const size = drawOne(SETUP);
    const anchor0 = drawOne(SETUP);
    const anchor1 = drawOne(SETUP);
    luck.prospects[i] = {
      size,
      preferences: [first, (first + offset) % nProducts],
      anchorDraws: [anchor0, anchor1],
    };
  }
  for (let q = 0; q < quarters; q++) {
    luck.market[q] = drawMany(nProducts, MARKET);
    luck.conversion[q] = drawOne(CONVERSION);
    luck.churn[q] = drawMany(slots, CHURN);
    luck.investigation[q] = drawOne(INVESTIGATION);
  }
  return luck;
}

/** An array of length `n` to fill in order; [] (filled in order just the same) for a length no array can have. */
function sized<T>(n: number): T[] {
  return Number.isInteger(n) && n >= 0 && n < 0x10000 ? new Array<T>(n) : [];
}
