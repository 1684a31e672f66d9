// Saves in Chromium against the production build: every game keeps its own slot (a hot-seat
// workshop leaves the solo game saved; a new game of another scenario leaves the game in
// progress), the title lists them all to continue or to delete (deleting asks first), the
// quarter's half-made plan survives a reload, a version-2 save is moved into its slot, and a
// second tab on a game open elsewhere is told so and cannot play it at the same time.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { OPEN_ELSEWHERE, OPEN_ELSEWHERE_NOTE } from '../../src/app/save-text';
import { literal, loadShipped } from '../support/scenarios';
import { launchChromium } from './chromium';
import { SITTING_KEEPING_THE_LINE, expectNothingCut, gameView, openGame, planAndCommit, screenshot, sendEvents, view, waitForScene, waitForSettled, watchProblems, type GamePage } from './support';

const twoHats = loadShipped('two-hats');
const soloFounder = loadShipped('solo-founder');
const SLOT_PREFIX = 'marketing-and-sales.slot.';

const saves = (page: Page) => page.evaluate(() => window.marketingAndSales.saves());
const continueButton = (page: Page, title: string, where: string) => page.getByRole('button', { name: new RegExp(`^Continue: ${literal(title)}, ${literal(where)}`) });

/** Starts a game through the hook (as the scenario screen's Play does) and plays quarters until `quarter` is the one to plan. */
async function playTo(page: Page, scenarioId: string, seed: number, quarter: number): Promise<void> {
  expect(await page.evaluate(([id, s]) => window.marketingAndSales.newGame(id as string, s as number), [scenarioId, seed] as const)).toEqual({ ok: true });
  await sendEvents(page, [{ type: 'START' }]);
  for (let i = 0; i < 40 && (await view(page))!.quarter < quarter; i++) {
    if ((await view(page))!.phase === 'dispute') await sendEvents(page, SITTING_KEEPING_THE_LINE);
    else await sendEvents(page, [{ type: 'SET_MOVE', move: { kind: 'prospecting', points: 3 } }, { type: 'COMMIT' }, { type: 'NEXT' }]);
  }
  if ((await view(page))!.phase === 'dispute') await sendEvents(page, SITTING_KEEPING_THE_LINE);
  await waitForScene(page, 'Planning');
  expect((await view(page))?.quarter).toBe(quarter);
}

/** Plays the running game to its final results through the hook. */
async function playToEnd(page: Page): Promise<void> {
  for (let i = 0; i < 60 && (await view(page))?.phase !== 'finished'; i++) {
    const phase = (await view(page))?.phase;
    if (phase === 'dispute') await sendEvents(page, SITTING_KEEPING_THE_LINE);
    else if (phase === 'briefing') await sendEvents(page, [{ type: 'START' }]);
    else if (phase === 'review') await sendEvents(page, [{ type: 'NEXT' }]);
    else await sendEvents(page, [{ type: 'SET_MOVE', move: { kind: 'prospecting', points: 3 } }, { type: 'COMMIT' }]);
  }
  await waitForScene(page, 'FinalResults');
}

async function toTitle(page: Page): Promise<void> {
  await page.reload({ waitUntil: 'load' });
  await waitForScene(page, 'Title');
}

