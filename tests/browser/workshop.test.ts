// Workshop mode in Chromium against the production build: an instructor sets up a heat, two
// groups play it hot-seat on one device (the hand-over shows nothing of the group before), and
// the scoreboard shows both, verified by replaying, in rank order; bad codes are rejected with
// their reasons while the good rows stay; a group joins a heat by its code; the projector view
// reveals places one at a time; a ghost group's figures show beside a player's quarter.
import { readFileSync } from 'node:fs';
import qrcode from 'qrcode-generator';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { boardKey } from '../../src/app/local-board';
import { MAX_CODE_CHARS, decodeResultCode, encodeResultCode, makeHeatCode } from '../../src/scoreboard/index';
import { botCode, scenario } from '../scoreboard/support';
import { literal } from '../support/scenarios';
import { launchChromium } from './chromium';
import { SITTING_KEEPING_THE_LINE, commitUnspent, expectNothingCut, openGame, planAndCommit, screenshot, sendEvents, view, waitForScene, waitForSettled, type GamePage } from './support';

const WORKSHOP_KEY = 'marketing-and-sales.workshop';

/** Group B's plan: a sales-heavy quarter, so its decisions (and score) differ from group A's. */
async function planSales(page: Page): Promise<void> {
  await waitForScene(page, 'Planning');
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'One point more: Prospecting' }).click();
  await page.getByRole('button', { name: 'One point more: Alignment meeting' }).click();
  await commitUnspent(page);
  await waitForScene(page, 'QuarterReport');
}

/** Plays a whole game from the briefing to the final results; returns the total score shown. */
async function playWholeGame(page: Page, plan: (quarter: number) => Promise<void>): Promise<string> {
  await waitForScene(page, 'Briefing');
  await page.getByRole('checkbox', { name: /Guide me/ }).setChecked(false);
  await page.getByRole('button', { name: 'Start the first quarter' }).click();
  return playQuarters(page, 1, plan);
}

/**
 * Plays quarters `from` to 10 to the final results and returns the total shown. With
 * `committed`, quarter `from` is already committed (its report is showing).
 */
async function playQuarters(page: Page, from: number, plan: (quarter: number) => Promise<void>, committed = false): Promise<string> {
  for (let quarter = from; quarter <= 10; quarter++) {
    if (!(committed && quarter === from)) await plan(quarter);
    const next = page.getByRole('button', { name: /^(Plan quarter|Hear the dispute|See the final results)/ });
    const label = await next.innerText();
    await next.click();
    if (label.startsWith('Hear the dispute')) await settleDispute(page);
  }
  await waitForScene(page, 'FinalResults');
  // The total counts up; the scorecard's accessible name holds the final figure at once.
  const label = await page.locator('.total-line').getAttribute('aria-label');
  return /Total score (−?[\d.]+)/.exec(label ?? '')![1]!;
}

/**
 * Keeps the disputed line. The dispute's own screens are tested in game.test.ts; here it is settled
 * through the page's test hook, the way the browser bench drives the game (the cases, the choice,
 * its consequences), so this file tests the workshop and not the dispute's wording.
 */
async function settleDispute(page: Page): Promise<void> {
  await waitForScene(page, 'Dispute');
  for (const event of SITTING_KEEPING_THE_LINE) {
    if ((await view(page))?.phase !== 'dispute') break;
    await sendEvents(page, [event]);
  }
  expect((await view(page))?.phase).not.toBe('dispute');
}

/** The visible text of every placed DOM block (what a player sees in words). */
const screenText = (page: Page) => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.ui-layer')].map((el) => el.innerText).join('\n'));

