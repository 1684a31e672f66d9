// Loads the game's art (the SVGs under assets/, bundled into the page itself)
// and the shipped font, showing a progress bar, then opens the title.
import Phaser from 'phaser';
import accountSvg from '../assets/account.svg?raw';
import cupSvg from '../assets/cup.svg?raw';
import handshakeSvg from '../assets/handshake.svg?raw';
import jointSvg from '../assets/joint.svg?raw';
import megaphoneSvg from '../assets/megaphone.svg?raw';
import productSvg from '../assets/product.svg?raw';
import { BaseScene } from './base';
import { SCENES } from './keys';
import { COLOURS, HEIGHT, WIDTH } from './theme';
import { h } from './ui/dom';

/**
 * The SVGs travel inside the bundle as text and reach Phaser's loader as base64 data URLs: no
 * request at all, and Phaser's loader decodes only base64 data URLs (Vite's inline form is not).
 */
function svgData(svg: string): string {
  return `data:image/svg+xml;base64,${btoa(svg)}`;
}

export const ICONS = {
  marketing: 'icon-marketing',
  sales: 'icon-sales',
  joint: 'icon-joint',
  product: 'icon-product',
  account: 'icon-account',
  cup: 'art-cup',
} as const;

export class Preloader extends BaseScene {
  constructor() {
    super(SCENES.preloader);
  }

  private fonts: Promise<unknown> = Promise.resolve();

  preload(): void {
    this.begin(COLOURS.night);
    // The DOM text uses the shipped font; fetched alongside the art, waited for before the title.
    this.fonts = document.fonts
      ? Promise.all([document.fonts.load('400 16px "Atkinson Hyperlegible"'), document.fonts.load('700 16px "Atkinson Hyperlegible"')])
      : Promise.resolve();
    const bar = { x: WIDTH / 2 - 240, y: HEIGHT / 2, w: 480, h: 16 };
    const g = this.add.graphics();
    const label = h('p', { class: 'loading', text: 'Loading Marketing & Sales…', attrs: { role: 'status' } });
    this.place(bar.x, bar.y - 56, bar.w, 40, label);
    const draw = (progress: number) => {
      g.clear();
      g.fillStyle(0xffffff, 0.15);
      g.fillRoundedRect(bar.x, bar.y, bar.w, bar.h, 8);
      g.fillStyle(COLOURS.marketing, 1);
      g.fillRoundedRect(bar.x, bar.y, Math.max(bar.h, bar.w * progress * 0.5), bar.h, 8);
      if (progress > 0.5) {
        g.fillStyle(COLOURS.sales, 1);
        g.fillRoundedRect(bar.x + bar.w * 0.5 - 8, bar.y, Math.max(bar.h, bar.w * (progress - 0.5)) + 8, bar.h, 8);
      }
    };
    draw(0);
    this.load.on(Phaser.Loader.Events.PROGRESS, draw);
    const size = { width: 64, height: 64 };
    this.load.svg(ICONS.marketing, svgData(megaphoneSvg), size);
    this.load.svg(ICONS.sales, svgData(handshakeSvg), size);
    this.load.svg(ICONS.joint, svgData(jointSvg), size);
    this.load.svg(ICONS.product, svgData(productSvg), size);
    this.load.svg(ICONS.account, svgData(accountSvg), size);
    this.load.svg(ICONS.cup, svgData(cupSvg), { width: 160, height: 160 });
  }

  create(): void {
    // Waiting for the font avoids a flash of the fallback face on the title.
    void this.fonts.catch(() => undefined).then(() => this.scene.start(SCENES.title));
  }
}
