// A modal help dialog over a screen: the help's groups of terms and texts, a close button (and
// Escape), the screen behind made inert while it is open and focus given back to what opened it.
import type Phaser from 'phaser';
import type { HelpView } from '../../src/app/planning-view';
import { HEIGHT, WIDTH } from '../theme';
import { button, focusSoon, h, place } from './dom';
import { soundToggle } from './sound-toggle';

/** Opens the dialog; `background` are the screen's parts made inert while it shows. */
export function openHelpDialog(scene: Phaser.Scene, view: HelpView, background: readonly HTMLElement[]): void {
  const opener = document.activeElement as HTMLElement | null;
  const groups = view.groups.map((group) =>
    h('section', { class: `help-group ${group.side}` }, [
      h('h3', { text: group.heading }),
      h('dl', {}, group.moves.flatMap((m) => [h('dt', { text: m.label }), h('dd', { text: m.text })])),
    ]),
  );
  const setInert = (inert: boolean) => {
    for (const el of background) el.inert = inert;
  };
  let dialog: Phaser.GameObjects.DOMElement | null = null;
  const close = () => {
    setInert(false);
    dialog?.destroy();
    opener?.focus();
  };
  const closeButton = button('Close help', close, 'primary');
  const panel = h('div', { class: 'dialog help', attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'help-title' } }, [
    h('div', { class: 'dialog-head' }, [h('h2', { text: view.title, attrs: { id: 'help-title' } }), h('div', { class: 'dialog-head-actions' }, [soundToggle(), closeButton])]),
    h('p', { text: view.intro }),
    h('div', { class: 'help-body' }, groups),
  ]);
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
  });
  setInert(true);
  dialog = place(scene, 0, 0, WIDTH, HEIGHT, h('div', { class: 'backdrop' }, [panel])).setDepth(10);
  focusSoon(closeButton);
}
