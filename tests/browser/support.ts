// Shared helpers for the browser tests: a fresh page per test (own localStorage) that records
// every console error, failed or cross-origin request, and small steps a player takes.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { launchChromium } from './chromium';
import { loadShipped, nameOf } from '../support/scenarios';

export const outputDir = fileURLToPath(new URL('../../test-output/browser/', import.meta.url));

export interface GamePage {
  page: Page;
  /** What went wrong on the page so far; the tests expect it empty. */
  problems: string[];
  close(): Promise<void>;
}

/**
 * Records what goes wrong on a page: console errors, uncaught errors, failed or 4xx/5xx
 * requests, and any request that leaves the page's origin (the game must run offline in a
 * workshop room). Tests drain the list and expect it empty.
 */
export function watchProblems(page: Page, baseUrl: string): string[] {
  const problems: string[] = [];
  const origin = new URL(baseUrl).origin;
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught error: ${error.message}`));
  // A request the page's own navigation cancels (a reload while the game's scenes or the forecast's
  // worker are still on their way) is aborted, not failed.
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.origin !== origin) problems.push(`request leaves the page's origin: ${request.url()}`);
  });
  return problems;
}

export async function openGame(browser: Browser, baseUrl: string, options: BrowserContextOptions = {}): Promise<GamePage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...options });
  const page = await context.newPage();
  const problems = watchProblems(page, baseUrl);
  await page.goto(baseUrl, { waitUntil: 'load' });
  await page.getByRole('button', { name: /New game/ }).waitFor({ timeout: 20_000 });
  return { page, problems, close: () => context.close() };
}

/**
 * A describe block's Chromium: launched before its tests, every page a test opened closed after
 * it, the browser closed at the end. `open` starts a fresh page on the game (openGame).
 */
export function useChromium(): { open(options?: BrowserContextOptions): Promise<GamePage> } {
  const baseUrl = inject('browserBaseUrl');
  let browser: Browser | undefined;
  const opened: GamePage[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    for (const game of opened.splice(0)) await game.close();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async open(options = {}) {
      if (!browser) throw new Error('useChromium: open() called outside a test');
      const game = await openGame(browser, baseUrl, options);
      opened.push(game);
      return game;
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(outputDir, { recursive: true });
  await page.screenshot({ path: `${outputDir}${name}.png` });
}

export const view = (page: Page) => page.evaluate(() => window.marketingAndSales.view());

/**
 * What the game shows, to compare across a reload or another tab: on planning, once the forecast
 * is in, with its plan and figures but not its timings (those are the page's own).
 */
export async function gameView(page: Page) {
  if ((await view(page))?.phase === 'planning') await page.waitForFunction(() => window.marketingAndSales.view()?.forecast?.done === true, undefined, { timeout: 20_000 });
  const shown = await view(page);
  if (!shown) return shown;
  const { forecast, ...rest } = shown;
  return { ...rest, forecast: forecast ? { plan: forecast.plan, figures: forecast.figures } : null };
}

/** Flow events sent to the running game through its test hook, all in one task (as the scenes send them). */
export const sendEvents = (page: Page, events: readonly object[]) =>
  page.evaluate((list) => list.forEach((e) => window.marketingAndSales.send(e as never)), events as object[]);

/** A whole dispute sitting as a player clicks it: marketing's case, sales' case, keep the line, on from the consequences. */
export const SITTING_KEEPING_THE_LINE: readonly object[] = [
  { type: 'DISPUTE_NEXT' },
  { type: 'DISPUTE_NEXT' },
  { type: 'DECIDE_DISPUTE', option: 'keep' },
  { type: 'DISPUTE_NEXT' },
];
export const scenes = (page: Page) => page.evaluate(() => window.marketingAndSales.scenes());

/** Waits until the game shows `key` (a scene) and has built its page (its heading is there). */
export async function waitForScene(page: Page, key: string): Promise<void> {
  try {
    await page.waitForFunction((k) => window.marketingAndSales.scenes().join() === k && document.querySelector('.ui-layer h1') !== null, key, { timeout: 10_000 });
  } catch (error) {
    // Say what the game was doing instead, so a failure can be read without a rerun.
    const state = await page.evaluate(() => ({
      scenes: window.marketingAndSales.scenes(),
      drawing: window.marketingAndSales.drawing(),
      phase: window.marketingAndSales.view()?.phase ?? null,
      heading: document.querySelector('.ui-layer h1')?.textContent ?? null,
    }));
    throw new Error(`${key} did not open: ${JSON.stringify(state)}`, { cause: error });
  }
}

/**
 * Waits until the screen has come to rest (the hook's settled(): the game loop asleep, every
 * snapshot drawn, no tween, fade or count-up running), so a screenshot or a layout check sees
 * the final figures rather than a frame of an animation.
 */
export async function waitForSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => window.marketingAndSales.settled(), undefined, { timeout: 10_000 });
}