describe('workshop mode in Chromium', () => {
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

  it('sets up a heat; groups A and B play hot-seat; the scoreboard shows both, verified, in rank order', async () => {
    const { page, problems } = await start();
    await screenshot(page, 'scene-title-workshop');
    await expectNothingCut(page, 'the title');
    await page.getByRole('button', { name: 'Run a workshop (instructor)' }).click();
    await waitForScene(page, 'Workshop');
    await expect.poll(() => page.locator('.heat-code').innerText()).toBe(makeHeatCode(scenario, scenario.defaultSeed));
    // Group names are checked as they are typed: two alike are refused, and no heat is offered.
    await page.getByRole('textbox', { name: 'Group 2' }).fill('group a');
    await expect.poll(() => page.locator('#ws-group-2-problem').innerText()).toMatch(/same name as group 1/);
    expect(await page.getByRole('button', { name: 'Play hot-seat on this device' }).isDisabled()).toBe(true);
    await page.getByRole('textbox', { name: 'Group 2' }).fill('Group B');
    await page.getByRole('checkbox', { name: 'Groups may see the board' }).check();
    await screenshot(page, 'scene-workshop');
    await expectNothingCut(page, 'workshop set-up');
    const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!), WORKSHOP_KEY);
    expect(stored).toMatchObject({ scenarioId: 'two-hats', seed: scenario.defaultSeed, groups: ['Group A', 'Group B'], codes: [], groupsMaySeeBoard: true });

    await page.getByRole('button', { name: 'Play hot-seat on this device' }).click();
    await waitForScene(page, 'HandOver');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Pass the device to Group A');
    await page.getByRole('button', { name: 'Start Group A’s game' }).click();
    const scoreA = await playWholeGame(page, (q) => planAndCommit(page, q));
    const codeA = await page.locator('#result-code').innerText();
    expect(decodeResultCode(codeA).group).toBe('Group A');
    const qrA = page.getByRole('img', { name: /QR code of the result code of Group A/ });
    await expect.poll(() => qrA.getAttribute('data-modules')).toMatch(/^\d+$/);
    const qrImageA = await qrA.screenshot(); // as a phone's camera or a screenshot would see it
    await waitForSettled(page);
    await screenshot(page, 'scene-final-results-group');
    await expectNothingCut(page, 'the final results of a group');

    // The hand-over shows none of group A's numbers, and group A's game is put away.
    await page.getByRole('button', { name: 'Hand the device to the next group' }).click();
    await waitForScene(page, 'HandOver');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Pass the device to Group B');
    const handOver = await screenText(page);
    expect(handOver).not.toContain(scoreA);
    expect(handOver).not.toMatch(/\$|MSR1|score|profit|revenue/i);
    expect(handOver.replace(/group 2 of 2/i, '')).not.toMatch(/\d/);
    expect(await view(page)).toBeNull();
    // Only group A's own save slot is put away (no other game was saved on this device).
    expect(await page.evaluate(() => window.marketingAndSales.saves())).toEqual({ games: [], current: null });
    await screenshot(page, 'scene-hand-over');
    await expectNothingCut(page, 'the hand-over');

    await page.getByRole('button', { name: 'Start Group B’s game' }).click();
    const scoreB = await playWholeGame(page, () => planSales(page));
    expect(decodeResultCode(await page.locator('#result-code').innerText()).group).toBe('Group B');
    // The instructor lets groups see the board: both groups, every place shown, nothing to edit.
    await page.getByRole('button', { name: 'See the scoreboard' }).click();
    await waitForScene(page, 'Projector');
    await expect.poll(() => page.locator('.projector-row .place-group').allInnerTexts()).toEqual(expect.arrayContaining(['Group A', 'Group B']));
    expect(await page.getByRole('button', { name: /Reveal|Verify|Download|Play against/ }).count()).toBe(0);
    await screenshot(page, 'scene-scoreboard-group-view');
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await waitForScene(page, 'FinalResults');
    await page.getByRole('button', { name: 'Hand the device to the next group' }).click();
    await waitForScene(page, 'HandOver');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Every group has played');
    await page.getByRole('button', { name: 'Open the scoreboard' }).click();
    await waitForScene(page, 'Scoreboard');

    // Both groups, verified (the recomputed score equals what each group saw), best first.
    const rows = page.locator('.board-table tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const table = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText)));
    const scores = table.map((r) => Number(r[2]));
    expect(scores[0]).toBeGreaterThanOrEqual(scores[1]!);
    expect(table.map((r) => r[0])).toEqual(['1', '2']);
    const byGroup = Object.fromEntries(table.map((r) => [r[1], r[2]]));
    expect(byGroup).toEqual({ 'Group A': scoreA, 'Group B': scoreB });
    expect(await page.getByTestId('board-status').innerText()).toMatch(/2 codes verified by replaying in \d+ ms: 2 on the board, 0 rejected/);
    expect(await page.locator('.tie-break').innerText()).toMatch(/Equal scores are ordered by customer equity/);
    await screenshot(page, 'scene-scoreboard');
    await expectNothingCut(page, 'the scoreboard');

    // Group A's QR code, as shown on its final results, scans back to the code already collected.
    await page.getByTestId('qr-image-input').setInputFiles({ name: 'group-a.png', mimeType: 'image/png', buffer: qrImageA });
    await expect.poll(() => page.locator('#announcer').innerText(), { timeout: 15_000 }).toBe('0 new codes scanned from group-a.png; 1 already on the board.');
    await waitForScene(page, 'Scoreboard');
    await expect.poll(() => page.locator('.board-table tbody tr').count()).toBe(2);

    // Luck or skill: every group's decisions on 100 other seeds.
    await page.getByRole('button', { name: /Luck or skill: replay on 100 other seeds/ }).click();
    await expect.poll(() => page.locator('.luck-cell').first().innerText(), { timeout: 30_000 }).toMatch(/± .* rank held \d+%/);

    // The projector view: places revealed from last to first, by button and by key.
    await page.getByRole('button', { name: 'Projector view' }).click();
    await waitForScene(page, 'Projector');
    const places = page.locator('.projector-row .place-group');
    await expect.poll(() => places.allInnerTexts()).toEqual(['to be revealed', 'to be revealed']);
    await screenshot(page, 'scene-scoreboard-projector-hidden');
    const last = table[1]![1]!;
    const first = table[0]![1]!;
    await page.getByRole('button', { name: /Reveal next place/ }).click();
    await expect.poll(() => places.allInnerTexts()).toEqual(['to be revealed', last]);
    // The place just revealed slides in; the one still hidden does not move.
    const rowClasses = () => page.locator('.projector-row').evaluateAll((rows) => rows.map((r) => r.classList.contains('revealing')));
    expect(await rowClasses()).toEqual([false, true]);
    await page.keyboard.press('n');
    await expect.poll(() => places.allInnerTexts()).toEqual([first, last]);
    expect(await rowClasses()).toEqual([true, false]);
    await waitForSettled(page);
    await screenshot(page, 'scene-scoreboard-projector');
    await expectNothingCut(page, 'the projector view');
    await page.getByRole('button', { name: 'Back to the board' }).click();
    await waitForScene(page, 'Scoreboard');

    // A ghost: play the heat against group A's decisions, its figures beside each quarter.
    await page.getByRole('button', { name: 'Play against this group’s decisions: Group A' }).click();
    await waitForScene(page, 'Briefing');
    await page.getByRole('checkbox', { name: /Guide me/ }).setChecked(false);
    await page.getByRole('button', { name: 'Start the first quarter' }).click();
    await planSales(page);
    const ghost = page.getByRole('complementary', { name: 'Ghost: Group A' });
    await expect.poll(() => ghost.innerText()).toMatch(/Quarter 1: revenue \$[\d,]+ · profit/);
    await waitForSettled(page);
    await screenshot(page, 'scene-quarter-report-ghost');
    await expectNothingCut(page, 'the quarter report with a ghost');

    expect(problems).toEqual([]);
  }, 300_000);

  it('rejects a garbage code and a tampered code with their reasons, keeps the valid rows, reads a file and a QR image', async () => {
    const { page, problems } = await start();
    await page.getByRole('button', { name: 'Run a workshop (instructor)' }).click();
    await waitForScene(page, 'Workshop');
    await page.getByRole('button', { name: 'Open the scoreboard' }).click();
    await waitForScene(page, 'Scoreboard');
    const seed = scenario.defaultSeed;
    const good = [botCode('balanced', 'Group A', seed), botCode('all-sales', 'Group B', seed)];
    const payload = decodeResultCode(botCode('all-marketing', 'Group C', seed));
    const tampered = encodeResultCode({ ...payload, claimedScore: payload.claimedScore + 25 });
    const otherHeat = botCode('balanced', 'Group F', seed + 1);
    const truncated = botCode('adaptive', 'Group G', seed).slice(0, 30);
    await page.getByRole('textbox', { name: 'Paste codes, one per line' }).fill([good[0], 'hello world, this is not a code', tampered, good[1], otherHeat, truncated].join('\n'));
    await page.getByRole('button', { name: 'Verify and add' }).click();
    await expect.poll(() => page.getByTestId('board-status').innerText()).toMatch(/6 codes verified by replaying in \d+ ms: 2 on the board, 4 rejected/);
    const groups = await page.locator('.board-table tbody th').allInnerTexts();
    expect(groups.sort()).toEqual(['Group A', 'Group B']);
    const rejected = await page.locator('.rejected-list li').allInnerTexts();
    expect(rejected).toHaveLength(4);
    expect(rejected[0]).toMatch(/^code 2: .*(result code|not)/i);
    expect(rejected[1]).toMatch(/^code 3 \(Group C\): the code claims a score of [\d.]+, but its decisions score [\d.]+/);
    expect(rejected[2]).toMatch(new RegExp(`^code 5 \\(Group F\\): the code was played on seed ${seed + 1}, not on this heat's seed ${seed}`));
    expect(rejected[3]).toMatch(/^code 6: the result code is cut off/);
    await screenshot(page, 'scene-scoreboard-rejected');
    await expectNothingCut(page, 'the scoreboard with rejected codes');

    // A file of codes (one per line), then a QR code in an image.
    await page.getByTestId('codes-file-input').setInputFiles({ name: 'codes.txt', mimeType: 'text/plain', buffer: Buffer.from(`${botCode('short-run-greedy', 'Group D', seed)}\n\n`) });
    await expect.poll(() => page.locator('.board-table tbody th').allInnerTexts()).toContain('Group D');
    const qr = qrcode(0, 'M');
    const scanned = botCode('random', 'Group E', seed);
    qr.addData(scanned, 'Alphanumeric');
    qr.make();
    const gif = Buffer.from(qr.createDataURL(4, 24).split(',')[1]!, 'base64');
    await page.getByTestId('qr-image-input').setInputFiles({ name: 'photo.gif', mimeType: 'image/gif', buffer: gif });
    await expect.poll(() => page.locator('.board-table tbody th').allInnerTexts(), { timeout: 15_000 }).toContain('Group E');
    // An image with no QR code in it says so.
    await page.getByTestId('qr-image-input').setInputFiles({ name: 'blank.gif', mimeType: 'image/gif', buffer: Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64') });
    await expect.poll(() => page.getByRole('alert').allInnerTexts()).toContainEqual(expect.stringMatching(/No QR code could be read in blank\.gif/));
    expect(await page.locator('.board-table tbody tr').count()).toBe(4);

    // The camera: headless Chromium has none, so the scoreboard says so in words and goes on.
    const camera = page.getByRole('button', { name: 'Scan with the camera' });
    if ((await camera.count()) > 0) {
      await camera.click();
      await expect.poll(() => page.getByRole('alert').allInnerTexts()).toContainEqual(expect.stringMatching(/camera/i));
      expect(await page.getByRole('dialog').count()).toBe(0);
    }

    // The exports: CSV for grading (verified rows in rank order, then the rejected with reasons), JSON.
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(csvDownload.suggestedFilename()).toBe(`scoreboard-two-hats-seed-${seed}.csv`);
    const csv = readFileSync((await csvDownload.path())!, 'utf8').split('\r\n');
    expect(csv[0]).toMatch(/^rank,group,status,score,claimed_score,profit_points,/);
    expect(csv.filter((line) => /,verified,/.test(line))).toHaveLength(4);
    expect(csv.filter((line) => /,rejected,/.test(line))).toHaveLength(4);
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
    const json = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8'));
    expect(json).toMatchObject({ format: 'marketing-and-sales/results@1', heat: { seed, source: 'heat' } });
    expect(json.ranking).toHaveLength(4);
    expect(json.rejected.map((r: { reason: string }) => r.reason)).toContain('score-mismatch');

    // Rejected codes can be removed; the board is unharmed.
    await page.getByRole('button', { name: 'Remove the 4 rejected' }).click();
    await expect.poll(() => page.locator('.rejected-list li').count()).toBe(0);
    expect(await page.locator('.board-table tbody tr').count()).toBe(4);

    // A line longer than any code is refused in words, not stored cut short.
    await page.getByRole('textbox', { name: 'Paste codes, one per line' }).fill('X'.repeat(MAX_CODE_CHARS + 1));
    await page.getByRole('button', { name: 'Verify and add' }).click();
    await expect.poll(() => page.getByRole('alert').allInnerTexts()).toContainEqual(expect.stringMatching(/1 line was too long to be a result code/));
    expect(await page.locator('.rejected-list li').count()).toBe(0);

    // Typing another seed digit by digit passes through other heats; coming back brings the codes back.
    await page.getByRole('button', { name: 'Back to the workshop' }).click();
    await waitForScene(page, 'Workshop');
    const seedBox = page.getByRole('spinbutton', { name: 'Seed' });
    await seedBox.fill('');
    await seedBox.pressSequentially('12345');
    await expect.poll(() => page.locator('.heat-progress').innerText()).toMatch(/Result codes collected: 0\./);
    await seedBox.fill('');
    await seedBox.pressSequentially(String(seed));
    await expect.poll(() => page.locator('.heat-progress').innerText()).toMatch(/Result codes collected: 4\./);
    expect((await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!), WORKSHOP_KEY)).codes).toHaveLength(4);
    expect(problems).toEqual([]);
  }, 120_000);

  it('puts a solo game on the browser’s local board, verified by replaying: a forged entry is not counted', async () => {
    const { page, problems } = await start();
    const seed = 5;
    const payload = decodeResultCode(botCode('all-sales', 'Game 1', seed));
    const forged = encodeResultCode({ ...payload, claimedScore: payload.claimedScore + 50 });
    await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [
      'marketing-and-sales.local-board',
      JSON.stringify({ format: 'marketing-and-sales-local-board', version: 1, boards: { [boardKey(scenario, seed)]: [forged] } }),
    ]);
    // Played quickly through the test hook, as the browser bench plays (the scenes follow the flow).
    await page.evaluate((s) => window.marketingAndSales.newGame('two-hats', s), seed);
    const send = (event: object) => sendEvents(page, [event]);
    await send({ type: 'START' });
    for (let i = 0; i < 80 && (await view(page))?.phase !== 'finished'; i++) {
      const phase = (await view(page))?.phase;
      if (phase === 'dispute') await settleDispute(page);
      else if (phase === 'review') await send({ type: 'NEXT' });
      else {
        await send({ type: 'SET_MOVE', move: { kind: 'prospecting', points: 3 } });
        await send({ type: 'SET_MOVE', move: { kind: 'campaign', target: 'house-blend', points: 4 } });
        await send({ type: 'COMMIT' });
      }
    }
    await waitForScene(page, 'FinalResults');
    const local = page.getByRole('region', { name: 'Local scoreboard', exact: true });
    await expect.poll(() => local.innerText()).toMatch(new RegExp(`Local scoreboard: ${literal(scenario.title)}, seed ${seed}[\\s\\S]*This game ranks 1 of 1`));
    expect(await local.locator('tr.current th').innerText()).toMatch(/^Game 2 · .* \(this game\)$/);
    expect(await local.locator('tr.rejected').innerText()).toMatch(/Game 1\s+Not counted: the code claims a score of [\d.]+, but its decisions score/);
    await waitForSettled(page);
    await screenshot(page, 'scene-final-results-local-board');
    await expectNothingCut(page, 'the final results with the local board');
    // Opening the results again (a reload, Continue) does not put the same game on twice.
    await page.reload({ waitUntil: 'load' });
    await page.getByRole('button', { name: new RegExp(`^Continue: ${literal(scenario.title)}, final results`) }).click();
    await waitForScene(page, 'FinalResults');
    await expect.poll(() => local.locator('tbody tr').count()).toBe(2);
    expect(problems).toEqual([]);
  }, 120_000);

  it('joins a heat by its code, says what is wrong with a bad code, and plays the heat’s seed as the group', async () => {
    const { page, problems } = await start();
    // A damaged workshop in the browser is reported in words and set aside, never a crash.
    await page.evaluate((key) => localStorage.setItem(key, '{"format":"marketing-and-sales-workshop",'), WORKSHOP_KEY);
    await page.getByRole('button', { name: 'Run a workshop (instructor)' }).click();
    await waitForScene(page, 'Workshop');
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/saved workshop could not be opened: it is damaged \(it is not readable JSON\).*kept in this browser under “marketing-and-sales\.rejected-workshop\.1”/);
    expect(await page.evaluate(() => localStorage.getItem('marketing-and-sales.rejected-workshop.1'))).toBe('{"format":"marketing-and-sales-workshop",');
    await screenshot(page, 'scene-workshop-damaged');
    await page.getByRole('button', { name: 'Back to the title' }).click();
    await waitForScene(page, 'Title');

    await page.getByRole('button', { name: 'Join a workshop heat' }).click();
    await waitForScene(page, 'JoinHeat');
    const heat = makeHeatCode(scenario, 4242);
    const mistyped = heat.slice(0, 2) + (heat[2] === '7' ? '8' : '7') + heat.slice(3);
    await page.getByRole('textbox', { name: 'Heat code' }).fill(mistyped);
    await page.getByRole('textbox', { name: 'Your group’s name' }).fill('   ');
    await page.getByRole('button', { name: 'Join the heat' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText()).toMatch(/Heat code: The heat code does not add up: a symbol was mistyped\.\s*Group name: A group name cannot be empty\./);
    await screenshot(page, 'scene-join-heat-error');
    await expectNothingCut(page, 'join a heat');
    await page.getByRole('textbox', { name: 'Heat code' }).fill('ABC');
    await page.getByRole('textbox', { name: 'Your group’s name' }).fill('The Closers');
    await page.getByRole('button', { name: 'Join the heat' }).click();
    await expect.poll(() => alert.innerText()).toMatch(/has 3 symbols; a heat code has 10/);
    await page.getByRole('textbox', { name: 'Heat code' }).fill(heat.toLowerCase());
    await page.getByRole('button', { name: 'Join the heat' }).click();
    await waitForScene(page, 'Briefing');
    // The game is saved in the group's own slot, with the group (for its result code after a reload).
    const slot = await page.evaluate(() => {
      const { current } = window.marketingAndSales.saves();
      return { current, envelope: current === null ? null : JSON.parse(localStorage.getItem(current)!) };
    });
    expect(slot.current).toBe('marketing-and-sales.slot.join.two-hats.4242.The%20Closers');
    expect(slot.envelope.playAs).toMatchObject({ mode: 'join', group: 'The Closers', seed: 4242, scenarioId: 'two-hats' });
    expect((await view(page))?.quarter).toBe(1);
    expect(problems).toEqual([]);
  }, 90_000);
});
