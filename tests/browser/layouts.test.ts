// Every screen size, in Chromium against the production build: a phone upright (390 × 844) and
// on its side (844 × 390), an upright tablet (768 × 1024), a 4:3 screen (1024 × 768), the design
// size (1280 × 720), full HD (1920 × 1080) and a laptop-sized touch screen (1280 × 800). At each, a quarter is played by touch (a tap) or
// the mouse from the title to the report, each screen is photographed, and the smallest touch
// target and text are measured in CSS pixels. The flowing layout (phones, tablets, 4:3, touch) holds
// targets to 44 px and text to 14 px; nothing may run off the side of the page.
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadShipped } from '../support/scenarios';
import { expectNothingCut, screenshot, useChromium, waitForScene, waitForSettled } from './support';

const twoHats = loadShipped('two-hats');

interface Measured {
  layout: string;
  smallestTarget: { size: number; what: string };
  smallestText: { size: number; what: string };
  /** How far the page runs past the window's right edge (0 when it fits). */
  overflowX: number;
}

/** The smallest visible touch target (the shorter side of its box) and text (font size × the layer's scale), in CSS pixels. */
const measure = (page: Page): Promise<Measured> =>
  page.evaluate(() => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) return false;
      if (el.closest('.sr-only, [aria-hidden="true"], [inert]')) return false;
      const style = getComputedStyle(el);
      return style.visibility !== 'hidden' && Number(style.opacity) > 0;
    };
    const container = document.querySelector<HTMLElement>('#game > div');
    const scale = container ? container.getBoundingClientRect().width / container.offsetWidth || 1 : 1;
    let target = { size: Infinity, what: '' };
    for (const el of document.querySelectorAll('.ui-layer :is(button, select, input, textarea, a[href], [role="slider"])')) {
      if (!visible(el)) continue;
      // A checkbox is hit through its label.
      const box = ((el as HTMLInputElement).type === 'checkbox' && el.closest('label')) || el;
      const r = box.getBoundingClientRect();
      const size = Math.min(r.width, r.height);
      if (size < target.size) target = { size, what: `${el.tagName.toLowerCase()} ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}` };
    }
    let text = { size: Infinity, what: '' };
    for (const el of document.querySelectorAll('.ui-layer *')) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (!own || !visible(el) || el.closest('select')) continue;
      const size = parseFloat(getComputedStyle(el).fontSize) * scale;
      if (size < text.size) text = { size, what: `${el.className || el.tagName}: ${el.textContent!.trim().slice(0, 40)}` };
    }
    return { layout: document.documentElement.dataset.layout ?? '', smallestTarget: target, smallestText: text, overflowX: Math.max(0, document.documentElement.scrollWidth - window.innerWidth) };
  });

const SIZES = [
  { width: 390, height: 844, touch: true, layout: 'flow' },
  { width: 844, height: 390, touch: true, layout: 'flow' },
  { width: 768, height: 1024, touch: true, layout: 'flow' },
  { width: 1024, height: 768, touch: true, layout: 'flow' },
  { width: 1280, height: 720, touch: false, layout: 'fixed' },
  { width: 1920, height: 1080, touch: false, layout: 'fixed' },
  // A touch screen of a laptop's size: its finger gets the flowing layout's targets.
  { width: 1280, height: 800, touch: true, layout: 'flow' },
] as const;

describe('every screen size, in Chromium', () => {
  const chromium = useChromium();
  const figures: string[] = [];
  afterAll(() => console.log(`Smallest target and text per size and screen (CSS px):\n${figures.join('\n')}`));

  for (const size of SIZES) {
    it(`${size.width} × ${size.height}: a quarter by ${size.touch ? 'touch' : 'mouse'}, from the title to the report`, async () => {
      const game = await chromium.open({ viewport: { width: size.width, height: size.height }, hasTouch: size.touch, isMobile: size.touch });
      const { page, problems } = game;
      const press = (name: string | RegExp) => (size.touch ? page.getByRole('button', { name }).tap() : page.getByRole('button', { name }).click());
      const check = async (screen: string) => {
        await waitForSettled(page);
        await screenshot(page, `layout-${size.width}x${size.height}-${screen}`);
        const m = await measure(page);
        figures.push(`${size.width}×${size.height} ${screen.padEnd(9)} ${m.layout}: target ${m.smallestTarget.size.toFixed(0)} (${m.smallestTarget.what}), text ${m.smallestText.size.toFixed(1)} (${m.smallestText.what})`);
        expect(m.layout, screen).toBe(size.layout);
        expect(m.overflowX, `${screen}: the page runs off the side`).toBe(0);
        if (size.layout === 'flow') {
          expect(m.smallestTarget.size, `${screen}: smallest target ${m.smallestTarget.what}`).toBeGreaterThanOrEqual(44);
          expect(m.smallestText.size, `${screen}: smallest text ${m.smallestText.what}`).toBeGreaterThanOrEqual(14);
        }
        await expectNothingCut(page, `${screen} at ${size.width}×${size.height}`);
      };

      await check('title');
      await press('New game');
      await waitForScene(page, 'ScenarioSelect');
      await check('select');
      await press(`Play ${twoHats.title}`);
      await waitForScene(page, 'Briefing');
      await check('briefing');
      await page.getByRole('checkbox', { name: /Guide me/ }).setChecked(false);
      await press('Start the first quarter');
      await waitForScene(page, 'Planning');
      await check('planning');
      for (let i = 0; i < 4; i++) await press('One point more: Prospecting');
      for (let i = 0; i < 3; i++) await press('One point more: Closing (pull revenue forward)');
      expect((await page.evaluate(() => window.marketingAndSales.view()))?.draft).toEqual([
        { kind: 'prospecting', points: 4 },
        { kind: 'closing', points: 3 },
      ]);
      await press(/^Commit quarter 1/);
      await page.getByRole('alertdialog', { name: 'Commit with effort unspent?' }).waitFor();
      await press('Commit anyway');
      await waitForScene(page, 'QuarterReport');
      await check('report');
      expect(problems).toEqual([]);
    }, 120_000);
  }
});
