// Hostile input, part 1 of 2: 5,000 structurally mutated scenario files (fields deleted,
// retyped, out of range, huge strings, deep nesting, unknown or misspelt keys) written as YAML
// or JSON. Each either loads and plays a whole game with no NaN, or is refused with positioned
// errors; never a crash (how long the slowest takes is `npm run bench`'s figure). Part 2
// (fuzz-text.test.ts) breaks files as text; the two are separate files so the test runner
// plays them on both cores.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BASES, addBase, structuralCase } from './corpus';
import { checkCase, newTally } from './fuzz-support';

export const STRUCTURAL_RUNS = 5000;

// The shipped scenario as one base in eight: bigger, so slower, but it has every feature.
const twoHats = readFileSync(new URL('../../scenarios/two-hats.yaml', import.meta.url), 'utf8');
const minimal = BASES[0]!;
for (let i = 0; i < 6; i++) addBase(minimal.name, minimal.text, minimal.data);
addBase('two-hats.yaml', twoHats, parse(twoHats));

describe('fuzz: structural mutations', () => {
  it(`${STRUCTURAL_RUNS} mutated files each load and play, or are refused with a position`, () => {
    const tally = newTally();
    fc.assert(
      fc.property(structuralCase, (c) => checkCase(c, tally)),
      { numRuns: STRUCTURAL_RUNS, seed: 5_2026 },
    );
    console.log(`fuzz (structural): ${tally.cases} files, ${tally.valid} valid and played`);
    expect(tally.cases).toBe(STRUCTURAL_RUNS);
    // Some mutations keep the file valid (a number still in range, a list reversed): those play.
    expect(tally.valid).toBeGreaterThan(50);
  }, 180_000);
});
