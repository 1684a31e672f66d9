// The production build in a real browser: the page loads cleanly and offline-safe, opens on the
// title, and the model gives the same results in Chromium as in Node (DESIGN.md, "Determinism").
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeReplay, runReplay, type Replay } from '../../src/replay/replay';
import { botNamed, playBot, type Scenario } from '../../src/sim/index';
import { loadShipped } from '../support/scenarios';
import { launchChromium } from './chromium';
import { watchProblems } from './support';

const outputDir = fileURLToPath(new URL('../../test-output/browser/', import.meta.url));

describe('the production build in Chromium', () => {
  const baseUrl = inject('browserBaseUrl');
  let browser: Browser | undefined;
  let page: Page;
  // What went wrong on the page since the last check; drained after each test so a problem is
  // reported against the test during which it happened.
  let problems: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    problems = watchProblems(page, baseUrl);
    await page.goto(baseUrl, { waitUntil: 'load' });
    await page.waitForFunction(() => typeof window.marketingAndSales?.runReplay === 'function');
  });

  afterAll(async () => {
    await browser?.close();
  });

  afterEach(() => {
    expect(problems.splice(0), 'console errors, failed or cross-origin requests').toEqual([]);
  });

  it('opens on the title screen, with the game named and a way to start', async () => {
    await page.getByRole('button', { name: 'New game' }).waitFor();
    expect(await page.title()).toBe('Marketing & Sales');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Marketing & Sales');
    expect(await page.locator('.tagline').innerText()).toMatch(/marketing and sales/);
    mkdirSync(outputDir, { recursive: true });
    await page.screenshot({ path: `${outputDir}home.png` });
  });

  const runInPage = (scenario: Scenario, replay: unknown) =>
    page.evaluate(([s, r]) => window.marketingAndSales.runReplay(s, r), [scenario, replay] as const);

  it.for([
    ['balanced', 1],
    ['adaptive', 7],
    ['random', 42],
  ] as const)("the core's replay gives the same state hash in the browser as in Node (%s, seed %i)", async ([bot, seed]) => {
    const scenario = loadShipped('two-hats');
    const strategy = botNamed(bot);
    if (!strategy) throw new Error(`no bot named ${bot}`);
    const replay = makeReplay(scenario, seed, playBot(scenario, seed, strategy).steps);
    const inNode = runReplay(scenario, replay);

    expect(await runInPage(scenario, replay)).toEqual({ stateHash: inNode.stateHash, score: inNode.score });
  });

  it('refuses a replay recorded on another version of the scenario, as Node does', async () => {
    const scenario = loadShipped('two-hats');
    const strategy = botNamed('balanced')!;
    const replay: Replay = { ...makeReplay(scenario, 1, playBot(scenario, 1, strategy).steps), scenarioHash: '0000000000000000' };

    await expect(runInPage(scenario, replay)).rejects.toThrow(/another version of "two-hats"/);
  });
});
