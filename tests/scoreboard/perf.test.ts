// How long verifying a workshop's codes takes in Node: 100 result codes of distinct games, each
// decoded and replayed. The budget is 200 ms in the browser; this prints the Node figure
// and fails only far above it, so a loaded CI machine does not make the test flaky.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildScoreboard, verifyResultCode } from '../../src/scoreboard/index';
import { codeOf, gameArb, randomGame, scenario } from './support';

describe('verification speed', () => {
  it('verifies 100 result codes', () => {
    const games = fc.sample(gameArb, { numRuns: 100, seed: 42 });
    const codes = games.map((g, i) => codeOf(randomGame(1, g.quarters, g.dispute), `Group ${i + 1}`));
    for (const code of codes) verifyResultCode(code, scenario); // warm up the JIT
    const times: number[] = [];
    for (let round = 0; round < 7; round++) {
      const start = performance.now();
      const board = buildScoreboard(scenario, codes);
      times.push(performance.now() - start);
      expect(board.entries).toHaveLength(100);
    }
    times.sort((a, b) => a - b);
    const median = times[3]!;
    console.log(`verifying 100 result codes (Node ${process.version}): median ${median.toFixed(0)} ms, best ${times[0]!.toFixed(0)} ms; mean code length ${Math.round(codes.reduce((n, c) => n + c.length, 0) / codes.length)} characters`);
    expect(median).toBeLessThan(2000);
  });
});
