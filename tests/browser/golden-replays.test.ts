// The golden replays of two-hats (tests/golden) replayed in Chromium against the production
// build: every one must give the state hash and score pinned in Node. This is what makes a
// workshop's scoreboard, verified in the browser, agree with the instructor's command line.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { GOLDEN_SETS, type Golden } from '../golden/games';
import { launchChromium } from './chromium';

const goldens = GOLDEN_SETS.flatMap((set) => (JSON.parse(readFileSync(set.file, 'utf8')) as Golden[]).map((golden) => ({ set, golden })));

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

  for (const { set, golden } of goldens) {
    it(`${set.label}: ${golden.bot} seed ${golden.seed} gives ${golden.stateHash} in the browser`, async () => {
      const scenario = set.scenario();
      const result = await page.evaluate(([s, r]) => window.marketingAndSales.runReplay(s, r), [scenario, golden.replay] as const);
      expect(result).toEqual({ stateHash: golden.stateHash, score: golden.score });
    });
  }
});
