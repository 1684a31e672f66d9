// The help dialog over a screen: the help's groups of terms and texts and a close button, in a
// modal (modal.ts: Escape closes it, the screen behind is inert, focus goes back to its opener).
import type Phaser from 'phaser';
import type { HelpView } from '../../src/app/planning-view';
import { button, h } from './dom';
import { openModal } from './modal';
import { soundToggle } from './sound-toggle';

/** Opens the dialog; `background` are the screen's parts made inert while it shows. */
export function openHelpDialog(scene: Phaser.Scene, view: HelpView, background: readonly HTMLElement[]): void {
  const groups = view.groups.map((group) =>
    h('section', { class: `help-group ${group.side}` }, [
      h('h3', { text: group.heading }),
      h('dl', {}, group.moves.flatMap((m) => [h('dt', { text: m.label }), h('dd', { text: m.text })])),
    ]),
  );
  openModal(scene, background, (close) => {
    const closeButton = button('Close help', close, 'primary');
    const panel = h('div', { class: 'dialog help', attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'help-title' } }, [
      h('div', { class: 'dialog-head' }, [h('h2', { text: view.title, attrs: { id: 'help-title' } }), h('div', { class: 'dialog-head-actions' }, [soundToggle(), closeButton])]),
      h('p', { text: view.intro }),
      h('div', { class: 'help-body' }, groups),
    ]);
    return { panel, focus: closeButton };
  });
}
