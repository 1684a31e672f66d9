// What every fuzzed scenario file must do: load within a second and either play a whole game
// (the balanced bot) with every number finite, or be refused with issues that each point at a
// real place (line ≥ 1, column ≥ 1). A thrown exception fails the property, so fast-check
// shrinks it to the smallest file that crashes.
import { expect } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import { botNamed, playBot } from '../../src/sim/index';
import type { Case } from './corpus';

const balanced = botNamed('balanced')!;
/**
 * Per file: the issue's limit, for loading and (for valid files) a whole game. Measured in CPU
 * time, because on a shared machine wall time also counts other processes' turns; a file that
 * hangs still shows up, as wall time far past the limit (WALL_LIMIT_MS).
 */
export const CASE_LIMIT_MS = 1000;
export const WALL_LIMIT_MS = 5000;

export interface Tally {
  cases: number;
  valid: number;
  /** CPU time of the slowest file. */
  slowestMs: number;
  slowestWallMs: number;
}

export function newTally(): Tally {
  return { cases: 0, valid: 0, slowestMs: 0, slowestWallMs: 0 };
}

/** The first path to a number that is NaN or infinite, or undefined. */
export function nonFinite(value: unknown, path = ''): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path || '(root)';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nonFinite(value[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      // The luck table holds only draws in [0, 1), made before any scenario number is used.
      if (k === 'luck') continue;
      const found = nonFinite(v, `${path}.${k}`);
      if (found) return found;
    }
  }
  return undefined;
}

export function checkCase(c: Case, tally: Tally): void {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = loadScenario(c.text, c.name);
  if (result.ok) {
    const { state } = playBot(result.scenario, result.scenario.defaultSeed, balanced);
    expect(state.finished).toBe(true);
    expect(nonFinite(state), `${c.kind}: a NaN or infinity in the final state`).toBeUndefined();
    tally.valid++;
  } else {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const e of result.errors) {
      expect(Number.isInteger(e.line) && e.line >= 1, `${c.kind}: line ${e.line} in ${e.message}`).toBe(true);
      expect(Number.isInteger(e.column) && e.column >= 1, `${c.kind}: column ${e.column} in ${e.message}`).toBe(true);
      expect(e.message.length).toBeGreaterThan(0);
    }
  }
  const used = process.cpuUsage(cpu);
  const ms = (used.user + used.system) / 1000;
  const wall = performance.now() - start;
  tally.cases++;
  tally.slowestMs = Math.max(tally.slowestMs, ms);
  tally.slowestWallMs = Math.max(tally.slowestWallMs, wall);
  expect(ms, `${c.kind} took ${ms.toFixed(0)} ms of CPU time`).toBeLessThan(CASE_LIMIT_MS);
  expect(wall, `${c.kind} took ${wall.toFixed(0)} ms`).toBeLessThan(WALL_LIMIT_MS);
}
