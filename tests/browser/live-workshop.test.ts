// A live workshop in three browser contexts on the workshop server: the instructor creates an
// instructor-paced workshop on the live board, two groups join on their own devices with its
// code, plan, wait for the round to close, and play to the end — one of them missing a round,
// which the workshop's rule plays for it — and the board's final standings are the model's.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium';
import { SITTING_KEEPING_THE_LINE, commitUnspent, expectNothingCut, openGame, screenshot, sendEvents, view, waitForScene, waitForSettled, type GamePage } from './support';
import { spawnServer, type Spawned } from '../server/support';
import { loadShipped } from '../support/scenarios';
import { playSteps } from '../../src/sim/index';
import { formatPoints } from '../../src/app/format';

const twoHats = loadShipped('two-hats');

let browser: Browser;
let server: Spawned;

beforeAll(async () => {
  server = await spawnServer({ file: join(mkdtempSync(join(tmpdir(), 'ms-live-')), 'workshop.sqlite') });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.kill();
});

async function joinAs(page: Page, code: string, group: string): Promise<void> {
  await page.getByRole('button', { name: 'Join a workshop heat' }).click();
  await page.getByRole('textbox', { name: 'Heat code' }).fill(code);
  await page.getByRole('textbox', { name: /group’s name/ }).fill(group);
  await page.getByRole('button', { name: 'Join the heat' }).click();
  await waitForScene(page, 'Briefing');
  await sendEvents(page, [{ type: 'START' }]);
  await waitForScene(page, 'Planning');
}

/** Commits the quarter's plan as it stands, first settling an open dispute by keeping the line. */
async function commitAsIs(page: Page): Promise<void> {
  if ((await view(page))!.phase === 'dispute') await sendEvents(page, SITTING_KEEPING_THE_LINE);
  await sendEvents(page, [{ type: 'COMMIT' }]);
}

const boardSays = (page: Page) => page.locator('.live-progress').innerText();

