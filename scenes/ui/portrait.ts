// A lead's portrait on screen: the SVG from assets/portraits (each file holds every mood; the
// wrapper's data-mood shows one). The files travel in the game scenes' chunk (a few KB gzipped),
// which the title screen does not load.
import type { Mood } from '../../src/scenario/portraits';
import { h } from './dom';

const files = import.meta.glob<string>('../../assets/portraits/*.svg', { query: '?raw', import: 'default', eager: true });

function svgOf(id: string): string {
  return files[`../../assets/portraits/${id}.svg`] ?? '';
}

/** A portrait `size` px across, of `name` looking `mood`; decorative (the name is said beside it). */
export function portrait(id: string, mood: Mood, size: number): HTMLElement {
  const el = h('div', { class: 'portrait', attrs: { 'data-mood': mood, 'data-portrait': id, 'aria-hidden': 'true', style: `width:${size}px;height:${size}px` } });
  // The project's own file, bundled at build time: no outside markup reaches innerHTML.
  el.innerHTML = svgOf(id);
  return el;
}

/** Changes a portrait's mood in place. */
export function setMood(el: HTMLElement, mood: Mood): void {
  el.setAttribute('data-mood', mood);
}
