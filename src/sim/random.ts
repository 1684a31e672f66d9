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

export function drawLuck(scenarioId: string, seed: number, shape: LuckShape): Luck {
  const market = stream(scenarioId, seed, 'market');
  const conversion = stream(scenarioId, seed, 'conversion');
  const churn = stream(scenarioId, seed, 'churn');
  const investigation = stream(scenarioId, seed, 'investigation');
  const setup = stream(scenarioId, seed, 'setup');
  const slots = shape.purchasesPerAccount.length + shape.prospects;
  const luck: Luck = {
    market: [],
    conversion: [],
    churn: [],
    investigation: [],
    anchors: shape.purchasesPerAccount.map((n) => repeat(n, setup)),
    disputeAnchor: setup(),
    prospects: [],
  };
  for (let i = 0; i < shape.prospects; i++) {
    const first = Math.floor(setup() * shape.products);
    // The second preference differs from the first whenever there is more than one line.
    const offset = shape.products > 1 ? 1 + Math.floor(setup() * (shape.products - 1)) : 0;
    luck.prospects.push({
      size: setup(),
      preferences: [first, (first + offset) % shape.products],
      anchorDraws: [setup(), setup()],
    });
  }
  for (let q = 0; q < shape.quarters; q++) {
    luck.market.push(repeat(shape.products, market));
    luck.conversion.push(conversion());
    luck.churn.push(repeat(slots, churn));
    luck.investigation.push(investigation());
  }
  return luck;
}

function repeat(n: number, prng: Prng): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = prng();
  return out;
}
