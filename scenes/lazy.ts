// Scenes that load the first time they are opened, not with the page every trainee loads to
// start: the workshop's screens (set-up, joining a heat, the hot-seat hand-over) and the live
// board; and the game's own scenes, fetched as soon as the page is up (loadGameScenes). Each is a chunk of its own; once loaded it is registered with the game and opened
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

/** The game's own scenes (scenes/game-scenes.ts) while their chunk is on its way; null once registered or before the boot asks. */
let gameScenesLoading: Promise<void> | null = null;

/** Fetches the game's own scenes and registers them with `game`; a scene shown meanwhile waits for them (whenSceneLoads). */
export function loadGameScenes(game: Phaser.Game, load: () => Promise<Readonly<Record<string, SceneClass>>>): void {
  gameScenesLoading = load().then(
    (scenes) => {
      for (const [key, scene] of Object.entries(scenes)) if (!game.scene.getScene(key)) game.scene.add(key, scene, false);
      gameScenesLoading = null;
    },
    () => {
      gameScenesLoading = null;
      announce('The game’s screens could not be loaded: is the game’s server still running? Reload the page and try again.');
    },
  );
}

/** Resolves once the game's own scenes are registered, or null when nothing is loading (every scene there is can be shown now). */
export function whenSceneLoads(): Promise<void> | null {
  return gameScenesLoading;
}
