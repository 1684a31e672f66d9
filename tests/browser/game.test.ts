// The game played in Chromium against the production build, as a trainee plays it: by
// role-named controls, by mouse coordinates, by keyboard alone and by touch; saves that resume
// and saves that are damaged; and a screenshot of every scene in test-output/browser/.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatMoney } from '../../src/app/format';
import { literal, loadShipped, nameOf } from '../support/scenarios';
import { launchChromium } from './chromium';
import { SITTING_KEEPING_THE_LINE, expectChartsClear, expectNothingCut, gameView, openGame, outputDir, planAndCommit, scenes, screenshot, sendEvents, view, waitForScene, waitForSettled, type GamePage } from './support';

const SAVE_KEY = 'marketing-and-sales.save';
// The texts the game shows from the scenario file are read from it, not written out here.
const twoHats = loadShipped('two-hats');
const dispute = twoHats.dispute!;
const disputedAccount = nameOf(twoHats.accounts, dispute.account);
const disputedProduct = nameOf(twoHats.products, dispute.product);
const disputedFixedCost = twoHats.products.find((p) => p.id === dispute.product)!.fixedCost;

async function newGame(page: Page, tour = false): Promise<void> {
  await page.getByRole('button', { name: 'New game' }).click();
  await waitForScene(page, 'ScenarioSelect');
  await page.getByRole('button', { name: `Play ${twoHats.title}` }).click();
  await waitForScene(page, 'Briefing');
  await page.getByRole('checkbox', { name: /Guide me/ }).setChecked(tour);
  await page.getByRole('button', { name: 'Start the first quarter' }).click();
  await waitForScene(page, 'Planning');
}

