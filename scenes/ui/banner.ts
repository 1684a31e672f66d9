// A banner: an event the scenario fired (its own title and text), or a lost key account's alert
// (role="alert", drawn apart). The words come from src/app/goal-view.ts; this only lays them out.
import type { BannerView } from '../../src/app/goal-view';
import { h } from './dom';

/** An event's banner (the scenario's title and text), or a lost key account's alert. */
export function banner(view: BannerView): HTMLElement {
  const alert = view.kind === 'alert';
  return h('section', { class: `banner ${view.kind}`, attrs: alert ? { role: 'alert', 'aria-label': view.label } : { 'aria-label': view.label } }, [
    h('p', { class: 'banner-title', text: view.title }),
    ...view.lines.map((line) => h('p', { class: 'banner-text', text: line })),
  ]);
}