describe('saves in Chromium', () => {
  const baseUrl = inject('browserBaseUrl');
  let browser: Browser;
  const open: GamePage[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterEach(async () => {
    for (const game of open.splice(0)) await game.close();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function start(): Promise<GamePage> {
    const game = await openGame(browser, baseUrl);
    open.push(game);
    return game;
  }

  it('keeps the solo game saved through a hot-seat workshop on the same scenario and seed', async () => {
    const { page, problems } = await start();
    await playTo(page, 'two-hats', twoHats.defaultSeed, 3);
    const before = await gameView(page);
    await toTitle(page);

    // The workshop's hot-seat round, on the solo game's own scenario and seed.
    await page.getByRole('button', { name: 'Run a workshop (instructor)' }).click();
    await waitForScene(page, 'Workshop');
    await page.getByRole('button', { name: 'Play hot-seat on this device' }).click();
    await waitForScene(page, 'HandOver');
    await page.getByRole('button', { name: 'Start Group A’s game' }).click();
    await waitForScene(page, 'Briefing');
    await playToEnd(page);
    await page.getByRole('button', { name: 'Hand the device to the next group' }).click();
    await waitForScene(page, 'HandOver');
    // Group A's game is put away; the solo game is not.
    expect((await saves(page)).games).toEqual([`${SLOT_PREFIX}solo.two-hats.${twoHats.defaultSeed}`]);
    await page.getByRole('button', { name: 'Start Group B’s game' }).click();
    await waitForScene(page, 'Briefing');

    await toTitle(page);
    expect(await page.getByRole('list', { name: 'Saved games' }).getByRole('listitem').count()).toBe(2);
    expect(await page.getByRole('button', { name: new RegExp(`^Continue: ${literal(twoHats.title)}, quarter 1 of 10, seed ${twoHats.defaultSeed}, hot-seat workshop, Group B`) }).count()).toBe(1);
    await continueButton(page, twoHats.title, `quarter 3 of 10, seed ${twoHats.defaultSeed}, played alone`).click();
    await waitForScene(page, 'Planning');
    expect(await gameView(page)).toEqual(before);
    expect(problems).toEqual([]);
  }, 180_000);

  it('keeps a game in progress when a new game of another scenario starts, and lists both on the title', async () => {
    const { page, problems } = await start();
    await playTo(page, 'two-hats', 5, 3);
    const before = await gameView(page);
    await toTitle(page);
    await page.getByRole('button', { name: 'New game' }).click();
    await waitForScene(page, 'ScenarioSelect');
    // The same game again (scenario, seed, played alone) asks first: continue it, or start over.
    await page.locator('#seed-two-hats').fill('5');
    await page.getByRole('button', { name: `Play ${twoHats.title}` }).click();
    const ask = page.getByRole('alert');
    await expect.poll(() => ask.locator('p').innerText()).toBe(`This game is saved already: ${twoHats.title} on seed 5, played alone, at quarter 3 of 10. Continue it, or start it over and lose the saved one.`);
    await screenshot(page, 'scene-select-saved-already');
    expect(await view(page)).toBeNull();
    await page.getByRole('button', { name: 'Continue the saved game' }).click();
    await waitForScene(page, 'Planning');
    expect(await gameView(page)).toEqual(before);

    await toTitle(page);
    await page.getByRole('button', { name: 'New game' }).click();
    await waitForScene(page, 'ScenarioSelect');
    await page.getByRole('button', { name: `Play ${soloFounder.title}` }).click();
    await waitForScene(page, 'Briefing');

    await toTitle(page);
    const items = page.getByRole('list', { name: 'Saved games' }).getByRole('listitem');
    // Newest first: the game just started, then the game in progress.
    await expect.poll(() => items.locator('.save-title').allInnerTexts()).toEqual([soloFounder.title, twoHats.title]);
    await continueButton(page, twoHats.title, 'quarter 3 of 10, seed 5, played alone').click();
    await waitForScene(page, 'Planning');
    expect(await gameView(page)).toEqual(before);

    // Asked again, the player starts over: the same slot now holds a new game, the other stays.
    await toTitle(page);
    await page.getByRole('button', { name: 'New game' }).click();
    await waitForScene(page, 'ScenarioSelect');
    await page.locator('#seed-two-hats').fill('5');
    await page.getByRole('button', { name: `Play ${twoHats.title}` }).click();
    await page.getByRole('button', { name: /^Start over/ }).click();
    await waitForScene(page, 'Briefing');
    expect((await view(page))?.quarter).toBe(1);
    await toTitle(page);
    await expect.poll(() => items.locator('.save-detail').allInnerTexts()).toEqual(['Quarter 1 of 10 · seed 5 · played alone', `Quarter 1 of ${soloFounder.quarters} · seed ${soloFounder.defaultSeed} · played alone`]);
    expect(problems).toEqual([]);
  }, 120_000);

  it('brings the quarter’s half-made plan back after a reload, undo steps included', async () => {
    const { page, problems } = await start();
    await page.getByRole('button', { name: 'New game' }).click();
    await waitForScene(page, 'ScenarioSelect');
    await page.getByRole('button', { name: `Play ${twoHats.title}` }).click();
    await waitForScene(page, 'Briefing');
    await page.getByRole('checkbox', { name: /Guide me/ }).setChecked(false);
    await page.getByRole('button', { name: 'Start the first quarter' }).click();
    await planAndCommit(page, 1);
    await page.getByRole('button', { name: /^Plan quarter 2/ }).click();
    await waitForScene(page, 'Planning');
    await page.getByRole('slider', { name: /Campaign for a product line/ }).fill('4');
    await page.getByRole('button', { name: 'One point more: Prospecting' }).click();
    await page.getByRole('button', { name: 'One point more: Prospecting' }).click();
    const draft = [{ kind: 'campaign', target: 'house-blend', points: 4 }, { kind: 'prospecting', points: 2 }];
    expect((await view(page))?.draft).toEqual(draft);

    await toTitle(page);
    await continueButton(page, twoHats.title, 'quarter 2 of 10').click();
    await waitForScene(page, 'Planning');
    expect((await view(page))?.draft).toEqual(draft);
    expect(await page.getByRole('slider', { name: /Campaign for a product line/ }).inputValue()).toBe('4');
    // The two presses of + were one change, and undo takes it back whole; then the campaign.
    await page.getByRole('button', { name: 'Undo the last change' }).click();
    expect((await view(page))?.draft).toEqual([{ kind: 'campaign', target: 'house-blend', points: 4 }]);
    await page.getByRole('button', { name: 'Undo the last change' }).click();
    expect((await view(page))?.draft).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);

  it('lists several saved games legibly, and deletes one only after asking', async () => {
    const { page, problems } = await start();
    await playTo(page, 'two-hats', 11, 4);
    await playTo(page, 'solo-founder', 12, 2);
    await playTo(page, 'divisions', 13, 1);
    await playTo(page, 'two-hats', 14, 1);
    await playToEnd(page);
    await playTo(page, 'two-hats', 15, 2);
    // And one slot damaged by hand: set aside and reported beside the list.
    await page.evaluate((prefix) => localStorage.setItem(`${prefix}solo.two-hats.99`, '{"format":'), SLOT_PREFIX);
    await toTitle(page);
    const items = page.getByRole('list', { name: 'Saved games' }).getByRole('listitem');
    expect(await items.count()).toBe(5);
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/^A saved game could not be opened: the saved game is damaged \(it is not readable JSON\)\. The old save is kept in this browser under “marketing-and-sales\.rejected-save\.1”\.$/);
    const doors = (await page.getByRole('button', { name: 'Run a workshop (instructor)' }).boundingBox())!;
    expect(doors.y + doors.height).toBeLessThanOrEqual(540);
    await waitForSettled(page);
    await screenshot(page, 'scene-title-saves');
    await expectNothingCut(page, 'the title with saved games');
    // Every button can be reached: the list scrolls, and nothing lies under the bottom band.
    const listBox = (await page.getByRole('list', { name: 'Saved games' }).boundingBox())!;
    expect(listBox.y + listBox.height).toBeLessThanOrEqual(540);
    expect(await page.getByRole('button', { name: new RegExp(`^Continue: ${literal(twoHats.title)}, final results, seed 14`) }).count()).toBe(1);

    const target = new RegExp(`^Delete: ${literal(twoHats.title)}, quarter 4 of 10, seed 11`);
    await page.getByRole('button', { name: target }).click();
    const question = page.getByText(/^Delete this game for good\?/);
    await question.waitFor();
    await screenshot(page, 'scene-title-delete-confirm');
    await expectNothingCut(page, 'the title asking before a delete');
    // Keep it: nothing is deleted.
    await page.getByRole('button', { name: /^No, keep:/ }).click();
    expect(await question.count()).toBe(0);
    expect((await saves(page)).games).toContain(`${SLOT_PREFIX}solo.two-hats.11`);
    await page.getByRole('button', { name: target }).click();
    await page.getByRole('button', { name: new RegExp(`^Yes, delete: ${literal(twoHats.title)}, quarter 4 of 10, seed 11`) }).click();
    await expect.poll(() => items.count()).toBe(4);
    expect((await saves(page)).games).not.toContain(`${SLOT_PREFIX}solo.two-hats.11`);
    expect(await page.getByRole('button', { name: target }).count()).toBe(0);
    // After a reload, too.
    await toTitle(page);
    expect(await items.count()).toBe(4);
    expect(problems).toEqual([]);
  }, 180_000);

  it('moves a save of the previous version (one game under one key) into its slot and continues it', async () => {
    const { page, problems } = await start();
    await playTo(page, 'two-hats', 21, 3);
    const before = await gameView(page);
    // What version 2 left in the browser: the same game in its one-key envelope, no slots.
    await page.evaluate((prefix) => {
      const key = Object.keys(localStorage).find((k) => k.startsWith(prefix))!;
      const { snapshot, summary } = JSON.parse(localStorage.getItem(key)!);
      localStorage.clear();
      localStorage.setItem('marketing-and-sales.save', JSON.stringify({ format: 'marketing-and-sales-save', version: 2, summary: { scenarioTitle: summary.scenarioTitle, quarter: summary.quarter, quarters: summary.quarters }, snapshot }));
    }, SLOT_PREFIX);
    await toTitle(page);
    await continueButton(page, twoHats.title, 'quarter 3 of 10, seed 21').click();
    await waitForScene(page, 'Planning');
    expect(await gameView(page)).toEqual(before);
    expect(await page.evaluate(() => localStorage.getItem('marketing-and-sales.save'))).toBeNull();
    expect(problems).toEqual([]);
  }, 120_000);

  it('tells a second tab that the game is open in the first, and lets it play once the first lets go', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    open.push({ page: null as never, problems: [], close: () => context.close() });
    const first = await context.newPage();
    const firstProblems = watchProblems(first, baseUrl);
    await first.goto(baseUrl, { waitUntil: 'load' });
    await waitForScene(first, 'Title');
    await playTo(first, 'two-hats', twoHats.defaultSeed, 2);

    const second = await context.newPage();
    const secondProblems = watchProblems(second, baseUrl);
    await second.goto(baseUrl, { waitUntil: 'load' });
    await waitForScene(second, 'Title');
    const item = second.getByRole('list', { name: 'Saved games' }).getByRole('listitem');
    await expect.poll(() => item.innerText()).toContain(OPEN_ELSEWHERE_NOTE);
    await continueButton(second, twoHats.title, 'quarter 2 of 10').click();
    await expect.poll(() => item.getByRole('alert').innerText()).toBe(OPEN_ELSEWHERE);
    await screenshot(second, 'scene-title-open-elsewhere');
    await expectNothingCut(second, 'the title telling the game is open elsewhere');
    expect(await view(second)).toBeNull();
    expect(await second.evaluate(() => window.marketingAndSales.scenes())).toEqual(['Title']);
    // Deleting it is refused too, and a new game of the same scenario and seed is not started.
    await second.getByRole('button', { name: /^Delete:/ }).click();
    await second.getByRole('button', { name: /^Yes, delete:/ }).click();
    await expect.poll(() => item.getByRole('alert').innerText()).toMatch(/cannot be deleted now/);
    expect(await second.evaluate(() => window.marketingAndSales.newGame('two-hats', 4))).toEqual({ ok: true });
    await waitForScene(second, 'Briefing');
    await second.reload({ waitUntil: 'load' });
    await waitForScene(second, 'Title');
    await second.getByRole('button', { name: 'New game' }).click();
    await waitForScene(second, 'ScenarioSelect');
    await second.getByRole('button', { name: `Play ${twoHats.title}` }).click();
    await expect.poll(() => second.getByRole('alert').locator('p').innerText()).toBe(OPEN_ELSEWHERE);
    expect(await view(second)).toBeNull();
    await screenshot(second, 'scene-select-open-elsewhere');

    // The first tab goes back to its title: the game is free, and continues in the second.
    const before = await gameView(first);
    await first.reload({ waitUntil: 'load' });
    await waitForScene(first, 'Title');
    // The player switches back to the second tab (a tab in the background draws no frames).
    await second.bringToFront();
    await second.getByRole('button', { name: 'Back to the title' }).click();
    await waitForScene(second, 'Title');
    await continueButton(second, twoHats.title, 'quarter 2 of 10').click();
    await waitForScene(second, 'Planning');
    expect(await gameView(second)).toEqual(before);
    expect(firstProblems).toEqual([]);
    expect(secondProblems).toEqual([]);
  }, 120_000);
});
