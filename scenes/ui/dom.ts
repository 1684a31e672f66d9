// Building the scenes' DOM controls. Every interactive control in the game is a real <button>,
// <input type=range> or <select> with an accessible name, placed through Phaser's DOM element
// layer: the browser then gives keyboard focus, Enter/Space, arrow keys, touch and the screen
// reader's view for free, and Phaser keeps them scaled and positioned with the canvas.
import Phaser from 'phaser';

// Phaser measures a DOM element as it is added (clientWidth and clientHeight), which forces the
// browser to lay out the page once per element: a screen placing a hundred of them paid a layout
// for each (about 17 ms of a quarter report's 30 ms opening task). The game's own layers are
// given their size in design pixels before they are added (place, below), so that size is
// taken as it stands; any other element is measured as Phaser does.
const measure = Phaser.GameObjects.DOMElement.prototype.updateSize;
type Sized = { width: number; height: number; displayWidth: number; displayHeight: number; scaleX: number; scaleY: number };
Phaser.GameObjects.DOMElement.prototype.updateSize = function (this: Phaser.GameObjects.DOMElement) {
  const node = this.node as HTMLElement | null;
  if (!node?.classList.contains('ui-layer') || !node.style.width.endsWith('px') || !node.style.height.endsWith('px')) return measure.call(this);
  // Phaser's typings mark these read-only; updateSize is where Phaser itself writes them.
  const sized = this as unknown as Sized;
  sized.width = parseFloat(node.style.width);
  sized.height = parseFloat(node.style.height);
  sized.displayWidth = sized.width * sized.scaleX;
  sized.displayHeight = sized.height * sized.scaleY;
  return this;
};

type Child = Node | string | null | undefined | false;

export interface Props {
  class?: string;
  text?: string;
  attrs?: Record<string, string>;
}

/** Creates an element with a class, text and attributes, and appends the children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, children: Child[] = []): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.text !== undefined) el.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) el.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child);
  }
  return el;
}

export type ButtonVariant = 'primary' | 'secondary' | 'marketing' | 'sales' | 'joint' | 'ghost';

export function button(label: string, onClick: () => void, variant: ButtonVariant = 'secondary', ariaLabel?: string): HTMLButtonElement {
  const el = h('button', { class: `btn btn-${variant}`, text: label, attrs: { type: 'button' } });
  if (ariaLabel) el.setAttribute('aria-label', ariaLabel);
  el.addEventListener('click', onClick);
  return el;
}

/**
 * Places `el` at (x, y) in design coordinates with a fixed size, so the Phaser drawing beneath
 * it (panel, meters) and the DOM stay aligned at every scale.
 */
export function place(scene: Phaser.Scene, x: number, y: number, width: number, height: number, el: HTMLElement): Phaser.GameObjects.DOMElement {
  // Phaser rewrites the placed node's `display` every frame, so the node it moves is a plain
  // wrapper and `el` inside keeps its own layout (flex, grid).
  const wrapper = h('div', { class: 'ui-layer' }, [el]);
  wrapper.style.width = `${width}px`;
  wrapper.style.height = `${height}px`;
  el.classList.add('ui-fill');
  const dom = scene.add.dom(x, y, wrapper);
  dom.setOrigin(0, 0);
  return dom;
}

/** Says something to screen readers (the page's polite live region), e.g. a refused move. */
export function announce(text: string): void {
  const region = document.getElementById('announcer');
  if (!region) return;
  // Cleared first so the same sentence twice is still read twice.
  region.textContent = '';
  window.setTimeout(() => (region.textContent = text), 30);
}

/** Moves focus to a scene's heading when it opens, so keyboard and screen-reader users start there. */
export function focusSoon(el: HTMLElement): void {
  window.setTimeout(() => el.focus({ preventScroll: true }), 0);
}
