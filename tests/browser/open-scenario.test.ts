// Opening a scenario file of one's own in Chromium: through the hidden file input, by drag and
// drop, and by `?scenario=URL` on the game's own site; errors listed with line and column; a
// preview, then Play. A file with HTML and script in every text field is shown as text only and
// can be played; a `?scenario=` on another origin is refused and never fetched.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatMoney, formatPrice } from '../../src/app/format';
import { literal, loadFile, loadShipped, nameOf, shippedScenarioPath } from '../support/scenarios';
import { launchChromium } from './chromium';
import { commitUnspent, expectNothingCut, openGame, screenshot, waitForScene, type GamePage } from './support';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
// What the preview shows of the valid fixture is read from it, through the game's loader.
const valid = loadFile(fixture('valid.yaml'));
const classic = valid.products.find((p) => p.id === 'classic')!;
// A shipped file with a dispute, events and more accounts than the panel shows at once.
const divisions = loadShipped('divisions');
const PAYLOAD = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>';

async function toScenarioSelect(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'New game' }).click();
  await waitForScene(page, 'ScenarioSelect');
}

async function openThroughInput(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open scenario file…' }).click();
  await (await chooser).setFiles(fixture(file));
}

/** Nothing from the markup in a file became an element, and none of its script ran. */
async function expectNoMarkupRan(page: Page): Promise<void> {
  const found = await page.evaluate(() => ({
    flag: (window as unknown as { __xss?: unknown }).__xss,
    images: document.querySelectorAll('img[src="x"], img[onerror]').length,
    scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('__xss')).length,
  }));
  expect(found).toEqual({ flag: undefined, images: 0, scripts: 0 });
}

