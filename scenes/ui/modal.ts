// A modal dialog over a screen: the screen behind made inert while it shows, Escape and the
// dialog's own buttons close it, and focus goes back to what opened it. The help and the leads'
// cards are built on it.
import type Phaser from 'phaser';
import { HEIGHT, WIDTH } from '../theme';
import { focusSoon, h, place } from './dom';

/** Opens the panel `build` makes (given the dialog's close); `focus` is where focus starts. */
export function openModal(scene: Phaser.Scene, background: readonly HTMLElement[], build: (close: () => void) => { panel: HTMLElement; focus: HTMLElement }): void {
  const opener = document.activeElement as HTMLElement | null;
  const setInert = (inert: boolean) => {
    for (const el of background) el.inert = inert;
  };
  let dialog: Phaser.GameObjects.DOMElement | null = null;
  const close = () => {
    setInert(false);
    dialog?.destroy();
    opener?.focus();
  };
  const { panel, focus } = build(close);
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
  });
  setInert(true);
  dialog = place(scene, 0, 0, WIDTH, HEIGHT, h('div', { class: 'backdrop' }, [panel])).setDepth(10);
  focusSoon(focus);
}
