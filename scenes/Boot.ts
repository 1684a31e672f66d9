// The first scene: sets what the preloader needs (nothing to fetch yet) and hands over at once.
import { BaseScene } from './base';
import { SCENES } from './keys';
import { COLOURS } from './theme';

export class Boot extends BaseScene {
  constructor() {
    super(SCENES.boot);
  }

  create(): void {
    this.begin(COLOURS.night);
    this.scene.start(SCENES.preloader);
  }
}