/**
 * Nothing cut: every block of text placed on the screen fits its box (no hidden overflow),
 * and every placed box lies inside the game's design area.
 */
export async function expectNothingCut(page: Page, where: string): Promise<void> {
  const cut = await page.evaluate(() => {
    const found: string[] = [];
    for (const layer of document.querySelectorAll<HTMLElement>('.ui-layer')) {
      if (layer.style.display === 'none') continue;
      for (const el of [layer, ...layer.querySelectorAll<HTMLElement>('*')]) {
        const style = getComputedStyle(el);
        if (style.overflowY === 'auto' || style.overflowY === 'scroll') continue;
        if (el.closest('.help-body, .sr-only, select')) continue;
        if (el.scrollHeight > el.clientHeight + 2 && style.overflow !== 'visible' && el.clientHeight > 0) found.push(`${el.className || el.tagName}: ${el.textContent?.slice(0, 60)}`);
        if (el.scrollWidth > el.clientWidth + 2 && style.overflowX !== 'visible' && style.textOverflow !== 'ellipsis' && el.clientWidth > 0) {
          found.push(`${el.className || el.tagName} (wide): ${el.textContent?.slice(0, 60)}`);
        }
      }
    }
    return found;
  });
  expect(cut, `text cut on ${where}`).toEqual([]);
}

/**
 * No text of a chart runs into another text or into a mark (a bar or a data point): the
 * charts' titles, legends, ticks and the dispute marker's label must all stay readable.
 */
export async function expectChartsClear(page: Page, where: string): Promise<void> {
  const clashes = await page.evaluate(() => {
    const found: string[] = [];
    const overlap = (a: DOMRect, b: DOMRect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    for (const svg of document.querySelectorAll<SVGSVGElement>('.ui-layer svg.chart')) {
      const title = svg.querySelector('text')?.textContent ?? '?';
      const texts = [...svg.querySelectorAll<SVGTextElement>('text')].map((t) => ({ name: t.textContent ?? '', box: t.getBBox() }));
      const marks = [...svg.querySelectorAll<SVGGraphicsElement>('rect, circle')].map((m) => m.getBBox());
      texts.forEach((a, i) => {
        for (const b of texts.slice(i + 1)) if (overlap(a.box, b.box)) found.push(`${title}: "${a.name}" runs into "${b.name}"`);
        if (marks.some((m) => m.width > 0 && m.height > 0 && overlap(a.box, m))) found.push(`${title}: "${a.name}" runs into a bar or a point`);
      });
    }
    return found;
  });
  expect(clashes, `chart text unreadable on ${where}`).toEqual([]);
}

/**
 * Plays the planning screen's moves for one quarter of two-hats through role-named controls
 * (relationship building with the account harbor-health, its name read from the file), then commits.
 */
export async function planAndCommit(page: Page, quarter: number): Promise<void> {
  await waitForScene(page, 'Planning');
  await page.getByRole('slider', { name: /Campaign for a product line/ }).fill(String(3 + (quarter % 2)));
  await page.getByRole('combobox', { name: /Relationship building: account/ }).selectOption({ label: nameOf(loadShipped('two-hats').accounts, 'harbor-health') });
  await page.getByRole('slider', { name: /Relationship building/ }).fill('3');
  await page.getByRole('button', { name: 'One point more: Prospecting' }).click();
  await page.getByRole('button', { name: 'One point more: Prospecting' }).click();
  await page.getByRole('button', { name: 'One point more: Alignment meeting' }).click();
  await commitUnspent(page);
  await waitForScene(page, 'QuarterReport');
}

/** Commits a plan that leaves effort unspent: Commit asks first, and the player confirms. */
export async function commitUnspent(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Commit quarter/ }).click();
  await page.getByRole('alertdialog', { name: 'Commit with effort unspent?' }).waitFor();
  await page.getByRole('button', { name: 'Commit anyway' }).click();
}
