// Which layout the page uses: the fixed design (WIDTH × HEIGHT, scaled to fit the window) where
// it fits well enough to read, or the flowing one (scenes/ui/flow.css) where it would not: a
// phone, upright or on its side, an upright tablet, a 4:3 screen. In the flowing layout the DOM
// layer is laid out by the browser in one scrolling column at its own CSS pixels (text and touch
// targets at full size), the canvas is hidden and its drawings' figures are in the words. A
// touch screen (a coarse pointer) always flows: the fixed design's steppers are made for a mouse.
import { HEIGHT, WIDTH } from './theme';

export type LayoutMode = 'fixed' | 'flow';

/** Below this scale the fixed design's smallest text and targets are too small to read or hit. */
const MIN_FIXED_SCALE = 0.8;
/** Narrower than the design and squarer than this: letterboxing would waste a third of the height. */
const MIN_FIXED_ASPECT = 1.5;

export function layoutModeFor(width: number, height: number, touch = false): LayoutMode {
  if (touch) return 'flow';
  const scale = Math.min(width / WIDTH, height / HEIGHT);
  if (scale < MIN_FIXED_SCALE) return 'flow';
  if (width < WIDTH && width / height < MIN_FIXED_ASPECT) return 'flow';
  return 'fixed';
}

/** The flowing layout's smallest text, in CSS pixels. */
export const FLOW_MIN_TEXT_PX = 14;

/**
 * Raises, in the flowing layout, every rule of the page's own style sheets that sets a smaller
 * font size to FLOW_MIN_TEXT_PX: one rule made from all of them, so a small label added to the
 * fixed design later is covered too (the layouts' browser test measures the result).
 */
export function installFlowTextFloor(): void {
  const small: string[] = [];
  for (const sheet of document.styleSheets) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // another origin's sheet: none of ours
    }
    for (const rule of rules) {
      if (!(rule instanceof CSSStyleRule)) continue;
      const size = rule.style.fontSize;
      if (!size.endsWith('px') || parseFloat(size) >= FLOW_MIN_TEXT_PX) continue;
      if (rule.selectorText.includes('data-layout')) continue;
      for (const selector of rule.selectorText.split(',')) if (!selector.includes('::')) small.push(selector.trim());
    }
  }
  if (small.length === 0) return;
  const style = document.createElement('style');
  style.dataset.flowTextFloor = '';
  style.textContent = `html[data-layout='flow'] :is(${[...new Set(small)].join(', ')}) { font-size: ${FLOW_MIN_TEXT_PX}px !important; }`;
  document.head.append(style);
}

/** Sets the page's layout now and whenever the window changes size; `changed` runs after a change. */
export function followLayoutMode(changed: (mode: LayoutMode) => void): void {
  const root = document.documentElement;
  const coarse = window.matchMedia('(pointer: coarse)');
  const apply = () => {
    const mode = layoutModeFor(window.innerWidth, window.innerHeight, coarse.matches);
    if (root.dataset.layout === mode) return;
    root.dataset.layout = mode;
    changed(mode);
  };
  apply();
  window.addEventListener('resize', apply);
  coarse.addEventListener('change', apply);
}