describe('the game in Chromium', () => {
  const baseUrl = inject('browserBaseUrl');
  let browser: Browser;
  const open: GamePage[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });

  // One game page at a time: software WebGL on a small machine is shared by every open page.
  afterEach(async () => {
    for (const game of open.splice(0)) await game.close();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function start(options = {}): Promise<GamePage> {
    const game = await openGame(browser, baseUrl, options);
    open.push(game);
    return game;
  }

  it('plays a whole game of two-hats through role-named controls, to the final results, with a screenshot of every scene', async () => {
    const { page, problems } = await start();
    expect(await page.evaluate(() => window.marketingAndSales.renderer())).toBe('webgl');
    await waitForScene(page, 'Title');
    await screenshot(page, 'scene-title');
    await expectNothingCut(page, 'the title');

    await page.getByRole('button', { name: 'New game' }).click();
    await waitForScene(page, 'ScenarioSelect');
    await expect.poll(() => page.getByText(/What you will learn/).count()).toBeGreaterThan(0);
    await screenshot(page, 'scene-scenario-select');
    await expectNothingCut(page, 'scenario select');
    await page.getByRole('button', { name: `Play ${twoHats.title}` }).click();
    await waitForScene(page, 'Briefing');
    await screenshot(page, 'scene-briefing');
    await expectNothingCut(page, 'the briefing');
    await page.getByRole('button', { name: 'Start the first quarter' }).click();

    // The guided first quarter points at each part of the planning screen, and can be skipped.
    await page.getByRole('dialog', { name: /Your effort budget/ }).waitFor();
    await screenshot(page, 'scene-planning-tour');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('dialog', { name: /Marketing moves/ }).waitFor();
    await page.getByRole('button', { name: 'Skip the tour' }).click();
    expect(await page.getByRole('dialog').count()).toBe(0);

    // Help says what every move does.
    await page.getByRole('button', { name: /^Help/ }).click();
    const help = page.getByRole('dialog', { name: 'What every move does' });
    await expect.poll(() => help.innerText()).toMatch(/Relationship building[\s\S]*CALLPLAN/);
    await screenshot(page, 'scene-planning-help');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);

    let disputes = 0;
    for (let quarter = 1; quarter <= twoHats.quarters; quarter++) {
      await waitForScene(page, 'Planning');
      expect((await view(page))?.quarter).toBe(quarter);
      if (quarter === 1) {
        await page.getByRole('slider', { name: /Campaign for a product line/ }).fill('4');
        await page.getByRole('button', { name: 'One point more: Prospecting' }).click();
        // Undo steps back within the quarter.
        await page.getByRole('button', { name: 'Undo the last change' }).click();
        expect((await view(page))?.draft).toEqual([{ kind: 'campaign', target: 'house-blend', points: 4 }]);
        await expectNothingCut(page, 'planning');
        await screenshot(page, 'scene-planning');
      }
      await planAndCommit(page, quarter);
      if (quarter === 1) {
        await waitForSettled(page);
        // Settled means the count-up has finished: each figure shows what its label reads out.
        const kpis = await page.locator('.kpi').evaluateAll((els) => els.map((el) => [el.getAttribute('aria-label'), el.querySelector('strong')?.textContent]));
        expect(kpis).toHaveLength(4);
        for (const [label, shown] of kpis) expect(label).toMatch(new RegExp(`^[A-Za-z ]+: ${shown!.replace(/[$+]/g, '\\$&')}(, [+−]|$)`));
        await screenshot(page, 'scene-quarter-report');
        await expectNothingCut(page, 'the quarter report');
        // Every account's relationship bar is named, and the value axes show their figures whole
        // (abbreviated, "$148K"), never cut.
        const accountCount = await page.getByRole('list', { name: 'Account relationships' }).getByRole('listitem').count();
        expect(await page.locator('.account-label').count()).toBe(accountCount);
        const axes = await page.locator('.axis.value').evaluateAll((els) => els.map((el) => ({ text: el.textContent, fits: el.scrollWidth <= el.clientWidth })));
        expect(axes).toHaveLength(4);
        for (const axis of axes) expect(axis).toEqual({ text: expect.stringMatching(/^−?\$\d+(\.\d+)?[KMB]?$/), fits: true });
      }
      const next = page.getByRole('button', { name: /^(Plan quarter|Hear the dispute|See the final results)/ });
      const label = await next.innerText();
      await next.click();
      if (label.startsWith('Hear the dispute')) {
        await waitForScene(page, 'Dispute');
        disputes += 1;
        // Marketing's case, then sales', then the options: the two leaders with their numbers.
        await expect.poll(() => page.getByRole('region', { name: new RegExp(`^Marketing’s case: ${literal(dispute.marketing.name)}`) }).innerText()).toMatch(new RegExp(`Fixed cost dropping it saves\\s+${literal(formatMoney(disputedFixedCost))} a quarter`));
        await screenshot(page, 'scene-dispute-marketing');
        await page.getByRole('button', { name: 'Hear sales’ case' }).click();
        await expect.poll(() => page.getByRole('region', { name: new RegExp(`^Sales’ case: ${literal(dispute.sales.name)}`) }).innerText()).toMatch(new RegExp(`${literal(disputedAccount)} \\(key account\\) buys`));
        await screenshot(page, 'scene-dispute-sales');
        await page.getByRole('button', { name: 'To the options' }).click();
        await page.getByRole('group', { name: 'Ways to settle the dispute' }).waitFor();
        await screenshot(page, 'scene-dispute');
        await expectNothingCut(page, 'the dispute');
        // A joint meeting first, then keep the line: marketing loses, but was heard, and says so.
        await page.getByRole('button', { name: 'Hold a joint meeting' }).click();
        await expect.poll(() => page.getByRole('button', { name: 'Hold a joint meeting' }).isDisabled()).toBe(true);
        await page.getByRole('button', { name: 'Keep the line' }).click();
        // A decision asks to confirm first: Choose again goes back to every option.
        await page.getByRole('button', { name: 'Choose again' }).click();
        await page.getByRole('button', { name: 'Keep the line' }).click();
        await screenshot(page, 'scene-dispute-confirm');
        await expect.poll(() => page.getByRole('group', { name: 'Confirm the decision' }).innerText()).toMatch(/cannot be taken back/);
        await page.getByRole('button', { name: 'Confirm: Keep the line' }).click();
        await expect.poll(() => page.getByRole('region', { name: /^Marketing’s case/ }).innerText()).toMatch(new RegExp(`${literal(dispute.marketing.reactions.heard)}[\\s\\S]*overruled, but heard`));
        await screenshot(page, 'scene-dispute-consequences');
        await expectNothingCut(page, 'the dispute’s consequences');
        await page.getByRole('button', { name: /^On to quarter/ }).click();
      }
    }
    await waitForScene(page, 'FinalResults');
    expect(disputes).toBe(1);
    expect((await view(page))?.phase).toBe('finished');
    await expect.poll(() => page.getByRole('table', { name: 'Scorecard components' }).innerText()).toMatch(/Customer equity/);
    await waitForSettled(page);
    await screenshot(page, 'scene-final-results');
    await expectNothingCut(page, 'the final results');

    // The debrief: the dispute with its anchor revealed, the heard leader's reaction, the
    // timeline, the causal chains, the ideas, a same-draw fork, the JSON and a clean print.
    await page.getByRole('button', { name: 'Open the debrief' }).click();
    await waitForScene(page, 'Debrief');
    const doc = page.getByRole('article', { name: 'Debrief' });
    await expect.poll(() => doc.innerText()).toMatch(new RegExp(`Hidden until now: ${literal(disputedAccount)}’s loyalty hung on ${literal(disputedProduct)} at \\d+%`));
    const text = await doc.innerText();
    expect(text).toMatch(/Your path: Hold a joint meeting \(before Q\d+\) → Keep the line/);
    expect(text).toContain(dispute.marketing.reactions.heard);
    expect(await doc.getByRole('row').count()).toBe(1 + twoHats.quarters);
    // The swings' causes are one list, each cause said once and naming the figures it moved.
    const causes = await doc.getByRole('list', { name: 'What led to them, in order' }).getByRole('listitem').allInnerTexts();
    expect(causes.length).toBeGreaterThan(0);
    expect(new Set(causes).size).toBe(causes.length);
    for (const cause of causes) expect(cause).toMatch(/ Moved (profit|revenue|customer equity|active accounts).* in Q\d+/);
    expect(text).toMatch(/Each needs the other/i);
    // It opens with this game's three lessons and a "Next time, try …" line, before the score.
    const lessons = await doc.getByRole('list', { name: 'Lessons from this game' }).getByRole('listitem').allInnerTexts();
    expect(lessons).toHaveLength(3);
    expect(text).toMatch(/^Three lessons from this game\s+[\s\S]*\sNext time, try [^\n]+\n[\s\S]*Your score/);
    await screenshot(page, 'scene-debrief');
    await expectNothingCut(page, 'the debrief');
    expect(await doc.locator('svg.chart .marker-label').count()).toBe(3);
    await expectChartsClear(page, 'the debrief');
    // One colour per meaning: the debrief draws profit, revenue and customer equity in the colours
    // the quarter report's legend gives them (the page's --colour-* properties), and profit is not the sales colour.
    const chartColours = await page.evaluate(() => {
      // Both read as the browser computes them ("rgb(51, 34, 136)"): the built CSS writes "#328".
      const rgb = (colour: string | null | undefined) => {
        const probe = document.createElement('span');
        probe.style.color = colour ?? '';
        document.body.append(probe);
        const computed = getComputedStyle(probe).color;
        probe.remove();
        return computed;
      };
      const meant = (name: string) => rgb(`var(--colour-${name})`);
      const stroke = (chart: string, n: number) => rgb(document.querySelectorAll(`svg.chart[aria-label^="${chart}"] polyline`)[n]?.getAttribute('stroke'));
      return {
        revenue: [stroke('Revenue and profit', 0), meant('revenue')],
        profit: [stroke('Revenue and profit', 1), meant('profit')],
        customerEquity: [stroke('Customer equity', 0), meant('customer-equity')],
        sales: meant('sales'),
      };
    });
    for (const [drawn, meant] of [chartColours.revenue, chartColours.profit, chartColours.customerEquity]) expect(drawn).toBe(meant);
    expect(chartColours.profit[0]).not.toBe(chartColours.sales);
    // The game met first, then kept the line: keeping it at once is an alternative, and says so.
    expect(await doc.getByRole('group', { name: 'Replay the dispute another way' }).getByRole('button').allInnerTexts()).toEqual([
      'What if: discontinue now',
      'What if: keep the line, without the meeting',
      'What if: reprice',
      'What if: phase out over two quarters',
    ]);
    expect(await doc.locator('svg.chart .dashed-series').count()).toBe(0);
    await page.getByRole('button', { name: 'What if: discontinue now' }).click();
    await expect.poll(() => doc.getByRole('table').filter({ hasText: 'The other way' }).innerText()).toMatch(/Final score[\s\S]*The account/);
    // The other way is drawn on the game's own charts, dashed, from the quarter it decided otherwise:
    // revenue and profit, customer equity, and the effort as an outline around each bar.
    const dashed = await page.evaluate(() =>
      [...document.querySelectorAll<SVGSVGElement>('.ui-layer svg.chart')].map((svg) => ({
        title: svg.querySelector('text')?.textContent,
        note: svg.querySelector('.dashed-note')?.textContent ?? null,
        lines: [...svg.querySelectorAll('polyline.dashed-series')].map((l) => ({ stroke: l.getAttribute('stroke'), points: l.getAttribute('points')!.split(' ').length, dashes: l.getAttribute('stroke-dasharray') })),
        solid: [...svg.querySelectorAll('polyline:not(.dashed-series)')].map((l) => l.getAttribute('stroke')),
        outlines: svg.querySelectorAll('rect.dashed-series').length,
      })),
    );
    const from = Number(/from quarter (\d+)/.exec(await doc.getByRole('heading', { name: /against Discontinue now, from quarter \d+/ }).innerText())![1]);
    expect(dashed.map((c) => c.title)).toEqual(['Effort split per quarter', 'Revenue and profit', 'Customer equity']);
    for (const chart of dashed) expect(chart.note).toBe('What if (dashed): discontinue now');
    expect(dashed[0]!.outlines).toBe(twoHats.quarters - from + 1);
    // Each dashed line in its figure's colour, branching off at the last quarter both games shared.
    expect(dashed[1]!.lines.map((l) => l.stroke)).toEqual(dashed[1]!.solid);
    expect(dashed[2]!.lines.map((l) => l.stroke)).toEqual(dashed[2]!.solid);
    for (const line of [...dashed[1]!.lines, ...dashed[2]!.lines]) expect(line).toMatchObject({ points: twoHats.quarters - from + 2, dashes: expect.stringMatching(/\d/) });
    await expectChartsClear(page, 'the debrief with a what-if');
    await expectNothingCut(page, 'the debrief with a what-if');
    await screenshot(page, 'scene-debrief-fork');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as JSON' }).click()]);
    const json = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { format: string; timeline: unknown[]; forks: { alternative: string }[]; dispute: { anchorStrength: number }; lessons: { title: string; text: string }[] };
    expect(json.format).toBe('marketing-and-sales/debrief@1');
    // The lessons shown are the debrief's own (title, then the sentence with its figures).
    const squeeze = (t: string) => t.replace(/\s+/g, ' ').trim();
    expect(json.lessons.map((l) => squeeze(`${l.title} ${l.text}`))).toEqual(lessons.map(squeeze));
    expect(json.timeline).toHaveLength(10);
    expect(json.forks.map((f) => f.alternative)).toEqual(['discontinue']);
    expect(text).toContain(`${Math.round(json.dispute.anchorStrength * 100)}%`);
    // Printing shows the debrief alone, in the page's flow (the game's canvas and controls hidden).
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('canvas').isVisible()).toBe(false);
    expect(await page.locator('#print-root').isVisible()).toBe(true);
    expect(await page.locator('#print-root').innerText()).toMatch(new RegExp(`^Debrief: ${literal(twoHats.title)}[\\s\\S]*What this game shows`));
    expect(await page.locator('#print-root button').count()).toBe(0);
    const pdf = await page.pdf({ path: `${outputDir}debrief.pdf`, format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    // A whole game, dispute and debrief included, loads no script beyond those the page names at
    // start and those it fetches as soon as it is up: the game's own scenes (with the chunks they
    // import) and the forecast's worker, and the sound synthesiser the first time a sound plays
    // (the scenario-file loader and the QR code libraries load only when used).
    const scripts = await page.evaluate(async () => {
      const base = document.baseURI;
      const html = await (await fetch(new URL('index.html', base))).text();
      // Named as a script or as a module the page preloads (a chunk the entry imports).
      const named = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
      const loaded = performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((n) => new URL(n).pathname.endsWith('.js'))
        .map((n) => new URL(n).pathname.slice(new URL(base).pathname.length));
      const scenes = loaded.find((n) => n.startsWith('assets/game-scenes-')) ?? null;
      // The chunks the game's scenes import: `from"./x.js"` in the built chunk.
      const imported = scenes ? [...(await (await fetch(new URL(scenes, base))).text()).matchAll(/from"\.\/([^"]+\.js)"/g)].map((m) => `assets/${m[1]!}`) : [];
      const synth = loaded.find((n) => n.startsWith('assets/sound-synth-')) ?? null;
      return { named, loaded, scenes, imported, synth, worker: loaded.find((n) => n.startsWith('assets/forecast-worker-')) ?? null };
    });
    expect(scripts.named.length).toBeGreaterThan(0);
    expect(scripts.scenes).not.toBeNull();
    expect(scripts.worker).not.toBeNull();
    // The game was played by clicks, so its sounds played, and only then was the synthesiser fetched.
    expect((await page.evaluate(() => window.marketingAndSales.sounds()))!.played).toContain('commit');
    expect(scripts.synth).not.toBeNull();
    const fetchedAtStart = new Set([...scripts.named, ...scripts.imported, scripts.scenes!, scripts.worker!, scripts.synth!]);
    expect([...new Set(scripts.loaded)].filter((name) => !fetchedAtStart.has(name))).toEqual([]);
    expect(scripts.loaded.some((name) => /^assets\/(load|jsQR|qrcode)-/.test(name))).toBe(false);
    expect(problems).toEqual([]);
  }, 240_000);

  it('takes clicks at the planning controls’ places on screen (mouse coordinates)', async () => {
    const { page, problems } = await start();
    await newGame(page);
    const centre = async (name: RegExp | string, role: 'button' | 'slider' = 'button') => {
      const box = (await page.getByRole(role, { name }).boundingBox())!;
      return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
    };
    // A still screen lets the game loop sleep (no WebGL frame is drawn for nothing)…
    await expect.poll(() => page.evaluate(() => window.marketingAndSales.drawing())).toBe(false);
    const budgetBar = { x: 340, y: 50, width: 480, height: 16 };
    const barBefore = await page.screenshot({ clip: budgetBar });
    const more = await centre('One point more: Prospecting');
    await page.mouse.click(more.x, more.y);
    await page.mouse.click(more.x, more.y);
    expect((await view(page))?.draft).toEqual([{ kind: 'prospecting', points: 2 }]);
    // …and a move wakes it: the canvas's budget bar shows the sales points.
    await expect.poll(async () => (await page.screenshot({ clip: budgetBar })).equals(barBefore)).toBe(false);
    await expect.poll(() => page.evaluate(() => window.marketingAndSales.drawing())).toBe(false);
    const less = await centre('One point less: Prospecting');
    await page.mouse.click(less.x, less.y);
    expect((await view(page))?.draft).toEqual([{ kind: 'prospecting', points: 1 }]);

    // Dragging a slider from its start to the middle of its track sets about half the budget.
    const slider = await centre(/Brand building/, 'slider');
    await page.mouse.move(slider.box.x + 4, slider.y);
    await page.mouse.down();
    await page.mouse.move(slider.box.x + slider.box.width * 0.3, slider.y, { steps: 4 });
    await page.mouse.move(slider.box.x + slider.box.width / 2, slider.y, { steps: 4 });
    await page.mouse.up();
    const brand = (await view(page))?.draft.find((m) => m.kind === 'brand');
    expect(brand?.points).toBeGreaterThanOrEqual(8);
    expect(brand?.points).toBeLessThanOrEqual(12);

    const commit = await centre(/^Commit quarter/);
    await page.mouse.click(commit.x, commit.y);
    // Effort is left unspent, so Commit asks first.
    await page.getByRole('alertdialog', { name: 'Commit with effort unspent?' }).waitFor();
    await screenshot(page, 'scene-planning-commit-unspent');
    const anyway = await centre(/^Commit anyway/);
    await page.mouse.click(anyway.x, anyway.y);
    await waitForScene(page, 'QuarterReport');
    expect((await view(page))?.history).toHaveLength(1);
    expect(problems).toEqual([]);
  }, 90_000);

  it('leaves no stale dispute screen when a whole sitting is decided within one frame', async () => {
    const { page, problems } = await start();
    const send = (events: readonly object[]) => sendEvents(page, events);
    await page.evaluate(() => window.marketingAndSales.newGame('two-hats', 1));
    await send([{ type: 'START' }]);
    while ((await view(page))?.phase !== 'dispute') {
      await send([{ type: 'SET_MOVE', move: { kind: 'prospecting', points: 3 } }, { type: 'COMMIT' }, { type: 'NEXT' }]);
    }
    await waitForScene(page, 'Dispute');
    // Each step of the sitting asks the dispute screen to redraw; the last one ends the dispute.
    await send(SITTING_KEEPING_THE_LINE);
    await waitForScene(page, 'Planning');
    // Settled: any restart still queued (by the sitting's last snapshot) has run by now.
    await waitForSettled(page);
    expect(await page.evaluate(() => window.marketingAndSales.scenes())).toEqual(['Planning']);
    expect(problems).toEqual([]);
  }, 90_000);

  it('pages through the accounts once there are more than one page holds, and a move keeps the page shown', async () => {
    const { page, problems } = await start();
    const send = (events: readonly object[]) => sendEvents(page, events);
    await page.evaluate(() => window.marketingAndSales.newGame('two-hats', 1));
    await send([{ type: 'START' }]);
    const more = page.getByRole('button', { name: 'More accounts' });
    const accounts = page.getByRole('list', { name: 'Accounts and their relationships' }).getByRole('listitem');
    // Marketing builds the leads and prospecting turns them into accounts until a page (14) overflows.
    for (let quarter = 1; quarter <= twoHats.quarters && (await more.count()) === 0; quarter++) {
      const phase = (await view(page))?.phase;
      if (phase === 'dispute') await send(SITTING_KEEPING_THE_LINE);
      await waitForScene(page, 'Planning');
      if ((await more.count()) > 0) break;
      await send([
        { type: 'SET_MOVE', move: { kind: 'campaign', target: 'house-blend', points: 4 } },
        { type: 'SET_MOVE', move: { kind: 'brand', points: 4 } },
        { type: 'SET_MOVE', move: { kind: 'prospecting', points: 10 } },
        { type: 'COMMIT' },
        { type: 'NEXT' },
      ]);
    }
    await waitForScene(page, 'Planning');
    await expect.poll(() => more.count(), { message: 'more accounts than one page holds within ten quarters' }).toBe(1);
    const firstPage = await accounts.allTextContents();
    expect(firstPage).toHaveLength(14);
    await more.click();
    const secondPage = await accounts.allTextContents();
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.some((text) => firstPage.includes(text))).toBe(false);
    await expect.poll(() => page.getByText(/^15–\d+ of \d+$/).count()).toBe(1);
    // A move changes only the plan: the list stays on the page the player turned to.
    await page.getByRole('button', { name: 'One point more: Market research' }).click();
    expect(await accounts.allTextContents()).toEqual(secondPage);
    await page.getByRole('button', { name: 'Previous accounts' }).click();
    expect(await accounts.allTextContents()).toEqual(firstPage);
    expect(problems).toEqual([]);
  }, 120_000);

  it('plays one quarter by keyboard alone', async () => {
    const { page, problems } = await start();
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? `${el.tagName}:${el.getAttribute('aria-label') ?? el.textContent?.trim() ?? ''}` : '';
    });
    const tabTo = async (pattern: RegExp, key = 'Tab') => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press(key);
        if (pattern.test(await focused())) return;
      }
      throw new Error(`Tab never reached ${pattern}; focus is on ${await focused()}`);
    };
    await waitForScene(page, 'Title');
    await tabTo(/^BUTTON:New game/);
    await page.keyboard.press('Enter');
    await waitForScene(page, 'ScenarioSelect');
    await tabTo(/^BUTTON:Play Two Hats/);
    await page.keyboard.press('Enter');
    await waitForScene(page, 'Briefing');
    await tabTo(/^INPUT:/); // the tour checkbox
    await page.keyboard.press('Space'); // no tour this time
    await tabTo(/^BUTTON:Start the first quarter/);
    await page.keyboard.press('Enter');
    await waitForScene(page, 'Planning');

    await tabTo(/^INPUT:Campaign for a product line/);
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await tabTo(/^INPUT:Relationship building/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    // Shift-Tab goes back; the + stepper answers Space.
    await tabTo(/^BUTTON:One point more: Prospecting/, 'Shift+Tab');
    await page.keyboard.press('Space');
    expect((await view(page))?.draft).toEqual([
      { kind: 'campaign', target: 'house-blend', points: 4 },
      { kind: 'relationship', target: 'harbor-health', points: 1 },
      { kind: 'prospecting', points: 1 },
    ]);
    // A visible focus ring on the focused control.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
    // Ctrl+Z undoes the last change (the prospecting point), and the change comes back by keyboard.
    await page.keyboard.press('Control+z');
    expect((await view(page))?.draft.map((m) => m.kind)).toEqual(['campaign', 'relationship']);
    await page.keyboard.press('Space');
    expect((await view(page))?.draft.map((m) => m.kind)).toEqual(['campaign', 'relationship', 'prospecting']);
    await tabTo(/^BUTTON:Commit quarter 1/, 'Shift+Tab');
    await page.keyboard.press('Enter');
    // Effort is left unspent: the question takes the focus; Escape keeps planning, then confirm.
    await page.getByRole('alertdialog', { name: 'Commit with effort unspent?' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('alertdialog').count()).toBe(0);
    expect((await view(page))?.phase).toBe('planning');
    await page.keyboard.press('Enter');
    await page.getByRole('alertdialog', { name: 'Commit with effort unspent?' }).waitFor();
    await tabTo(/^BUTTON:Commit anyway/);
    await page.keyboard.press('Enter');
    await waitForScene(page, 'QuarterReport');
    await tabTo(/^BUTTON:Plan quarter 2/);
    await page.keyboard.press('Space');
    await waitForScene(page, 'Planning');
    expect((await view(page))?.quarter).toBe(2);
    expect(problems).toEqual([]);
  }, 120_000);

  it('resumes after a reload mid-game at the same quarter with the same figures', async () => {
    const { page, problems } = await start();
    await newGame(page);
    for (const quarter of [1, 2]) {
      await planAndCommit(page, quarter);
      await page.getByRole('button', { name: /^(Plan quarter|Hear the dispute)/ }).click();
      if ((await view(page))?.phase === 'dispute') {
        await waitForScene(page, 'Dispute');
        await page.getByRole('button', { name: 'Hear sales’ case' }).click();
        await page.getByRole('button', { name: 'To the options' }).click();
        await page.getByRole('button', { name: 'Discontinue now' }).click();
        await page.getByRole('button', { name: 'Confirm: Discontinue now' }).click();
        await page.getByRole('button', { name: /^On to quarter/ }).click();
      }
    }
    await waitForScene(page, 'Planning');
    // The same game, and the same forecast once it is in.
    const before = await gameView(page);
    expect(before?.quarter).toBe(3);
    await page.reload({ waitUntil: 'load' });
    const resume = page.getByRole('button', { name: new RegExp(`^Continue: ${literal(twoHats.title)}, quarter 3 of ${twoHats.quarters}`) });
    await resume.waitFor();
    await screenshot(page, 'scene-title-continue');
    await resume.click();
    await waitForScene(page, 'Planning');
    expect(await gameView(page)).toEqual(before);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Quarter 3 of 10');
    expect(problems).toEqual([]);
  }, 120_000);

  it.for([
    ['damaged JSON', '{"format":"marketing-and-sales-save","vers'],
    ['an older save format', JSON.stringify({ format: 'marketing-and-sales-save', version: 0, summary: { quarter: 2 }, snapshot: {} })],
    ['a snapshot the machine does not know', JSON.stringify({ format: 'marketing-and-sales-save', version: 2, summary: { scenarioTitle: 'x', quarter: 2, quarters: 10 }, snapshot: { status: 'active', value: 'nowhere', context: { scenario: {}, game: {} } } })],
  ] as const)('reports a save with %s, keeps it under another key and starts afresh', { timeout: 120_000 }, async ([, bad]) => {
    const { page, problems } = await start();
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [SAVE_KEY, bad] as const);
    await page.reload({ waitUntil: 'load' });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/could not be opened[\s\S]*old save is kept/);
    await waitForSettled(page);
    await screenshot(page, 'scene-title-bad-save');
    // The notice moves the doors up: none lies under the bottom band (the two sides, from y 540).
    const doors = (await page.getByRole('button', { name: 'Run a workshop (instructor)' }).boundingBox())!;
    expect(doors.y + doors.height).toBeLessThanOrEqual(540);
    const stored = await page.evaluate((key) => ({
      save: localStorage.getItem(key),
      kept: Object.keys(localStorage).filter((k) => k.startsWith('marketing-and-sales.rejected-save.')).map((k) => localStorage.getItem(k)),
    }), SAVE_KEY);
    expect(stored).toEqual({ save: null, kept: [bad] });
    expect(await page.getByRole('button', { name: /^Continue/ }).count()).toBe(0);
    await newGame(page);
    expect((await view(page))?.quarter).toBe(1);
    expect(problems).toEqual([]);
  });

  it('fits 1920×1080 and works by touch on a 1024×768 tablet (tap, drag a slider)', async () => {
    const big = await start({ viewport: { width: 1920, height: 1080 } });
    await newGame(big.page);
    await screenshot(big.page, 'scene-planning-1920x1080');
    await expectNothingCut(big.page, 'planning at 1920×1080');
    expect(big.problems).toEqual([]);

    const { page, problems } = await start({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true });
    await page.getByRole('button', { name: 'New game' }).tap();
    await waitForScene(page, 'ScenarioSelect');
    await page.getByRole('button', { name: `Play ${twoHats.title}` }).tap();
    await waitForScene(page, 'Briefing');
    await page.getByRole('checkbox', { name: /Guide me/ }).setChecked(false);
    await page.getByRole('button', { name: 'Start the first quarter' }).tap();
    await waitForScene(page, 'Planning');
    await page.getByRole('button', { name: 'One point more: Prospecting' }).tap();
    expect((await view(page))?.draft).toEqual([{ kind: 'prospecting', points: 1 }]);
    // A finger dragging the Market research slider to about a quarter of its track (the page
    // scrolls in the flowing layout: the slider is brought into view first, as a thumb would).
    const research = page.getByRole('slider', { name: /Market research/ });
    await research.scrollIntoViewIfNeeded();
    const box = (await research.boundingBox())!;
    const cdp = await page.context().newCDPSession(page);
    const y = box.y + box.height / 2;
    const touch = (type: string, x: number) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] } as never);
    await touch('touchStart', box.x + 3);
    for (let i = 1; i <= 6; i++) await touch('touchMove', box.x + 3 + ((box.width * 0.25) / 6) * i);
    await touch('touchEnd', box.x + box.width * 0.25);
    await expect.poll(async () => (await view(page))?.draft.find((m) => m.kind === 'research')?.points ?? 0).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'scene-planning-1024x768-touch');
    await expectNothingCut(page, 'planning at 1024×768');
    expect(await scenes(page)).toEqual(['Planning']);
    expect(problems).toEqual([]);
  }, 120_000);
});
