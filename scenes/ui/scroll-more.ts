// A cue that a scrolling list or page holds more than it shows: "More below ↓" pinned to its
// bottom edge while there is more to scroll to (overlay scrollbars, on touch screens and in some
// browsers, show nothing until scrolled). A click scrolls on by most of a screenful; keyboard
// users scroll the focused container with the arrow keys, Page Down and End as usual, so the cue
// itself is hidden from screen readers and takes no focus.
import { h } from './dom';

export function moreBelow(container: HTMLElement): void {
  const pill = h('span', { text: 'More below ↓' });
  const cue = h('div', { class: 'more-below', attrs: { 'aria-hidden': 'true' } }, [pill]);
  pill.addEventListener('click', () => container.scrollBy({ top: Math.round(container.clientHeight * 0.8), behavior: 'smooth' }));
  container.append(cue);
  const update = () => cue.classList.toggle('shown', container.clientHeight > 0 && container.scrollTop + container.clientHeight < container.scrollHeight - 4);
  container.addEventListener('scroll', update, { passive: true });
  // Laid out after placing, and again whenever shown (a tab's page) or resized.
  new ResizeObserver(update).observe(container);
  requestAnimationFrame(update);
}
