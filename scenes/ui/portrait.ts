// A lead's portrait on screen: the SVG from assets/portraits (each file holds every mood; its own
// style shows the one its root's data-mood names). Shown as an image of a data URL made once per
// portrait and mood: an inline SVG cost the report about 12 ms of layout in the commit's task,
// an image costs the page's layout nothing. The files travel in the game scenes' chunk.
import type { Mood } from '../../src/scenario/portraits';
import { h } from './dom';

const files = import.meta.glob<string>('../../assets/portraits/*.svg', { query: '?raw', import: 'default', eager: true });
const urls = new Map<string, string>();

function urlOf(id: string, mood: Mood): string {
  const key = `${id}:${mood}`;
  let url = urls.get(key);
  if (url === undefined) {
    const svg = (files[`../../assets/portraits/${id}.svg`] ?? '').replace('<svg ', `<svg data-mood="${mood}" `);
    url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    urls.set(key, url);
  }
  return url;
}

/** A portrait `size` px across, of `id` looking `mood`; decorative (the name is said beside it). */
export function portrait(id: string, mood: Mood, size: number): HTMLElement {
  const img = h('img', { attrs: { src: urlOf(id, mood), alt: '', width: String(size), height: String(size), decoding: 'async' } });
  return h('div', { class: 'portrait', attrs: { 'data-mood': mood, 'data-portrait': id, 'aria-hidden': 'true', style: `width:${size}px;height:${size}px` } }, [img]);
}
