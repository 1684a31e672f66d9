// The game's one palette and its sizes. Every chart, meter, bar and accent that stands for
// something takes its colour from MEANING: one colour per meaning, and no two meanings share one,
// so a figure has the same colour on every screen (the quarter report, the final results, the
// debrief, planning). Marketing is blue, sales orange, joint work bluish green (Okabe–Ito, which
// stay distinct for every common kind of colour blindness); each scorecard figure has its own,
// and profit never borrows the sales colour. The page's CSS mirrors these (tests/app/palette.test.ts
// holds the two together).

/** The fixed design size: every scene lays out in it and Scale.FIT scales canvas and DOM together. */
export const WIDTH = 1280;
export const HEIGHT = 720;

/** One colour per meaning. */
export const MEANING = {
  /** The marketing side: its panels, its effort, its goodwill. */
  marketing: 0x0072b2,
  /** The sales side: its panels, its effort, its accounts' relationships. */
  sales: 0xe69f00,
  /** Joint work: joint effort, joint planning. */
  joint: 0x009e73,
  revenue: 0x56b4e9,
  profit: 0x332288,
  cash: 0x999999,
  customerEquity: 0xcc79a7,
  portfolioHealth: 0x999933,
  collaboration: 0x882255,
  /** A figure that went up, a product line in profit. */
  gain: 0x117733,
  /** A figure that went down, a product line at a loss. */
  loss: 0xd55e00,
  /** The scenario's par score. */
  par: 0x1d2430,
} as const;

export type Meaning = keyof typeof MEANING;

/** A palette colour as a CSS colour ("#0072b2"), for SVG charts and the page. */
export const css = (colour: number): string => `#${colour.toString(16).padStart(6, '0')}`;

/** The colour of each scorecard figure, by its key in the score card. */
export const FIGURE_COLOUR = {
  profit: MEANING.profit,
  revenue: MEANING.revenue,
  customerEquity: MEANING.customerEquity,
  portfolioHealth: MEANING.portfolioHealth,
  collaboration: MEANING.collaboration,
} as const;

export const COLOURS = {
  paper: 0xf4f1ea,
  panel: 0xffffff,
  ink: 0x1d2430,
  muted: 0x5a6474,
  line: 0xd9d4c7,
  marketing: MEANING.marketing,
  marketingTint: 0xe3f0f8,
  sales: MEANING.sales,
  salesTint: 0xfcefd6,
  /** Key accounts, a darker sales orange (not the loss colour). */
  salesDeep: 0x8f4a00,
  joint: MEANING.joint,
  jointTint: 0xdff2ec,
  gain: MEANING.gain,
  loss: MEANING.loss,
  /** The keyboard focus and the guided tour's highlight (the page's --focus). */
  focus: 0xcc79a7,
  night: 0x1d2b3a,
} as const;

export const FONT = '"Atkinson Hyperlegible", system-ui, sans-serif';

/** Short tweens: motion that explains a change, never one that makes a trainee wait. */
export const TWEEN_MS = 240;
export const COUNT_UP_MS = 900;
