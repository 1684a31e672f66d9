// Opens the scoreboard (the instructor's board or the projector view). Its scenes load the first
// time one is opened, like the QR reader and the exports: a workshop's tools, not part of what
// every trainee's page loads to start. Once loaded, they open each other directly.
import type Phaser from 'phaser';
import { SCENES } from './keys';
import type { ProjectorData } from './Projector';
import { announce } from './ui/dom';

let registered = false;

export function openBoard(from: Phaser.Scene, key: typeof SCENES.scoreboard): void;
export function openBoard(from: Phaser.Scene, key: typeof SCENES.projector, data: ProjectorData): void;
export function openBoard(from: Phaser.Scene, key: typeof SCENES.scoreboard | typeof SCENES.projector, data: object = {}): void {
  const game = from.game;
  void import('./board-scenes').then(
    ({ registerBoardScenes }) => {
      if (!registered) registerBoardScenes(game);
      registered = true;
      // The screen may have been left while the code loaded.
      if (!from.sys.isActive()) return;
      from.scene.start(key, data);
      // The loop may be asleep after the wait.
      if (!game.loop.running) game.loop.wake(true);
    },
    () => announce('The scoreboard could not be loaded: is the game’s server still running? Reload the page and try again.'),
  );
}
