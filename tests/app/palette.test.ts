// One meaning per colour (issue 18): the palette is written once (scenes/theme.ts MEANING), every
// meaning has its own colour and no two share one, profit never takes the sales colour, the page's
// CSS and the SVG charts carry the same colours, and the scenes colour charts from the palette,
// never from a colour of their own.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLOURS, FIGURE_COLOUR, MEANING, css } from '../../scenes/theme';
import { CHART_COLOURS, textColour } from '../../scenes/ui/svg-chart';
import { SCORE_COMPONENTS } from '../../src/sim/score';

const root = join(import.meta.dirname, '../..');
const rgb = (c: number) => [(c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff];
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

describe('the palette: one colour per meaning', () => {
  const meanings = Object.keys(MEANING) as (keyof typeof MEANING)[];

  it('names every meaning the game colours', () => {
    expect(meanings.sort()).toEqual(['cash', 'collaboration', 'customerEquity', 'gain', 'joint', 'loss', 'marketing', 'par', 'portfolioHealth', 'profit', 'revenue', 'sales'].sort());
  });

  it('gives no two meanings the same colour, nor two colours hard to tell apart', () => {
    expect(new Set(Object.values(MEANING)).size).toBe(meanings.length);
    for (const a of meanings) {
      for (const b of meanings) {
        if (a >= b) continue;
        const [x, y] = [rgb(MEANING[a]), rgb(MEANING[b])];
        const distance = Math.hypot(x[0]! - y[0]!, x[1]! - y[1]!, x[2]! - y[2]!);
        expect(distance, `${a} and ${b} are too alike`).toBeGreaterThanOrEqual(60);
      }
    }
  });

  it('colours profit apart from the sales side, and key accounts apart from losses', () => {
    expect(MEANING.profit).not.toBe(MEANING.sales);
    expect(COLOURS.salesDeep).not.toBe(MEANING.loss);
    expect(COLOURS.marketing).toBe(MEANING.marketing);
    expect(COLOURS.sales).toBe(MEANING.sales);
    expect(COLOURS.joint).toBe(MEANING.joint);
  });

  it('gives each scorecard figure its meaning’s colour', () => {
    expect(Object.keys(FIGURE_COLOUR).sort()).toEqual(SCORE_COMPONENTS.map((c) => c.key).sort());
    for (const [figure, colour] of Object.entries(FIGURE_COLOUR)) expect(colour).toBe(MEANING[figure as keyof typeof MEANING]);
  });

  it('is the same in the SVG charts and in the page’s CSS', () => {
    for (const m of meanings) expect(CHART_COLOURS[m], m).toBe(css(MEANING[m]));
    const style = readFileSync(join(root, 'scenes/ui/style.css'), 'utf8');
    const vars = new Map([...style.matchAll(/--colour-([a-z-]+):\s*(#[0-9a-f]{6});/g)].map((m) => [m[1]!, m[2]!]));
    expect([...vars.keys()].sort()).toEqual(meanings.map(kebab).sort());
    for (const m of meanings) expect(vars.get(kebab(m)), m).toBe(css(MEANING[m]));
  });

  it('darkens a light colour for text in a chart until it reads on white', () => {
    const contrast = (hex: string) => {
      const lin = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 1.05 / (0.2126 * lin[0]! + 0.7152 * lin[1]! + 0.0722 * lin[2]! + 0.05);
    };
    for (const m of meanings) expect(contrast(textColour(css(MEANING[m]))), m).toBeGreaterThanOrEqual(4.5);
    expect(textColour(css(MEANING.marketing))).toBe(css(MEANING.marketing));
  });

  it('is the only place a scene writes a colour', () => {
    // A scene or widget may fill with white or black (a shadow, a QR code), never a colour of its own.
    const allowed = new Set(['0xffffff', '0x000000', "'#fff'", "'#000'"]);
    const files = [...readdirSync(join(root, 'scenes')).map((f) => `scenes/${f}`), ...readdirSync(join(root, 'scenes/ui')).map((f) => `scenes/ui/${f}`)].filter((f) => f.endsWith('.ts') && f !== 'scenes/theme.ts');
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const m of text.matchAll(/0x[0-9a-fA-F]{6}\b|'#[0-9a-fA-F]{3,8}'/g)) if (!allowed.has(m[0].toLowerCase())) found.push(`${file}: ${m[0]}`);
    }
    expect(found).toEqual([]);
  });
});
