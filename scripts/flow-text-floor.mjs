// Writes the flowing layout's text floor into scenes/ui/flow.css: for every rule of
// scenes/ui/style.css that sets a font size under 14 px, a rule that raises it to 14 px in the
// flowing layout, between the two marker comments. Run after changing a font size in style.css
// (`node scripts/flow-text-floor.mjs`); tests/app/flow-css.test.ts fails when it is due.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const MIN_PX = 14;
export const BEGIN = '/* ----- Text floor (written by scripts/flow-text-floor.mjs from style.css: do not edit by hand) */';
export const END = '/* ----- End of the text floor */';

/** The selectors of `css` whose rule sets a font size below MIN_PX, in order, once each. */
export function smallTextSelectors(css) {
  const plain = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const found = [];
  for (const [, selectors, body] of plain.matchAll(/([^{}@]+)\{([^{}]*)\}/g)) {
    const size = /font-size:\s*(\d+(?:\.\d+)?)px/.exec(body);
    if (!size || Number(size[1]) >= MIN_PX) continue;
    for (const selector of selectors.split(',').map((s) => s.trim())) if (selector && !selector.includes('::') && !found.includes(selector)) found.push(selector);
  }
  return found;
}

export function floorBlock(css) {
  return [BEGIN, ...smallTextSelectors(css).map((s) => `html[data-layout='flow'] ${s} { font-size: ${MIN_PX}px !important; }`), END].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = new URL('../scenes/ui/', import.meta.url);
  const style = readFileSync(new URL('style.css', root), 'utf8');
  const flowPath = new URL('flow.css', root);
  const flow = readFileSync(flowPath, 'utf8');
  const at = flow.indexOf(BEGIN);
  const end = flow.indexOf(END);
  const next = at < 0 ? `${flow.trimEnd()}\n\n${floorBlock(style)}\n` : `${flow.slice(0, at)}${floorBlock(style)}${flow.slice(end + END.length)}`;
  writeFileSync(flowPath, next);
}
