// A lead's portrait on screen: the SVG from assets/portraits (each file holds every mood; the
// wrapper's data-mood shows one). The files travel in the game scenes' chunk (a few KB gzipped),
// which the title screen does not load.
import type { Mood } from '../../src/scenario/portraits';
import { h } from './dom';

const files = import.meta.glob<string>('../../assets/portraits/*.svg', { query: '?raw', import: 'default', eager: true });

const parsed = new Map<string, HTMLTemplateElement>();

/**
 * The portrait's SVG, parsed once and cloned after. Its own <style> (which shows one mood when the
 * file is opened alone) is left out: a style element added to the page makes the browser restyle
 * the whole page, and style.css holds the same rules for .portrait once.
 */
function svgOf(id: string): Node | null {
  let template = parsed.get(id);
  if (!template) {
    template = document.createElement('template');
    // The project's own file, bundled at build time: no outside markup reaches innerHTML.
    template.innerHTML = (files[`../../assets/portraits/${id}.svg`] ?? '').replace(/<style>[\s\S]*?<\/style>/, '');
    parsed.set(id, template);
  }
  return template.content.querySelector('svg');
}

/** A portrait `size` px across, of `name` looking `mood`; decorative (the name is said beside it). */
export function portrait(id: string, mood: Mood, size: number): HTMLElement {
  const el = h('div', { class: 'portrait', attrs: { 'data-mood': mood, 'data-portrait': id, 'aria-hidden': 'true', style: `width:${size}px;height:${size}px` } });
  const svg = svgOf(id);
  if (svg) el.append(svg.cloneNode(true));
  return el;
}

/** Changes a portrait's mood in place. */
export function setMood(el: HTMLElement, mood: Mood): void {
  el.setAttribute('data-mood', mood);
}
