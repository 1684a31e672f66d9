// A guided tour over a screen: one step at a time, everything but the part explained dimmed and
// that part framed, a small dialog beside it (Next, Skip, Escape). The screen behind is inert
// until the tour ends; `onFinish` runs once however it ends.
import type Phaser from 'phaser';
import { COLOURS, HEIGHT, WIDTH } from '../theme';
import { button, focusSoon, h, place } from './dom';
import type { Rect } from './draw';

export interface TourStep {
  rect: Rect;
  /** Which of the screen's panels stays lit. */
  panel: number;
  title: string;
  text: string;
}

const DIALOG_W = 360;
const DIALOG_H = 210;

/**
 * Runs the tour. `panels` are the screen's parts (dimmed but the step's own, and inert during the
 * tour); `counter` says where the tour is ("Guided first quarter: 2 of 8"); `lastLabel` is the
 * last step's button.
 */
export function startTour(
  scene: Phaser.Scene,
  steps: readonly TourStep[],
  panels: readonly HTMLElement[],
  words: { counter: (step: number, of: number) => string; lastLabel: string },
  onFinish: () => void,
): void {
  const frame = scene.add.graphics().setDepth(5);
  let index = 0;
  const title = h('h2', { attrs: { id: 'tour-title' } });
  const text = h('p');
  const counter = h('p', { class: 'meta' });
  const next = button('Next', () => show(index + 1), 'primary');
  const skip = button('Skip the tour', () => finish(), 'ghost');
  const panel = h('div', { class: 'dialog tour', attrs: { role: 'dialog', 'aria-labelledby': 'tour-title' } }, [counter, title, text, h('div', { class: 'dialog-actions' }, [skip, next])]);
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') finish();
  });
  const dialog = place(scene, 0, 0, DIALOG_W, DIALOG_H, panel).setDepth(10);
  for (const p of panels) p.inert = true;
  const finish = () => {
    frame.destroy();
    dialog.destroy();
    for (const p of panels) {
      p.classList.remove('tour-dim');
      p.inert = false;
    }
    onFinish();
  };
  const show = (i: number) => {
    if (i >= steps.length) return finish();
    index = i;
    const step = steps[i]!;
    panels.forEach((p, n) => p.classList.toggle('tour-dim', n !== step.panel));
    frame.clear();
    frame.fillStyle(COLOURS.ink, 0.35);
    // Dim everything but the part explained.
    frame.fillRect(0, 0, WIDTH, step.rect.y);
    frame.fillRect(0, step.rect.y + step.rect.h, WIDTH, HEIGHT);
    frame.fillRect(0, step.rect.y, step.rect.x, step.rect.h);
    frame.fillRect(step.rect.x + step.rect.w, step.rect.y, WIDTH, step.rect.h);
    frame.lineStyle(4, COLOURS.focus, 1);
    frame.strokeRoundedRect(step.rect.x - 2, step.rect.y - 2, step.rect.w + 4, step.rect.h + 4, 12);
    counter.textContent = words.counter(i + 1, steps.length);
    title.textContent = step.title;
    text.textContent = step.text;
    next.textContent = i === steps.length - 1 ? words.lastLabel : 'Next';
    // Beside the highlighted part, on whichever side has room.
    const right = step.rect.x + step.rect.w + 16;
    const x = right + DIALOG_W <= WIDTH ? right : step.rect.x - DIALOG_W - 16 >= 0 ? step.rect.x - DIALOG_W - 16 : (WIDTH - DIALOG_W) / 2;
    const y = Math.min(HEIGHT - 220, Math.max(90, step.rect.y + (step.rect.x === x ? step.rect.h + 10 : 0)));
    dialog.setPosition(x, step.rect.w > 900 ? 200 : y);
    focusSoon(next);
  };
  show(0);
}
