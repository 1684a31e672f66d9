// Heat codes: the short code an instructor shows so every workshop group plays the same draw.
// Ten Crockford base32 symbols (shown as XXXXX-XXXXX): nine carry 45 bits — a 14-bit tag of the
// scenario (a hash of its id and content hash, so a code made for another version of a scenario
// is caught) and the 31-bit seed — and the tenth is a Luhn mod 32 check symbol, which catches
// every single mistyped symbol and nearly every swap of two neighbours.
import { hashString } from '../sim/index';
import { scenarioHash } from '../replay/replay';
import type { Scenario } from '../sim/index';
import { CROCKFORD, symbolValue } from './codec';

export const HEAT_CODE_LENGTH = 10;
const TAG_BITS = 14;
const SEED_BITS = 31;
export const MAX_SEED = 2 ** SEED_BITS - 1;

/**
 * How many other seeds the luck-or-skill report (./luck) replays a heat's groups on. Here rather
 * than in ./luck, which the browser loads on demand, so a screen can say it before loading it.
 */
export const LUCK_SEED_COUNT = 100;

export type HeatCodeProblem = 'empty' | 'garbage' | 'too-short' | 'too-long' | 'checksum' | 'unknown-scenario';

export class HeatCodeError extends Error {
  constructor(
    readonly problem: HeatCodeProblem,
    message: string,
  ) {
    super(message);
  }
}

export interface Heat {
  /** The 14-bit tag of the scenario version the heat is for. */
  scenarioTag: number;
  seed: number;
}

/** The tag of one version of one scenario: 14 bits of a hash of its id and content hash. */
export function scenarioTag(scenario: Scenario): number {
  return tagOf(scenario.id, scenarioHash(scenario));
}

export function tagOf(scenarioId: string, contentHash: string): number {
  return parseInt(hashString(`${scenarioId}:${contentHash}`).slice(0, 4), 16) & ((1 << TAG_BITS) - 1);
}

/** Luhn mod N over symbol values (N = 32): the check symbol that makes the weighted sum 0. */
function luhnCheck(values: readonly number[]): number {
  let factor = 2;
  let sum = 0;
  for (let i = values.length - 1; i >= 0; i--) {
    let addend = factor * values[i]!;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / 32) + (addend % 32);
    sum += addend;
  }
  return (32 - (sum % 32)) % 32;
}

/** The heat code of a scenario version and seed, as XXXXX-XXXXX. */
export function makeHeatCode(scenario: Scenario, seed: number): string {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) throw new RangeError(`a heat's seed is a whole number from 0 to ${MAX_SEED}, not ${seed}`);
  // 45 bits do not fit JavaScript's 32-bit bit operations; plain arithmetic is exact below 2^53.
  let value = scenarioTag(scenario) * 2 ** SEED_BITS + seed;
  const values: number[] = [];
  for (let i = 0; i < HEAT_CODE_LENGTH - 1; i++) {
    values.unshift(value % 32);
    value = Math.floor(value / 32);
  }
  values.push(luhnCheck(values));
  const text = values.map((v) => CROCKFORD[v]).join('');
  return `${text.slice(0, 5)}-${text.slice(5)}`;
}

/** Reads a heat code. Case, spaces, hyphens and the look-alikes O, I and L are forgiven. */
export function decodeHeatCode(code: string): Heat {
  const text = code.replace(/[\s-]+/g, '');
  if (text.length === 0) throw new HeatCodeError('empty', 'the heat code is empty');
  const values: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const v = symbolValue(text[i]!);
    if (v < 0) throw new HeatCodeError('garbage', `"${text[i]}" (symbol ${i + 1}) cannot be part of a heat code; heat codes use the digits and the letters A–Z but I, L, O and U`);
    values.push(v);
  }
  if (values.length < HEAT_CODE_LENGTH) {
    throw new HeatCodeError('too-short', `the heat code has ${values.length} symbols; a heat code has ${HEAT_CODE_LENGTH}`);
  }
  if (values.length > HEAT_CODE_LENGTH) {
    throw new HeatCodeError('too-long', `the heat code has ${values.length} symbols; a heat code has ${HEAT_CODE_LENGTH}`);
  }
  const data = values.slice(0, HEAT_CODE_LENGTH - 1);
  if (luhnCheck(data) !== values[HEAT_CODE_LENGTH - 1]) {
    throw new HeatCodeError('checksum', 'the heat code does not add up: a symbol was mistyped');
  }
  let value = 0;
  for (const v of data) value = value * 32 + v;
  return { scenarioTag: Math.floor(value / 2 ** SEED_BITS), seed: value % 2 ** SEED_BITS };
}

/** Reads a heat code and finds its scenario among those given (the shipped ones, say). */
export function resolveHeatCode<S extends Scenario>(code: string, scenarios: readonly S[]): { scenario: S; seed: number } {
  const heat = decodeHeatCode(code);
  const scenario = scenarios.find((s) => scenarioTag(s) === heat.scenarioTag);
  if (!scenario) {
    throw new HeatCodeError('unknown-scenario', 'the heat code is for a scenario, or a version of one, that is not available here');
  }
  return { scenario, seed: heat.seed };
}

/** Whether a heat fits a scenario version (tags are 14 bits: a match is strong evidence, not proof). */
export function heatMatches(heat: Heat, scenario: Scenario): boolean {
  return heat.scenarioTag === scenarioTag(scenario);
}
