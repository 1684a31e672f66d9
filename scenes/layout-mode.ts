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
