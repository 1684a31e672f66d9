// The flowing layout's text floor is up to date: every rule of style.css with a font size under
// 14 px has its rule in flow.css raising it to 14 px (scripts/flow-text-floor.mjs writes them).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script, without type declarations
import { BEGIN, END, floorBlock, smallTextSelectors } from '../../scripts/flow-text-floor.mjs';

const style = readFileSync(new URL('../../scenes/ui/style.css', import.meta.url), 'utf8');
const flow = readFileSync(new URL('../../scenes/ui/flow.css', import.meta.url), 'utf8');

describe('the flowing layout text floor', () => {
  it('finds the small text of a style sheet, each selector once, and leaves the rest', () => {
    const css = '.a, .b > span { font-size: 12px; } .c { font-size: 14px; } /* .d { font-size: 9px } */ .a { font-size: 11px; color: red; } .e::before { font-size: 10px; }';
    expect(smallTextSelectors(css)).toEqual(['.a', '.b > span']);
  });

  it('flow.css holds the floor of style.css as it is now (run node scripts/flow-text-floor.mjs when this fails)', () => {
    const at = flow.indexOf(BEGIN);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(flow.slice(at, flow.indexOf(END) + END.length)).toBe(floorBlock(style));
    expect(smallTextSelectors(style).length).toBeGreaterThan(10);
  });
});
