// Hostile input, part 2 of 2: 5,000 scenario files broken as text — alias bombs, binary junk,
// truncation, spliced lines, unbalanced brackets, control characters, duplicate keys, tabs.
// Same rule as part 1 (fuzz.test.ts): a whole game with no NaN, or positioned errors; never a
// crash (how long the slowest takes is `npm run bench`'s figure). With part 1 that makes
// 10,000 files.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textCase } from './corpus';
import { checkCase, newTally } from './fuzz-support';

export const TEXT_RUNS = 5000;

describe('fuzz: text mutations', () => {
  it(`${TEXT_RUNS} broken files each load and play, or are refused with a position`, () => {
    const tally = newTally();
    fc.assert(
      fc.property(textCase, (c) => checkCase(c, tally)),
      { numRuns: TEXT_RUNS, seed: 5_2027 },
    );
    console.log(`fuzz (text): ${tally.cases} files, ${tally.valid} valid and played`);
    expect(tally.cases).toBe(TEXT_RUNS);
  }, 180_000);
});
