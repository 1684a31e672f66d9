// Re-records the golden replays of two-hats: `npx tsx tests/golden/record.ts`.
// Only for a deliberate balance change: the commit that re-records them says so and why.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { makeReplay, runReplay } from '../../src/replay/replay';
import { botNamed, playBot } from '../../src/sim/index';
import { loadShipped } from '../support/scenarios';
import { GOLDEN_FILE, GOLDEN_GAMES } from './games';

const scenario = loadShipped('two-hats');
const out = GOLDEN_GAMES.map(({ bot, seed, dispute }) => {
  const replay = makeReplay(scenario, seed, playBot(scenario, seed, botNamed(bot)!, dispute ? { disputeOption: dispute } : {}).steps);
  const result = runReplay(scenario, replay);
  return { bot, seed, ...(dispute ? { dispute } : {}), stateHash: result.stateHash, score: result.score, replay };
});
writeFileSync(fileURLToPath(GOLDEN_FILE), `${JSON.stringify(out, null, 1)}\n`);
console.log(out.map((g) => `${g.bot} seed ${g.seed}${g.dispute ? ` (${g.dispute})` : ''}: ${g.stateHash} score ${g.score}`).join('\n'));
