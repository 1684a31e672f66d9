// Phaser drawings shared by the scenes: panels, meters, bar and line charts. They draw only
// what they are given — every value comes from the model through the snapshot.
import Phaser from 'phaser';
import { COLOURS, HEIGHT, WIDTH } from '../theme';

let layers = 0;

/**
 * Drawings that change only now and then (panels, meters), drawn once into a GPU texture and
 * shown as one image. WebGL Graphics are re-tessellated every frame, which costs most of the
 * frame on a laptop without a GPU; an image costs one quad. Draw into `g`, then `commit()`.
 */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export class BakedLayer {
  readonly g: Phaser.GameObjects.Graphics;
  /** More drawings painted over `g` at every commit (a scene's changing meters). */
  readonly extras: Phaser.GameObjects.Graphics[] = [];
  readonly image: Phaser.GameObjects.Image;
  private readonly texture: Phaser.Textures.DynamicTexture;

  constructor(private readonly scene: Phaser.Scene) {
    const key = `baked-layer-${++layers}`;
    this.texture = scene.textures.addDynamicTexture(key, WIDTH, HEIGHT)!;
    this.image = scene.add.image(0, 0, key).setOrigin(0, 0);
    this.g = scene.make.graphics({}, false);
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.destroy());
  }

  commit(): void {
    this.texture.clear();
    this.texture.draw(this.g);
    for (const extra of this.extras) this.texture.draw(extra);
    this.texture.render();
  }

  private destroy(): void {
    for (const extra of this.extras.splice(0)) extra.destroy();
    this.g.destroy();
    this.image.destroy();
    this.scene.textures.remove(this.texture);
  }
}

export function drawPanel(g: Phaser.GameObjects.Graphics, r: Rect, fill: number = COLOURS.panel, accent?: number): void {
  g.fillStyle(0x000000, 0.06);
  g.fillRoundedRect(r.x + 2, r.y + 3, r.w, r.h, 12);
  g.fillStyle(fill, 1);
  g.fillRoundedRect(r.x, r.y, r.w, r.h, 12);
  if (accent !== undefined) {
    // A 6-pixel band following the panel's 12-pixel corners: a rounded rectangle 6 high with
    // 12-pixel corners would cross itself (and draw a notch), so the band is the top 12 pixels
    // with the lower half painted back in the panel's colour, along the corners' curve.
    g.fillStyle(accent, 1);
    g.fillRoundedRect(r.x, r.y, r.w, 12, { tl: 12, tr: 12, bl: 0, br: 0 });
    const left: Phaser.Math.Vector2[] = [];
    const right: Phaser.Math.Vector2[] = [];
    for (let dy = 6; dy <= 12; dy += 1) {
      const inset = 12 - Math.sqrt(144 - (12 - dy) * (12 - dy));
      left.push(new Phaser.Math.Vector2(r.x + inset, r.y + dy));
      right.unshift(new Phaser.Math.Vector2(r.x + r.w - inset, r.y + dy));
    }
    g.fillStyle(fill, 1);
    g.fillPoints([...left, ...right], true);
  }
}

/** A horizontal meter for a ratio in [0, 1]. */
export function drawMeter(g: Phaser.GameObjects.Graphics, r: Rect, ratio: number, colour: number): void {
  const value = Math.max(0, Math.min(1, ratio));
  g.fillStyle(COLOURS.line, 1);
  g.fillRoundedRect(r.x, r.y, r.w, r.h, r.h / 2);
  if (value > 0) {
    g.fillStyle(colour, 1);
    g.fillRoundedRect(r.x, r.y, Math.max(r.h, r.w * value), r.h, r.h / 2);
  }
}

export interface Series {
  values: number[];
  colour: number;
}

/** Line chart of several series over quarters, sharing one scale with a zero line. */
export function drawLineChart(g: Phaser.GameObjects.Graphics, r: Rect, series: Series[], slots: number): void {
  const all = series.flatMap((s) => s.values);
  const max = Math.max(1, ...all);
  const min = Math.min(0, ...all);
  const y = (v: number) => r.y + r.h - ((v - min) / (max - min)) * r.h;
  const x = (i: number) => r.x + (slots <= 1 ? r.w / 2 : (i / (slots - 1)) * r.w);
  g.lineStyle(1, COLOURS.line, 1);
  g.strokeRect(r.x, r.y, r.w, r.h);
  g.lineStyle(1, COLOURS.muted, 0.8);
  g.lineBetween(r.x, y(0), r.x + r.w, y(0));
  for (const s of series) {
    g.lineStyle(3, s.colour, 1);
    g.fillStyle(s.colour, 1);
    for (let i = 0; i < s.values.length; i++) {
      if (i > 0) g.lineBetween(x(i - 1), y(s.values[i - 1]!), x(i), y(s.values[i]!));
      g.fillCircle(x(i), y(s.values[i]!), 4);
    }
  }
}

/** Bars for signed values around a zero line (profit per product line). `progress` grows them in. */
export function drawSignedBars(g: Phaser.GameObjects.Graphics, r: Rect, values: number[], progress = 1): void {
  const extent = Math.max(1, ...values.map((v) => Math.abs(v)));
  const hasNegative = values.some((v) => v < 0);
  const zero = hasNegative ? r.y + r.h / 2 : r.y + r.h;
  const scale = (hasNegative ? r.h / 2 : r.h) / extent;
  const slot = r.w / Math.max(1, values.length);
  g.lineStyle(1, COLOURS.muted, 0.8);
  g.lineBetween(r.x, zero, r.x + r.w, zero);
  values.forEach((v, i) => {
    const height = Math.abs(v) * scale * progress;
    g.fillStyle(v >= 0 ? COLOURS.gain : COLOURS.loss, 1);
    const bx = r.x + i * slot + slot * 0.2;
    g.fillRect(bx, v >= 0 ? zero - height : zero, slot * 0.6, height);
  });
}
