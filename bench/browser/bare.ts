// The bare Phaser 4 page the browser bench compares the game with: one scene, one text.
import Phaser from 'phaser';

new Phaser.Game({
  type: Phaser.WEBGL,
  parent: 'game',
  width: 1280,
  height: 720,
  scene: {
    create(this: Phaser.Scene) {
      this.add.text(40, 40, 'Hello', { fontSize: '32px' });
    },
  },
});
