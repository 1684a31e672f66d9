// Warms the result-code verifier's paths (decoding, replaying, hashing) on a code made here from
// a bot's game, so the first codes an instructor pastes on the scoreboard are checked by warm
// code rather than the JIT's first pass (the 100-codes-in-200-ms target is about the board).
import { makeReplay } from '../replay/replay';
import { makeResultCode, verifyResultCode } from '../scoreboard/index';
import { BOTS, botNamed, playBot, type Scenario } from '../sim/index';

/** Scenarios whose verification paths have been warmed up on this page. */
const warmed = new WeakSet<Scenario>();

/** Once per scenario and page: later calls return at once. */
export function warmVerifier(scenario: Scenario): void {
  if (warmed.has(scenario)) return;
  warmed.add(scenario);
  const bot = botNamed('balanced') ?? BOTS[0]!;
  const played = playBot(scenario, scenario.defaultSeed, bot);
  const code = makeResultCode(scenario, makeReplay(scenario, scenario.defaultSeed, played.steps), 'Warm-up');
  for (let i = 0; i < 3; i++) verifyResultCode(code, scenario, { seed: scenario.defaultSeed });
}
