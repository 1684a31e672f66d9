// Tabs: pages of one panel, one shown at a time, chosen by mouse, touch or keyboard (WAI-ARIA
// tabs pattern: Tab reaches the chosen tab, the arrow keys, Home and End move between tabs and
// show theirs, Tab again enters the page). Each page is a focusable, scrollable tab panel.
import { h } from './dom';
import { moreBelow } from './scroll-more';

export interface TabPage {
  /** The tab's text, like "Events (4)". */
  label: string;
  /** The page's content; a page taller than the panel scrolls. */
  content: HTMLElement;
}

let counter = 0;

/** A tab list above its pages, the first page shown. */
export function tabs(name: string, pages: readonly TabPage[]): HTMLElement {
  const id = `tabs-${++counter}`;
  const tabButtons: HTMLButtonElement[] = [];
  const panels: HTMLElement[] = [];
  const select = (index: number, focus: boolean) => {
    tabButtons.forEach((tab, i) => {
      const chosen = i === index;
      tab.setAttribute('aria-selected', String(chosen));
      tab.tabIndex = chosen ? 0 : -1;
      tab.classList.toggle('chosen', chosen);
      panels[i]!.hidden = !chosen;
    });
    if (focus) tabButtons[index]!.focus();
  };
  pages.forEach((page, i) => {
    const tab = h('button', { class: 'tab', text: page.label, attrs: { type: 'button', role: 'tab', id: `${id}-tab-${i}`, 'aria-controls': `${id}-panel-${i}` } });
    tab.addEventListener('click', () => select(i, false));
    tab.addEventListener('keydown', (event) => {
      const last = pages.length - 1;
      const to = { ArrowRight: i === last ? 0 : i + 1, ArrowLeft: i === 0 ? last : i - 1, Home: 0, End: last }[event.key];
      if (to === undefined) return;
      event.preventDefault();
      event.stopPropagation();
      select(to, true);
    });
    tabButtons.push(tab);
    const panel = h('div', { class: 'tab-panel', attrs: { role: 'tabpanel', id: `${id}-panel-${i}`, 'aria-labelledby': tab.id, tabindex: '0' } }, [page.content]);
    moreBelow(panel);
    panels.push(panel);
  });
  select(0, false);
  return h('div', { class: 'tabs' }, [h('div', { class: 'tab-list', attrs: { role: 'tablist', 'aria-label': name } }, tabButtons), ...panels]);
}
