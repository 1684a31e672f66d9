// Golden replays of two-hats.
//
// Why these exist: a replay must give the same final state on every engine and every build,
// and a change to the model must never move results by accident. Each entry is a whole game
// (its decisions, recorded from a bot) with the state hash and score it produced when it was
// recorded. If this test fails, either the change is a bug, or it is a deliberate balance
// change — then re-record with `npx tsx tests/golden/record.ts` and say so in the commit.
// The browser test replays the same files in Chromium and must get the same hashes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReplay, runReplay } from '../../src/replay/replay';
import { botNamed, playBot } from '../../src/sim/index';
import { GOLDEN_SETS, type Golden } from './games';

for (const set of GOLDEN_SETS) describe(`golden replays of ${set.label}`, () => {
  const goldens = JSON.parse(readFileSync(set.file, 'utf8')) as Golden[];
  it('cover every game listed in games.ts', () => {
    const key = (g: { bot: string; seed: number; dispute?: string }) => `${g.bot}:${g.seed}:${g.dispute ?? ''}`;
    expect(goldens.map(key)).toEqual(set.games.map(key));
  });

  for (const golden of goldens) {
    it(`${golden.bot} seed ${golden.seed}${golden.dispute ? ` (${golden.dispute} forced)` : ''} replays to ${golden.stateHash}`, () => {
      const scenario = set.scenario();
      const result = runReplay(scenario, parseReplay(golden.replay));
      expect(result.stateHash).toBe(golden.stateHash);
      expect(result.score).toBe(golden.score);
      // The bot, played afresh, still makes the same decisions: bots are deterministic too.
      const again = playBot(scenario, golden.seed, botNamed(golden.bot)!, golden.dispute ? { disputeOption: golden.dispute } : {});
      expect(again.steps).toEqual(parseReplay(golden.replay).decisions);
    });
  }
});