describe('opening a scenario file in Chromium', () => {
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

  /** The page opened at `search` (e.g. `?scenario=…`), with the same checks as openGame. */
  async function startAt(search: string): Promise<GamePage & { requests: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    const origin = new URL(baseUrl).origin;
    page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`uncaught error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
    page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
    page.on('request', (r) => {
      requests.push(r.url());
      const url = new URL(r.url());
      if (url.protocol !== 'data:' && url.origin !== origin) problems.push(`request leaves the page's origin: ${r.url()}`);
    });
    await page.goto(baseUrl + search, { waitUntil: 'load' });
    const game = { page, problems, requests, close: () => context.close() };
    open.push(game);
    return game;
  }

  it('opens a valid file through the file input, previews it and plays it', async () => {
    const { page, problems } = await start();
    await toScenarioSelect(page);
    await expect.poll(() => page.getByText('or drop a scenario file anywhere here').isVisible()).toBe(true);
    await expectNothingCut(page, 'scenario select with Open scenario file');
    await openThroughInput(page, 'valid.yaml');
    await page.getByRole('heading', { level: 1, name: valid.title }).waitFor();
    const side = page.getByRole('region', { name: 'Product lines and accounts' });
    await expect.poll(() => side.innerText()).toMatch(new RegExp(`${literal(classic.name)}\\s*${literal(formatPrice(classic.price))} a unit`));
    await expect.poll(() => side.innerText()).toMatch(new RegExp(`${literal(nameOf(valid.accounts, 'corner-deli'))}\\s*★ key account`));
    await expect.poll(() => page.getByRole('region', { name: 'Briefing and objectives' }).innerText()).toContain(valid.briefing.split(',')[0]!);
    await screenshot(page, 'open-scenario-preview');
    await expectNothingCut(page, 'the preview');
    await page.getByRole('button', { name: `Play ${valid.title}` }).click();
    await waitForScene(page, 'Briefing');
    await page.getByRole('checkbox', { name: /Guide me/ }).setChecked(false);
    await page.getByRole('button', { name: 'Start the first quarter' }).click();
    await waitForScene(page, 'Planning');
    expect(await page.evaluate(() => window.marketingAndSales.view()?.phase)).toBe('planning');
    expect(problems).toEqual([]);
  });

  it('lists the errors of a broken file with line and column, and goes back', async () => {
    const { page, problems } = await start();
    await toScenarioSelect(page);
    await openThroughInput(page, 'broken.yaml');
    await page.getByRole('heading', { level: 1, name: 'This scenario file has errors' }).waitFor();
    const items = page.getByRole('list', { name: 'Errors in the file' }).getByRole('listitem');
    await expect.poll(() => items.count()).toBe(1);
    // The error, then the offending line with a caret under the column, in a fixed-width font.
    expect(await items.first().innerText()).toMatch(/^line 19, column 11 — quarters: expected a whole number from 4 to 20, found the text "ten"\s*19 \| quarters: ten\n {3}\| {11}\^$/);
    const excerpt = items.first().locator('pre.issue-excerpt');
    expect(await excerpt.textContent()).toBe('19 | quarters: ten\n   |           ^');
    expect(await excerpt.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/mono/i);
    await screenshot(page, 'open-scenario-errors');
    await expectNothingCut(page, 'the error list');
    // Keyboard: the way back is reachable by Tab and works with Enter.
    await page.getByRole('button', { name: 'Back to the scenarios' }).first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Choose a scenario' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('shows a YAML syntax error once, on the mis-indented line, with that line under it', async () => {
    const { page, problems } = await start();
    await toScenarioSelect(page);
    const text = readFileSync(fixture('valid.yaml'), 'utf8').split('\n');
    const at = text.findIndex((l) => l.startsWith('  - id: taqueria'));
    const sibling = at + 2; // 1-based: the "name:" line above the one indented one space too far
    text[at + 2] = ` ${text[at + 2]}`;
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open scenario file…' }).click();
    await (await chooser).setFiles({ name: 'indented.yaml', mimeType: 'application/yaml', buffer: Buffer.from(text.join('\n')) });
    await page.getByRole('heading', { level: 1, name: 'This scenario file has errors' }).waitFor();
    const items = page.getByRole('list', { name: 'Errors in the file' }).getByRole('listitem');
    await expect.poll(() => items.count()).toBe(1);
    const item = await items.first().innerText();
    expect(item).toContain(`line ${at + 3}, column 6 — YAML indentation: this line is indented 1 space too far (5 spaces, where line ${sibling} has 4); indent it like line ${sibling}`);
    expect(await items.first().locator('pre.issue-excerpt').textContent()).toBe(`${at + 3} | ${text[at + 2]}\n${' '.repeat(String(at + 3).length)} |      ^`);
    await screenshot(page, 'open-scenario-syntax-error');
    await expectNothingCut(page, 'a syntax error');
    expect(problems).toEqual([]);
  });

  it('shows the offending line of a hostile file as text', async () => {
    const { page, problems } = await start();
    await toScenarioSelect(page);
    const text = readFileSync(fixture('hostile.yaml'), 'utf8').replace(/^title: T1 /m, 'title: "T1 ');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open scenario file…' }).click();
    await (await chooser).setFiles({ name: 'hostile-broken.yaml', mimeType: 'application/yaml', buffer: Buffer.from(text) });
    await page.getByRole('heading', { level: 1, name: 'This scenario file has errors' }).waitFor();
    const excerpt = page.getByRole('list', { name: 'Errors in the file' }).locator('pre.issue-excerpt');
    await expect.poll(() => excerpt.count()).toBe(1);
    expect(await excerpt.textContent()).toContain(`title: "T1 ${PAYLOAD}`);
    expect(await excerpt.locator('*').count()).toBe(0);
    await expectNoMarkupRan(page);
    expect(problems).toEqual([]);
  });

  it('previews every account, the events, the dispute and the scoring with par, by mouse and keyboard', async () => {
    const { page, problems } = await start();
    await toScenarioSelect(page);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open scenario file…' }).click();
    await (await chooser).setFiles(shippedScenarioPath('divisions'));
    await page.getByRole('heading', { level: 1, name: divisions.title }).waitFor();
    await screenshot(page, 'open-scenario-preview-briefing');
    await expectNothingCut(page, 'the preview (briefing)');

    // Every account is in the list, and the last one is reached by the keyboard: the list scrolls.
    const side = page.getByRole('region', { name: 'Product lines and accounts' });
    const last = divisions.accounts[divisions.accounts.length - 1]!;
    const lastItem = side.getByRole('listitem').filter({ hasText: last.name });
    await expect.poll(() => side.innerText()).toContain(last.name);
    const inView = async () => {
      const [box, item] = [await side.boundingBox(), await lastItem.boundingBox()];
      return box !== null && item !== null && item.y >= box.y && item.y + item.height <= box.y + box.height + 1;
    };
    expect(await inView()).toBe(false);
    // A cue says there is more below while there is (and a click on it scrolls on)…
    await expect.poll(() => side.locator('.more-below.shown').count()).toBe(1);
    await side.locator('.more-below span').click();
    await expect.poll(() => side.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    // …and the keyboard reaches the end of the list.
    await side.focus();
    await page.keyboard.press('End');
    await expect.poll(inView).toBe(true);
    await expect.poll(() => side.locator('.more-below.shown').count()).toBe(0);
    await screenshot(page, 'open-scenario-preview-last-account');

    // The pages: by mouse…
    await page.getByRole('tab', { name: /^Events/ }).click();
    const events = page.getByRole('region', { name: 'Events' });
    const hybrid = divisions.events.find((e) => e.id === 'hybrid-work')!;
    await expect.poll(() => events.innerText()).toContain(hybrid.title);
    expect(await events.innerText()).toContain('In quarter 6');
    expect(await events.innerText()).toContain(`When ${nameOf(divisions.products, 'print-supplies')} has lost money 3 quarters in a row`);
    await screenshot(page, 'open-scenario-preview-events');
    await expectNothingCut(page, 'the preview (events)');

    // …and by keyboard: the arrow key moves to the next tab and shows its page.
    await page.getByRole('tab', { name: /^Events/ }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Dispute' }).getAttribute('aria-selected')).toBe('true');
    const dispute = page.getByRole('region', { name: 'The dispute' });
    const disputeText = await dispute.innerText();
    expect(disputeText).toContain(nameOf(divisions.products, divisions.dispute!.product));
    expect(disputeText).toContain(nameOf(divisions.accounts, divisions.dispute!.account));
    expect(disputeText).toContain(`Marketing: ${divisions.dispute!.marketing.name}`);
    expect(disputeText).toContain(`Sales: ${divisions.dispute!.sales.name}`);
    expect(await page.getByRole('region', { name: 'Events' }).count()).toBe(0);
    await screenshot(page, 'open-scenario-preview-dispute');
    await expectNothingCut(page, 'the preview (dispute)');

    await page.keyboard.press('ArrowRight');
    const scoring = page.getByRole('region', { name: 'Scoring and par' });
    await expect.poll(() => scoring.innerText()).toContain(`Par: ${divisions.scoring.par} points`);
    expect(await scoring.innerText()).toContain(`${formatMoney(divisions.scoring.targets.profit)} scores 100`);
    await screenshot(page, 'open-scenario-preview-scoring');
    await expectNothingCut(page, 'the preview (scoring)');
    expect(problems).toEqual([]);
  });

  it('shows markup in every text field of a file as text, runs none of it, and plays a quarter with it', async () => {
    const { page, problems } = await start();
    await toScenarioSelect(page);
    await openThroughInput(page, 'hostile.yaml');
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.textContent()).toBe(`T1 ${PAYLOAD}`);
    const briefing = await page.getByRole('region', { name: 'Briefing and objectives' }).innerText();
    expect(briefing).toContain(`B2 ${PAYLOAD}`);
    expect(briefing).toContain(`O3 ${PAYLOAD}`);
    const side = await page.getByRole('region', { name: 'Product lines and accounts' }).innerText();
    expect(side.match(/<img src=x/g)?.length).toBe(15);
    await screenshot(page, 'open-scenario-preview-markup');
    await expectNoMarkupRan(page);

    await page.getByRole('button', { name: `Play T1 ${PAYLOAD}` }).click();
    await waitForScene(page, 'Briefing');
    await expect.poll(() => page.getByText(`B2 ${PAYLOAD}`, { exact: false }).count()).toBeGreaterThan(0);
    await page.getByRole('checkbox', { name: /Guide me/ }).setChecked(false);
    await page.getByRole('button', { name: 'Start the first quarter' }).click();
    await waitForScene(page, 'Planning');
    await expectNoMarkupRan(page);
    await page.getByRole('slider', { name: /Campaign for a product line/ }).fill('3');
    await commitUnspent(page);
    await waitForScene(page, 'QuarterReport');
    await screenshot(page, 'open-scenario-markup-report');
    await expectNoMarkupRan(page);
    // The quarter's news (an event of the file) is shown, as text.
    expect(await page.locator('.ui-layer').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining(PAYLOAD)]));
    expect(await page.evaluate(() => window.marketingAndSales.view()?.quarter)).toBeGreaterThanOrEqual(1);
    expect(problems).toEqual([]);
  });

  it('opens a file dropped on the scenario screen, with a drop hint while dragging', async () => {
    const { page, problems } = await start();
    await toScenarioSelect(page);
    const text = readFileSync(fixture('valid.yaml'), 'utf8');
    const dataTransfer = await page.evaluateHandle((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], 'dropped.yaml', { type: 'application/yaml' }));
      return dt;
    }, text);
    await page.dispatchEvent('.ui-layer h1', 'dragenter', { dataTransfer });
    await page.dispatchEvent('.ui-layer h1', 'dragover', { dataTransfer });
    await expect.poll(() => page.locator('.drop-hint.shown').count()).toBe(1);
    await screenshot(page, 'open-scenario-drop-hint');
    await page.dispatchEvent('.ui-layer h1', 'drop', { dataTransfer });
    await page.getByRole('heading', { level: 1, name: valid.title }).waitFor();
    await expect.poll(() => page.getByText(/From the file “dropped\.yaml”/).count()).toBe(1);
    expect(await page.locator('.drop-hint.shown').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('opens ?scenario= on the same origin', async () => {
    const { page, problems } = await startAt('?scenario=example-scenario.yaml');
    await page.getByRole('heading', { level: 1, name: 'Served From This Site' }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Play Served From This Site' }).click();
    await waitForScene(page, 'Briefing');
    expect(problems).toEqual([]);
  });

  it('refuses ?scenario= on another origin and never requests it', async () => {
    const { page, problems, requests } = await startAt('?scenario=https://example.invalid/x.yaml');
    await page.getByRole('heading', { level: 1, name: 'This scenario file was not opened' }).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('alert').innerText()).toMatch(/is on another site \(https:\/\/example\.invalid\)[\s\S]*it was not fetched/);
    await screenshot(page, 'open-scenario-refused');
    await expectNothingCut(page, 'the refusal');
    await page.getByRole('button', { name: 'Back to the scenarios' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Choose a scenario' }).waitFor();
    expect(requests.filter((url) => new URL(url).hostname === 'example.invalid')).toEqual([]);
    expect(problems).toEqual([]);
  });
});
