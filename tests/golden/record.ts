// Re-records the golden replays of the current two-hats: `npx tsx tests/golden/record.ts`.
// Only for a deliberate balance change: the commit that re-records them says so and why. Frozen
// sets (earlier versions, kept in scenarios/archive) are never re-recorded.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { makeReplay, runReplay } from '../../src/replay/replay';
import { botNamed, playBot } from '../../src/sim/index';
import { GOLDEN_SETS } from './games';

for (const set of GOLDEN_SETS.filter((s) => !s.frozen)) {
  const scenario = set.scenario();
  const out = set.games.map(({ bot, seed, dispute }) => {
    const replay = makeReplay(scenario, seed, playBot(scenario, seed, botNamed(bot)!, dispute ? { disputeOption: dispute } : {}).steps);
    const result = runReplay(scenario, replay);
    return { bot, seed, ...(dispute ? { dispute } : {}), stateHash: result.stateHash, score: result.score, replay };
  });
  writeFileSync(fileURLToPath(set.file), `${JSON.stringify(out, null, 1)}\n`);
  console.log(`${set.label}:\n${out.map((g) => `${g.bot} seed ${g.seed}${g.dispute ? ` (${g.dispute})` : ''}: ${g.stateHash} score ${g.score}`).join('\n')}`);
}
