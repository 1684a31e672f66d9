// A lead's portrait on screen: the SVG from assets/portraits (each file holds every mood; the
// wrapper's data-mood shows one). The files come as their own small chunks, fetched the first
// time a screen shows a lead, so the title screen's download carries none of them.
import type { Mood } from '../../src/scenario/portraits';
import { h } from './dom';

const files = import.meta.glob<string>('../../assets/portraits/*.svg', { query: '?raw', import: 'default' });
const loaded = new Map<string, Promise<string>>();

function svgOf(id: string): Promise<string> {
  let svg = loaded.get(id);
  if (!svg) {
    const load = files[`../../assets/portraits/${id}.svg`];
    svg = load ? load() : Promise.resolve('');
    loaded.set(id, svg);
  }
  return svg;
}

/** A portrait `size` px across, of `name` looking `mood`; decorative (the name is said beside it). */
export function portrait(id: string, mood: Mood, size: number): HTMLElement {
  const el = h('div', { class: 'portrait', attrs: { 'data-mood': mood, 'data-portrait': id, 'aria-hidden': 'true', style: `width:${size}px;height:${size}px` } });
  void svgOf(id).then((svg) => {
    // The project's own file, bundled at build time: no outside markup reaches innerHTML.
    el.innerHTML = svg;
  });
  return el;
}

/** Changes a portrait's mood in place. */
export function setMood(el: HTMLElement, mood: Mood): void {
  el.setAttribute('data-mood', mood);
}
