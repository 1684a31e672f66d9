// Phaser drawings shared by the scenes: panels, meters, bar and line charts. They draw only
// what they are given — every value comes from the model through the snapshot.
import Phaser from 'phaser';
import { COLOURS } from '../theme';

/** Below every other game object of a scene: the panels, then the drawings repainted over them. */
const BACKDROP_DEPTH = -2;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * A scene's flat drawings — panels, meters, charts — as live Graphics beneath everything else,
 * over the renderer's clear colour (a clear, the cheapest full-screen fill there is). They
 * are not baked into a texture first: the game loop sleeps while the screen is still, so a
 * drawing costs only in the frames where something changed, and baking would add a full-screen
 * pass (and a texture to sample) to exactly those frames — the ones that open a scene or answer
 * a move, tens of milliseconds each in software WebGL. Draw into `g`; `addOver` a drawing the
 * scene repaints (clear and redraw it; the next frame shows it).
 */
export class Backdrop {
  readonly g: Phaser.GameObjects.Graphics;

  constructor(private readonly scene: Phaser.Scene) {
    this.g = scene.add.graphics().setDepth(BACKDROP_DEPTH);
  }

  /** A drawing painted over `g` and under every other object (a scene's changing meters). */
  addOver(drawing: Phaser.GameObjects.Graphics): void {
    this.scene.add.existing(drawing);
    drawing.setDepth(BACKDROP_DEPTH + 1);
  }
}

export function drawPanel(g: Phaser.GameObjects.Graphics, r: Rect, fill: number = COLOURS.panel, accent?: number): void {
  // The drop shadow is only the strips that show below and right of the panel: a whole offset
  // rectangle would be blended under the panel, doubling the fill of every frame that draws it.
  g.fillStyle(0x000000, 0.06);
  g.fillRect(r.x + 8, r.y + r.h, r.w - 6, 3);
  g.fillRect(r.x + r.w, r.y + 9, 2, r.h - 6);
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