describe('a live workshop on the workshop server', () => {
  it('runs instructor-paced from the live board to the final standings, with two groups on their own devices', async () => {
    const instructor = await openGame(browser, server.base);
    const groups: GamePage[] = [await openGame(browser, server.base), await openGame(browser, server.base)];
    const [falcons, owls] = groups.map((g) => g.page) as [Page, Page];
    const i = instructor.page;

    // Served by the workshop server, the title has a third workshop door, and nothing is cut.
    await waitForSettled(i);
    await expectNothingCut(i, 'the title served by the workshop server');
    await screenshot(i, 'live-title');
    await i.getByRole('button', { name: 'Run a live workshop' }).click();
    await waitForScene(i, 'LiveBoard');
    await i.getByRole('button', { name: 'Create the workshop' }).click();
    const code = (await i.getByTestId('live-code').innerText()).trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await expect.poll(() => boardSays(i)).toBe('No group has joined yet.');

    await joinAs(falcons, code, 'Falcons');
    await joinAs(owls, code.toLowerCase().replace('-', ' '), 'Owls <b>bold</b>');
    await expect.poll(() => boardSays(i)).toMatch(/Quarter 1 of 10 is open: 0 of 2 groups have a plan in/);
    // A group's name is text on the instructor's screen, never markup.
    expect(await i.locator('.live-table b').count()).toBe(0);
    await expect.poll(() => i.locator('.live-table').innerText()).toContain('Owls <b>bold</b>');

    // Planned through the planning screen's own controls.
    await falcons.getByRole('slider', { name: /Campaign for a product line/ }).fill('4');
    await falcons.getByRole('button', { name: 'One point more: Prospecting' }).click();
    await commitUnspent(falcons);
    await waitForScene(falcons, 'LiveWait');
    await expect.poll(() => boardSays(i)).toMatch(/1 of 2 groups have a plan in/);
    await waitForSettled(falcons);
    await screenshot(falcons, 'live-group-waiting');
    await commitAsIs(owls);
    await waitForScene(owls, 'LiveWait');
    await expect.poll(() => boardSays(i)).toMatch(/2 of 2 groups have a plan in/);
    await waitForSettled(i);
    await screenshot(i, 'live-board-round-1');

    await i.getByRole('button', { name: 'Close quarter 1' }).click();
    await waitForScene(falcons, 'QuarterReport');
    await waitForScene(owls, 'QuarterReport');

    for (let q = 2; q <= twoHats.quarters; q++) {
      await sendEvents(falcons, [{ type: 'NEXT' }]);
      await commitAsIs(falcons);
      await waitForScene(falcons, 'LiveWait');
      await sendEvents(owls, [{ type: 'NEXT' }]);
      // The Owls miss quarter 3: the round closes without their plan.
      if (q !== 3) {
        await commitAsIs(owls);
        await waitForScene(owls, 'LiveWait');
      }
      if (q === 2) {
        // A reload while waiting: Continue brings the group back to the same wait, still live.
        await owls.reload({ waitUntil: 'load' });
        await owls.getByRole('button', { name: /^Continue/ }).click();
        await waitForScene(owls, 'LiveWait');
      }
      await expect.poll(() => boardSays(i)).toMatch(new RegExp(`Quarter ${q} of 10 is open.*${q === 3 ? 1 : 2} of 2 groups have a plan in`));
      await i.getByRole('button', { name: `Close quarter ${q}` }).click();
      await waitForScene(falcons, 'QuarterReport');
      if (q === 3) {
        // The Owls' device is put in line with the server: quarter 3 was played by the rule.
        await expect.poll(async () => (await view(owls))!.quarter).toBe(4);
        expect(await view(owls)).toMatchObject({ history: expect.arrayContaining([expect.objectContaining({ quarter: 3 })]) });
      } else {
        await waitForScene(owls, 'QuarterReport');
      }
    }
    await expect.poll(() => boardSays(i)).toMatch(/The workshop is over/);
    await waitForSettled(i);
    await screenshot(i, 'live-board-final');

    // The standings are the model's own replay of each group's record on the server.
    const rows = await i.locator('.live-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    expect(rows.map((r) => r[1]).sort()).toEqual(['Falcons', 'Owls <b>bold</b>']);
    const instructorHeld = await i.evaluate(() => JSON.parse(localStorage.getItem('marketing-and-sales.live-instructor')!) as { workshop: string; secret: string });
    const board = await (await fetch(`${server.base}/api/workshops/${instructorHeld.workshop}/board`, { headers: { authorization: `Bearer ${instructorHeld.secret}` } })).json();
    for (const page of [falcons, owls]) {
      const held = await page.evaluate(() => JSON.parse(localStorage.getItem('marketing-and-sales.live-group')!) as { workshop: string; token: string; group: string });
      const me = await (await fetch(`${server.base}/api/workshops/${held.workshop}/me`, { headers: { authorization: `Bearer ${held.token}` } })).json();
      expect(me.steps).toHaveLength(twoHats.quarters);
      const truth = playSteps(twoHats, me.seed, me.steps).history.at(-1)!;
      const row = rows.find((r) => r[1] === held.group)!;
      expect(row[5]).toBe(formatPoints(truth.score.total));
      expect(board.groups.find((g: { name: string }) => g.name === held.group).score).toBe(truth.score.total);
      // The device's own game is the server's: the same figures every quarter.
      expect((await view(page))!.history.map((h) => h.revenue)).toEqual(playSteps(twoHats, me.seed, me.steps).history.map((h) => h.revenue));
      expect(me.missed).toEqual(held.group === 'Falcons' ? [] : [3]);
    }
    // The projector shows the same standings in large type.
    await i.getByRole('button', { name: 'Projector view' }).click();
    await expect.poll(() => i.locator('.live-projector li').count()).toBe(2);
    expect(await i.locator('h1').innerText()).toBe('Two Hats, One Firm: standings after quarter 10');
    expect((await i.locator('.live-projector li .name').allInnerTexts())).toEqual(rows.map((r) => r[1]));
    await waitForSettled(i);
    await screenshot(i, 'live-projector');
    for (const g of [instructor, ...groups]) {
      expect(g.problems).toEqual([]);
      await g.close();
    }
  });
});
