// The scoreboard's two scenes, in a chunk of their own: scenes/board.ts loads it when a board is
// first opened and registers them with the game.
import type Phaser from 'phaser';
import { SCENES } from './keys';
import { Projector } from './Projector';
import { Scoreboard } from './Scoreboard';

export function registerBoardScenes(game: Phaser.Game): void {
  game.scene.add(SCENES.scoreboard, Scoreboard, false);
  game.scene.add(SCENES.projector, Projector, false);
}
