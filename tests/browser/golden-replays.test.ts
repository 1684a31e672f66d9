// The golden replays of two-hats (tests/golden) replayed in Chromium against the production
// build: every one must give the state hash and score pinned in Node. This is what makes a
// workshop's scoreboard, verified in the browser, agree with the instructor's command line.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadShipped } from '../support/scenarios';
import { GOLDEN_FILE, type Golden } from '../golden/games';
import { launchChromium } from './chromium';

const goldens = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as Golden[];

describe('golden replays in Chromium', () => {
  const baseUrl = inject('browserBaseUrl');
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(baseUrl, { waitUntil: 'load' });
    await page.waitForFunction(() => typeof window.marketingAndSales?.runReplay === 'function');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('has golden replays to check', () => {
    expect(goldens.length).toBeGreaterThanOrEqual(8);
  });

  for (const golden of goldens) {
    it(`${golden.bot} seed ${golden.seed} gives ${golden.stateHash} in the browser`, async () => {
      const scenario = loadShipped('two-hats');
      const result = await page.evaluate(([s, r]) => window.marketingAndSales.runReplay(s, r), [scenario, golden.replay] as const);
      expect(result).toEqual({ stateHash: golden.stateHash, score: golden.score });
    });
  }
});
