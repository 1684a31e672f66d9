// Boots Phaser: the fixed design size scaled to fit (canvas and DOM layer together), WebGL, the
// scenes (the game's own, briefing to debrief, fetched right after the start, scenes/game-scenes.ts;
// the scoreboard's two load when first opened, scenes/board.ts, and so do the workshop's
// screens and the live board, scenes/lazy.ts), and the director that follows the game
// session's phase from scene to scene, and the sounds that go with it (scenes/ui/sound.ts).
import '@fontsource/atkinson-hyperlegible/latin-400.css';
import '@fontsource/atkinson-hyperlegible/latin-700.css';
import './ui/style.css';
import './ui/flow.css';
import Phaser from 'phaser';
import { BaseScene } from './base';
import { setAppContext, type AppContext } from './context';
import { Boot } from './Boot';
import { LiveWait } from './LiveWait';
import { sleepWhenIdle } from './idle';
import { Preloader } from './Preloader';
import { ScenarioSelect } from './ScenarioSelect';
import { COLOURS, HEIGHT, WIDTH } from './theme';
import { Title } from './Title';
import { loadGameScenes, setLazyScenes } from './lazy';
import { startSound } from './ui/sound';
import { followLayoutMode } from './layout-mode';
import { SCENES } from './keys';

export function startGame(parent: HTMLElement, context: AppContext): Phaser.Game {
  setAppContext(context);
  setLazyScenes({
    [SCENES.workshop]: () => import('./Workshop').then((m) => m.Workshop),
    [SCENES.join]: () => import('./JoinHeat').then((m) => m.JoinHeat),
    [SCENES.handOver]: () => import('./HandOver').then((m) => m.HandOver),
    [SCENES.liveBoard]: () => import('./LiveBoard').then((m) => m.LiveBoard),
  });
  const game = new Phaser.Game({
    type: Phaser.WEBGL,
    parent,
    width: WIDTH,
    height: HEIGHT,
    backgroundColor: COLOURS.night,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    dom: { createContainer: true },
    // No multisampled canvas: the drawings are flat shapes (text is in the DOM), and resolving MSAA
    // every frame is the biggest cost on machines without a GPU (software WebGL).
    render: { antialiasGL: false },
    // The browser handles keys for the DOM controls; Phaser capturing Space or the arrows would
    // stop them reaching the focused slider or button.
    input: { keyboard: false },
    banner: false,
    audio: { noAudio: true },
    scene: [Boot, Preloader, Title, ScenarioSelect, LiveWait],
  });
  // The canvas only draws what the DOM layer already says in words.
  game.events.once(Phaser.Core.Events.READY, () => game.canvas.setAttribute('aria-hidden', 'true'));
  // The game's own screens (briefing to debrief) as soon as Phaser runs: a chunk of their own,
  // which the title does not wait for.
  loadGameScenes(game, () => import('./game-scenes').then((m) => m.GAME_SCENES));
  const idle = sleepWhenIdle(game);
  // The flowing layout on small or upright screens; the loop wakes to place the DOM again.
  followLayoutMode(() => idle.wake());
  const bus = context.session.bus;
  // Subscribed before the director below: the cues follow the snapshot the scenes are drawing.
  startSound(bus, context.storage);
  bus.on('snapshot', () => {
    idle.wake();
    // After every listener (the scenes redraw on a snapshot), still within this task.
    queueMicrotask(() => BaseScene.layOutNow(game));
  });
  bus.on('started', (snapshot) => {
    idle.wake();
    BaseScene.showPhase(game, snapshot);
  });
  bus.on('phase', ({ snapshot }) => {
    idle.wake();
    BaseScene.showPhase(game, snapshot);
  });
  return game;
}
