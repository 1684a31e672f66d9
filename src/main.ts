// The page's entry point: installs the test hook, starts a game session on localStorage and
// boots the Phaser game (Phaser itself stays under scenes/).
import { startGame } from '../scenes/game';
import { hook } from './app/hook';
import { shippedScenarios } from './app/scenarios';
import { GameSession } from './app/session';

const session = new GameSession(window.localStorage);
const parent = document.getElementById('game')!;
const game = startGame(parent, { session, catalogue: shippedScenarios(), storage: window.localStorage, saveStatus: null, wantsTour: false });
hook.attach({ game, session });
window.marketingAndSales = hook;
