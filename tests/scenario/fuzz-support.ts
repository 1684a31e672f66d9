// What every fuzzed scenario file must do: load and either play a whole game (the balanced bot)
// with every number finite, or be refused with issues that each point at a real place
// (line ≥ 1, column ≥ 1). A thrown exception fails the property, so fast-check shrinks it to
// the smallest file that crashes. How long the slowest file takes is `npm run bench`'s figure
// (bench/fuzz.ts), not a limit here: a test's outcome must not hang on the machine's load.
import { expect } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import { botNamed, playBot } from '../../src/sim/index';
import type { Case } from './corpus';

const balanced = botNamed('balanced')!;

export interface Tally {
  cases: number;
  valid: number;
}

export function newTally(): Tally {
  return { cases: 0, valid: 0 };
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
      if (e.excerpt) {
        // The line shown is safe (no control character reaches a terminal or the page) and the caret is on it.
        const chars = [...e.excerpt.lineText];
        expect(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(e.excerpt.lineText), `${c.kind}: a control character in ${JSON.stringify(e.excerpt)}`).toBe(false);
        expect(e.excerpt.column >= 1 && e.excerpt.column <= chars.length + 1, `${c.kind}: caret off the line in ${JSON.stringify(e.excerpt)}`).toBe(true);
        expect(chars.length).toBeLessThanOrEqual(102);
      }
    }
  }
  tally.cases++;
}
