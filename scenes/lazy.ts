// Scenes that load the first time they are opened, not with the page every trainee loads to
// start: the workshop's screens (set-up, joining a heat, the hot-seat hand-over) and the live
// board. Each is a chunk of its own; once loaded it is registered with the game and opened
// directly. (A trainee's whole game, debrief included, loads nothing after the start, so a game
// goes on when the server that served it is gone.) The loaders are handed in by the game's boot
// (scenes/game.ts), so the scenes that open these import no scene through this file.
import type Phaser from 'phaser';
import { SCENES } from './keys';
import { announce } from './ui/dom';

export type SceneClass = new () => Phaser.Scene;
export type LazyScene = typeof SCENES.workshop | typeof SCENES.join | typeof SCENES.handOver | typeof SCENES.liveBoard;

let loaders: Record<LazyScene, () => Promise<SceneClass>> | null = null;

export function setLazyScenes(value: Record<LazyScene, () => Promise<SceneClass>>): void {
  loaders = value;
}

export function openLazy(from: Phaser.Scene, key: LazyScene, data: object = {}): void {
  const game = from.game;
  if (loaders === null) throw new Error('The lazily loaded scenes were not set up when the game booted.');
  void loaders[key]().then(
    (scene) => {
      if (!game.scene.getScene(key)) game.scene.add(key, scene, false);
      // The screen may have been left while the code loaded.
      if (!from.sys.isActive()) return;
      from.scene.start(key, data);
      if (!game.loop.running) game.loop.wake(true);
    },
    () => announce('This screen could not be loaded: is the game’s server still running? Reload the page and try again.'),
  );
}
