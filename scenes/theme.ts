// The game's one palette and its sizes. Okabe–Ito colours, which stay distinct for every
// common kind of colour blindness: blue is marketing, orange is sales, bluish green is joint
// work and gains, vermilion is losses. Used by Phaser drawings and mirrored in the page's CSS.

/** The fixed design size: every scene lays out in it and Scale.FIT scales canvas and DOM together. */
export const WIDTH = 1280;
export const HEIGHT = 720;

export const COLOURS = {
  paper: 0xf4f1ea,
  panel: 0xffffff,
  ink: 0x1d2430,
  muted: 0x5a6474,
  line: 0xd9d4c7,
  marketing: 0x0072b2,
  marketingTint: 0xe3f0f8,
  sky: 0x56b4e9,
  sales: 0xe69f00,
  salesTint: 0xfcefd6,
  salesDeep: 0xd55e00,
  joint: 0x009e73,
  jointTint: 0xdff2ec,
  gain: 0x009e73,
  loss: 0xd55e00,
  purple: 0xcc79a7,
  night: 0x1d2b3a,
} as const;

export const FONT = '"Atkinson Hyperlegible", system-ui, sans-serif';

/** Short tweens: motion that explains a change, never one that makes a trainee wait. */
export const TWEEN_MS = 240;
export const COUNT_UP_MS = 900;
