// Small charts drawn as inline SVG in the DOM (not on the canvas): they scale with the page,
// print crisply (the debrief's print-to-PDF), and carry a text alternative for screen readers.
// Colours are the palette's (theme.ts MEANING), written as CSS colours.
import { COLOURS, MEANING, css } from '../theme';

const SVG = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

/** The palette's meanings as CSS colours, and the chart's own greys. */
export const CHART_COLOURS = {
  ...(Object.fromEntries(Object.entries(MEANING).map(([meaning, colour]) => [meaning, css(colour)])) as { [K in keyof typeof MEANING]: string }),
  ink: css(COLOURS.ink),
  muted: css(COLOURS.muted),
  grid: css(COLOURS.line),
};

const luminance = (rgb: number[]): number => {
  const [r, g, b] = rgb.map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};

/**
 * Text in a series' colour stays readable on white: a light colour (the sales orange, the revenue
 * sky) is darkened, keeping its hue, until it has a 4.5:1 contrast.
 */
export function textColour(colour: string): string {
  let rgb = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
  while (1.05 / (luminance(rgb) + 0.05) < 4.5) rgb = rgb.map((c) => Math.floor(c * 0.92));
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

function legendEntry(x: number, name: string, colour: string): SVGTextElement {
  const legend = el('text', { x, y: 16, 'text-anchor': 'end', 'font-size': 12, fill: textColour(colour), 'font-weight': 700 });
  legend.textContent = name;
  return legend;
}

export interface ChartSeries {
  name: string;
  colour: string;
  values: number[];
  /** A second run drawn over the first (the debrief's what-if): dashed and lighter, named by the chart's dashedNote. */
  dashed?: boolean;
  /** The first slot the series has its own value in (a run that departs from the first there); 0 when unset. */
  from?: number;
}

/** The slots a series draws: all of them, or from where it departs (a line starts at the slot before, where it branches off). */
function drawnSlots(s: ChartSeries, line: boolean): number[] {
  const first = Math.max(0, (s.from ?? 0) - (line ? 1 : 0));
  return s.values.map((_, i) => i).filter((i) => i >= first);
}

export interface ChartOptions {
  title: string;
  /** One label per slot (e.g. "Q1"). */
  labels: string[];
  /** Marks a slot (the dispute's quarter) with a dashed line and a label. */
  marker?: { index: number; label: string } | null;
  format: (value: number) => string;
  /** Says what the dashed series are, on a legend row of its own under the title. */
  dashedNote?: string | null;
  width?: number;
  height?: number;
}

const PAD = { left: 64, right: 12, top: 28, bottom: 34 };

/** Room under the title for the dashed series' legend row. */
const NOTE_BAND = 18;

/** The dash pattern of a dashed series and of its legend's sample. */
const DASHES = '6 4';

/** Room above the plot for the marker's label, so no bar or line can run through it. */
const MARKER_BAND = 16;

function frame(options: ChartOptions, min: number, max: number, description: string) {
  const width = options.width ?? 380;
  const height = options.height ?? 200;
  const marker = options.marker && options.marker.index >= 0 && options.marker.index < options.labels.length ? options.marker : null;
  const note = options.dashedNote ?? null;
  const top = PAD.top + (marker ? MARKER_BAND : 0) + (note ? NOTE_BAND : 0);
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': `${options.title}. ${description}` });
  svg.classList.add('chart');
  const title = el('text', { x: 0, y: 16, 'font-size': 14, 'font-weight': 700, fill: CHART_COLOURS.ink });
  title.textContent = options.title;
  svg.append(title);
  if (note) {
    // A dashed sample, then the words: the row sits between the title and the marker's band.
    svg.append(el('line', { x1: 0, x2: 22, y1: 29, y2: 29, stroke: CHART_COLOURS.ink, 'stroke-width': 2, 'stroke-dasharray': DASHES }));
    const t = el('text', { x: 28, y: 33, 'font-size': 12, fill: CHART_COLOURS.ink });
    t.classList.add('dashed-note');
    t.textContent = note;
    svg.append(t);
  }
  const plot = { x: PAD.left, y: top, w: width - PAD.left - PAD.right, h: height - top - PAD.bottom };
  const span = max - min || 1;
  const y = (v: number) => plot.y + plot.h - ((v - min) / span) * plot.h;
  const slot = plot.w / Math.max(1, options.labels.length);
  const x = (i: number) => plot.x + slot * (i + 0.5);
  for (const v of [min, min + span / 2, max]) {
    svg.append(el('line', { x1: plot.x, x2: plot.x + plot.w, y1: y(v), y2: y(v), stroke: CHART_COLOURS.grid, 'stroke-width': 1 }));
    const tick = el('text', { x: plot.x - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 11, fill: CHART_COLOURS.muted });
    tick.textContent = options.format(v);
    svg.append(tick);
  }
  if (min < 0 && max > 0) svg.append(el('line', { x1: plot.x, x2: plot.x + plot.w, y1: y(0), y2: y(0), stroke: CHART_COLOURS.muted, 'stroke-width': 1 }));
  options.labels.forEach((label, i) => {
    const t = el('text', { x: x(i), y: plot.y + plot.h + 16, 'text-anchor': 'middle', 'font-size': 11, fill: CHART_COLOURS.muted });
    t.textContent = label;
    svg.append(t);
  });
  /**
   * Draws the marker last, over the series: its dashed line runs from the band above the plot to
   * the axis, its label sits in that band (beside the line, on whichever side has more room).
   */
  const finish = (): SVGSVGElement => {
    if (!marker) return svg;
    const mx = x(marker.index) - slot / 2;
    svg.append(el('line', { x1: mx, x2: mx, y1: plot.y - MARKER_BAND, y2: plot.y + plot.h, stroke: CHART_COLOURS.muted, 'stroke-width': 2, 'stroke-dasharray': '5 4' }));
    const leftward = mx > plot.x + plot.w / 2;
    const t = el('text', { x: leftward ? mx - 4 : mx + 4, y: plot.y - 5, 'text-anchor': leftward ? 'end' : 'start', 'font-size': 11, fill: CHART_COLOURS.ink });
    t.classList.add('marker-label');
    t.textContent = marker.label;
    svg.append(t);
    return svg;
  };
  return { svg, plot, x, y, slot, finish };
}

function bounds(values: number[]): [number, number] {
  let min = Math.min(0, ...values);
  let max = Math.max(0, ...values);
  if (min === max) max = min + 1;
  return [min, max];
}

/** Lines, one per series, with a legend beside the title (the dashed series' on a row of its own). */
export function lineChart(options: ChartOptions, series: ChartSeries[]): SVGSVGElement {
  const [min, max] = bounds(series.flatMap((s) => s.values));
  const description = series.map((s) => `${s.name}: ${drawnSlots(s, true).map((i) => `${options.labels[i]} ${options.format(s.values[i]!)}`).join(', ')}`).join('. ');
  const { svg, x, y, finish } = frame(options, min, max, description);
  // The solid series first, so a dashed run is drawn over the line it departs from.
  const ordered = [...series.filter((s) => !s.dashed), ...series.filter((s) => s.dashed)];
  let legends = 0;
  for (const s of ordered) {
    const points = drawnSlots(s, true).map((i) => `${x(i).toFixed(1)},${y(s.values[i]!).toFixed(1)}`).join(' ');
    const line = el('polyline', { points, fill: 'none', stroke: s.colour, 'stroke-width': s.dashed ? 2 : 2.5, ...(s.dashed ? { 'stroke-dasharray': DASHES, 'stroke-opacity': 0.8 } : {}) });
    if (s.dashed) line.classList.add('dashed-series');
    svg.append(line);
    if (!s.dashed) s.values.forEach((v, i) => svg.append(el('circle', { cx: x(i), cy: y(v), r: 2.5, fill: s.colour })));
    if (!s.dashed || !options.dashedNote) svg.append(legendEntry((options.width ?? 380) - PAD.right - legends++ * 120, s.name, s.colour));
  }
  return finish();
}

/**
 * Stacked bars: each slot's parts (e.g. marketing, sales, joint effort) on top of each other. A
 * dashed series is a second run's total, drawn as a dashed outline around the slot's bar.
 */
export function stackedBars(options: ChartOptions, series: ChartSeries[]): SVGSVGElement {
  const parts = series.filter((s) => !s.dashed);
  const outlines = series.filter((s) => s.dashed);
  const totals = options.labels.map((_, i) => parts.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const [min, max] = bounds([...totals, ...outlines.flatMap((s) => s.values)]);
  const description = [
    options.labels.map((label, i) => `${label}: ${parts.map((s) => `${s.name} ${options.format(s.values[i] ?? 0)}`).join(', ')}`).join('. '),
    ...outlines.map((s) => `${s.name}: ${drawnSlots(s, false).map((i) => `${options.labels[i]} ${options.format(s.values[i]!)}`).join(', ')}`),
  ].join('. ');
  const { svg, x, y, slot, finish } = frame(options, min, max, description);
  options.labels.forEach((_, i) => {
    let base = 0;
    for (const s of parts) {
      const v = s.values[i] ?? 0;
      if (v <= 0) continue;
      svg.append(el('rect', { x: x(i) - slot * 0.32, y: y(base + v), width: slot * 0.64, height: Math.max(0, y(base) - y(base + v)), fill: s.colour }));
      base += v;
    }
    for (const s of outlines) {
      const v = s.values[i] ?? 0;
      if (v <= 0 || i < (s.from ?? 0)) continue;
      const outline = el('rect', { x: x(i) - slot * 0.4, y: y(v), width: slot * 0.8, height: Math.max(0, y(0) - y(v)), fill: 'none', stroke: s.colour, 'stroke-width': 1.5, 'stroke-dasharray': '4 3' });
      outline.classList.add('dashed-series');
      svg.append(outline);
    }
  });
  let legends = 0;
  for (const s of series) if (!s.dashed || !options.dashedNote) svg.append(legendEntry((options.width ?? 380) - PAD.right - legends++ * 80, s.name, s.colour));
  return finish();
}
