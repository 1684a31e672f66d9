// The page's entry point: installs the test hook, starts a game session on localStorage (its
// save slots locked per tab: src/app/slot-locks.ts) and
// boots the Phaser game (Phaser itself stays under scenes/).
import { startGame } from '../scenes/game';
import { soundDirector } from '../scenes/ui/sound';
import { hook } from './app/hook';
import { shippedScenarios } from './app/scenarios';
import { LiveGroup } from './app/live-group';
import { startLms } from './app/lms';
import { GameSession } from './app/session';
import { browserSlotLocks } from './app/slot-locks';

const session = new GameSession(window.localStorage, browserSlotLocks());
const parent = document.getElementById('game')!;
const catalogue = shippedScenarios();
const live = new LiveGroup(session, window.localStorage, catalogue);
const game = startGame(parent, { session, catalogue, storage: window.localStorage, wantsTour: false, live });
hook.attach({ game, session, sound: soundDirector() ?? undefined });
// The SCORM package's build (npm run package:scorm, mode LMS_BUILD_MODE) reports finished games to
// the LMS; the literal lets every other build drop the branch.
if (import.meta.env.MODE === 'scorm') startLms(window, session, catalogue.scenarios.map((s) => s.scenario));
window.marketingAndSales = hook;
// The forecast's worker loads once the title is up, not on the way into the first quarter.
window.addEventListener('load', () => setTimeout(() => session.forecasts.prepare(), 500), { once: true });
