// The SCORM 1.2 package in an LMS: `npm run package:scorm` builds two packages (the shipped
// scenarios, and one scenario file given with --scenario), the test unzips them and serves them on
// 127.0.0.1 beside an LMS page — scorm-again's Scorm12API as window.API, the package's
// index.html in an iframe, as an LMS launches a SCO — plays whole games through, and checks what
// the LMS recorded: lesson status against par, the score scaled to 0–100, the summary, a result
// code that verifies, and LMSCommit/LMSFinish. Opened with no LMS, the package plays as before:
// no errors, nothing reported. A screenshot of the game in the LMS frame: scorm-lms-*.png.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LMS_MASTERY_SCORE, lmsScore } from '../../src/app/lms';
import { verifyResultCode } from '../../src/scoreboard/index';
import { botNamed, playBot, type Scenario } from '../../src/sim/index';
import { eventsFor } from '../flow/support';
import { loadFile, loadShipped } from '../support/scenarios';
import { launchChromium } from './chromium';
import { SITTING_KEEPING_THE_LINE, screenshot, watchProblems } from './support';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixturePath = fileURLToPath(new URL('./fixtures/valid.yaml', import.meta.url));
const custom = loadFile(fixturePath);
const twoHats = loadShipped('two-hats');
const LEARNER = 'Lopez, Ana';

/** Runs `npm run package:scorm` as a trainer would (tsx, a child process with NODE_ENV unset). */
function packageScorm(args: string[]): Promise<string> {
  const tsx = join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'cli.mjs');
  const env = { ...process.env };
  delete env.NODE_ENV;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, 'src/cli/package-scorm.ts', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`package:scorm ${args.join(' ')} failed (exit ${code}):\n${output}`))));
  });
}

function unzipTo(zipFile: string, dir: string): string[] {
  const entries = unzipSync(readFileSync(zipFile));
  for (const [name, data] of Object.entries(entries)) {
    if (name.endsWith('/')) continue;
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
  return Object.keys(entries).filter((n) => !n.endsWith('/')).sort();
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.yaml': 'text/yaml; charset=utf-8',
  '.xml': 'application/xml',
  '.json': 'application/json',
};

/**
 * The LMS's page: scorm-again's SCORM 1.2 runtime as window.API, loaded with the learner and the
 * mastery score the manifest gives, and the SCO in an iframe below a bar, as an LMS's player shows it.
 */
function lmsPage(sco: string, mastery: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LMS player</title><link rel="icon" href="data:,">
<style>body{margin:0;font:16px sans-serif;background:#e8e8ee}header{height:48px;display:flex;align-items:center;padding:0 16px;background:#2d3142;color:#fff}iframe{display:block;width:1280px;height:720px;border:0}</style>
<script src="/scorm-again/scorm12.min.js"></script>
<script>
  window.API = new Scorm12API({ logLevel: 4, autocommit: false, mastery_override: false });
  window.API.loadFromJSON({ core: { student_id: 'ana-1', student_name: ${JSON.stringify(LEARNER)} }, student_data: { mastery_score: ${JSON.stringify(mastery)} } });
  window.lmsCalls = [];
  for (const name of ['LMSInitialize', 'LMSCommit', 'LMSFinish']) window.API.on(name, () => window.lmsCalls.push(name));
</script></head>
<body><header>Course player · Marketing &amp; Sales (SCORM 1.2)</header><iframe id="sco" title="Course" src="${sco}"></iframe></body></html>`;
}

/** Serves `dir` (the unzipped packages), the LMS page and scorm-again's runtime on 127.0.0.1. */
function serve(dir: string, mastery: string): Promise<{ server: Server; url: string }> {
  const runtime = readFileSync(createRequire(import.meta.url).resolve('scorm-again/scorm12/min'));
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/lms.html') {
      response.writeHead(200, { 'content-type': TYPES['.html']! }).end(lmsPage(url.searchParams.get('sco') ?? '', mastery));
      return;
    }
    if (url.pathname === '/scorm-again/scorm12.min.js') {
      response.writeHead(200, { 'content-type': TYPES['.js']! }).end(runtime);
      return;
    }
    const path = normalize(join(dir, decodeURIComponent(url.pathname)));
    if (relative(dir, path).startsWith('..') || !statSync(path, { throwIfNoEntry: false })?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

/** Where the game runs: the page itself, or the LMS page's iframe. */
type Where = Page | Frame;

const phase = (where: Where) => where.evaluate(() => window.marketingAndSales.view()?.phase ?? null);
const send = (where: Where, events: readonly object[]) => where.evaluate((list) => list.forEach((e) => window.marketingAndSales.send(e as never)), events as object[]);

async function waitForScene(where: Where, key: string): Promise<void> {
  await where.waitForFunction((k) => window.marketingAndSales.scenes().join() === k && document.querySelector('.ui-layer h1') !== null, key, { timeout: 15_000 });
}

/** Starts a game of `scenarioId` through the hook (as Play does) and plays it to the final results. */
async function playWholeGame(where: Where, scenarioId: string, seed: number): Promise<void> {
  expect(await where.evaluate(([id, s]) => window.marketingAndSales.newGame(id as string, s as number), [scenarioId, seed] as const)).toEqual({ ok: true });
  for (let i = 0; i < 80 && (await phase(where)) !== 'finished'; i++) {
    const now = await phase(where);
    if (now === 'dispute') await send(where, SITTING_KEEPING_THE_LINE);
    else if (now === 'briefing') await send(where, [{ type: 'START' }]);
    else if (now === 'review') await send(where, [{ type: 'NEXT' }]);
    else await send(where, [{ type: 'SET_MOVE', move: { kind: 'prospecting', points: 3 } }, { type: 'COMMIT' }]);
  }
  expect(await phase(where)).toBe('finished');
  await waitForScene(where, 'FinalResults');
}

/** Starts a game through the hook and plays `bot`'s game of it as a player's events, a quarter at a time. */
async function playBotGame(where: Where, scenario: Scenario, seed: number, bot: string): Promise<void> {
  expect(await where.evaluate(([id, s]) => window.marketingAndSales.newGame(id as string, s as number), [scenario.id, seed] as const)).toEqual({ ok: true });
  const events = eventsFor(playBot(scenario, seed, botNamed(bot)!).steps);
  for (let start = 0; start < events.length; ) {
    const end = events.findIndex((e, i) => i >= start && e.type === 'NEXT') + 1 || events.length;
    await send(where, events.slice(start, end));
    start = end;
  }
  expect(await phase(where)).toBe('finished');
  await waitForScene(where, 'FinalResults');
}

/** What scorm-again's runtime holds, read on the LMS's page. */
const recorded = (page: Page) =>
  page.evaluate(() => {
    const api = (window as unknown as { API: { LMSGetValue(e: string): string } }).API;
    const get = (e: string) => api.LMSGetValue(e);
    return {
      status: get('cmi.core.lesson_status'),
      raw: get('cmi.core.score.raw'),
      min: get('cmi.core.score.min'),
      max: get('cmi.core.score.max'),
      comments: get('cmi.comments'),
      code: get('cmi.suspend_data'),
      calls: (window as unknown as { lmsCalls: string[] }).lmsCalls,
    };
  });

/** The LMS's record as it would send it on LMSFinish (write-only elements included). */
const committed = (page: Page) => page.evaluate(() => (window as unknown as { API: { renderCommitCMI(t: boolean): { cmi: { core: Record<string, unknown> } } } }).API.renderCommitCMI(true).cmi.core);

function expectReport(report: Awaited<ReturnType<typeof recorded>>, scenario: Scenario, seed: number): number {
  const verified = verifyResultCode(report.code, scenario, { seed });
  if (!verified.ok) throw new Error(`the result code in cmi.suspend_data does not verify: ${verified.message}`);
  expect(verified.group).toBe(LEARNER);
  const { par } = scenario.scoring;
  expect(report.status).toBe(verified.score >= par ? 'passed' : 'failed');
  expect(Number(report.raw)).toBe(lmsScore(verified.score, par));
  expect([report.min, report.max]).toEqual(['0', '100']);
  expect(report.comments).toContain(`${scenario.title}, seed ${seed}:`);
  expect(report.comments).toContain(`against par ${par}`);
  expect(report.comments.length).toBeLessThanOrEqual(4096);
  return verified.score;
}

describe('the SCORM 1.2 package', () => {
  let work: string;
  let browser: Browser;
  let server: Server;
  let base: string;
  const files: Record<'shipped' | 'custom', string[]> = { shipped: [], custom: [] };
  let manifest = '';
  let zipBytes = 0;
  const pages: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'scorm-test-'));
    await packageScorm(['--out', join(work, 'shipped.zip')]);
    await packageScorm(['--scenario', fixturePath, '--out', join(work, 'custom.zip')]);
    zipBytes = statSync(join(work, 'shipped.zip')).size;
    files.shipped = unzipTo(join(work, 'shipped.zip'), join(work, 'www', 'shipped'));
    files.custom = unzipTo(join(work, 'custom.zip'), join(work, 'www', 'custom'));
    manifest = readFileSync(join(work, 'www', 'shipped', 'imsmanifest.xml'), 'utf8');
    const mastery = /<adlcp:masteryscore>([^<]+)<\/adlcp:masteryscore>/.exec(manifest)?.[1] ?? '';
    ({ server, url: base } = await serve(join(work, 'www'), mastery));
    browser = await launchChromium();
  }, 240_000);

  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
  });

  afterAll(async () => {
    await browser?.close();
    if (server) await new Promise((resolve) => server.close(resolve));
    if (work) rmSync(work, { recursive: true, force: true });
  });

  async function open(path: string): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 768 } });
    pages.push(context);
    const page = await context.newPage();
    const problems = watchProblems(page, base);
    await page.goto(`${base}${path}`, { waitUntil: 'load' });
    return { page, problems };
  }

  async function scoFrame(page: Page, dir: string): Promise<Frame> {
    await page.waitForFunction((d) => (document.getElementById('sco') as HTMLIFrameElement | null)?.contentWindow?.location.pathname.startsWith(`/${d}/`), dir);
    const frame = page.frames().find((f) => new URL(f.url()).pathname === `/${dir}/index.html`)!;
    await frame.getByRole('button', { name: /New game/ }).waitFor({ timeout: 20_000 });
    return frame;
  }

  it('is a zip of the game with an imsmanifest.xml at its root that lists every file of one SCO, index.html, and the mastery score', () => {
    expect(files.shipped).toContain('imsmanifest.xml');
    expect(files.shipped).toContain('index.html');
    const listed = [...manifest.matchAll(/<file href="([^"]+)"\/>/g)].map((m) => m[1]).sort();
    expect(listed).toEqual(files.shipped.filter((f) => f !== 'imsmanifest.xml'));
    expect(manifest).toContain('adlcp:scormtype="sco" href="index.html"');
    expect(manifest).toContain(`<adlcp:masteryscore>${LMS_MASTERY_SCORE}</adlcp:masteryscore>`);
    // Within what an LMS accepts for an upload without asking (most take tens of MB).
    expect(zipBytes).toBeLessThan(5 * 1024 * 1024);
    console.log(`SCORM package of the shipped scenarios: ${files.shipped.length} files, ${(zipBytes / 1024).toFixed(0)} KB`);
  });

  it('in an LMS frame: finds the API, initialises, plays a whole game of two-hats and records status, score and summary; commits, and finishes when unloaded', async () => {
    const { page, problems } = await open('/lms.html?sco=/shipped/index.html');
    const frame = await scoFrame(page, 'shipped');
    expect((await recorded(page)).calls).toEqual(['LMSInitialize']);
    expect((await recorded(page)).status).toBe('incomplete');
    // The shipped scenarios, all three, are on the scenario screen.
    await frame.getByRole('button', { name: 'New game' }).click();
    await waitForScene(frame, 'ScenarioSelect');
    for (const id of ['two-hats', 'solo-founder', 'divisions']) await frame.getByRole('button', { name: `Play ${loadShipped(id).title}` }).waitFor();
    await frame.getByRole('button', { name: 'Back to the title' }).click();
    await waitForScene(frame, 'Title');

    // The adaptive bot's game, above par on every seed tried: the LMS records it as passed.
    await playBotGame(frame, twoHats, 5, 'adaptive');
    await page.waitForFunction(() => (window as unknown as { lmsCalls: string[] }).lmsCalls.includes('LMSCommit'));
    const report = await recorded(page);
    expect(report.calls).toEqual(['LMSInitialize', 'LMSCommit']);
    const score = expectReport(report, twoHats, 5);
    expect(report.status).toBe('passed');
    expect(Number(report.raw)).toBeGreaterThanOrEqual(LMS_MASTERY_SCORE);
    // The LMS and the final results screen tell the same score.
    await expect.poll(() => frame.locator('.total-line').textContent()).toContain(`/ par ${twoHats.scoring.par}`);
    expect(report.comments).toContain(`${score.toFixed(1)} points`);
    await frame.waitForFunction(() => window.marketingAndSales.settled(), undefined, { timeout: 15_000 });
    await screenshot(page, 'scorm-lms-final-results');

    // The LMS takes the course away (the learner closes it): the page's pagehide finishes the session.
    await page.evaluate(() => ((document.getElementById('sco') as HTMLIFrameElement).src = 'about:blank'));
    await page.waitForFunction(() => (window as unknown as { lmsCalls: string[] }).lmsCalls.includes('LMSFinish'));
    expect((await recorded(page)).calls).toEqual(['LMSInitialize', 'LMSCommit', 'LMSCommit', 'LMSFinish']);
    const core = await committed(page);
    expect(core.exit).toBe('');
    expect(String(core.session_time)).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
    expect(core.lesson_status).toBe(report.status);
    expect(problems).toEqual([]);
  });

  it('with --scenario plays only that scenario, and reports its game against its own par', async () => {
    const { page, problems } = await open('/lms.html?sco=/custom/index.html');
    const frame = await scoFrame(page, 'custom');
    await frame.getByRole('button', { name: 'New game' }).click();
    await waitForScene(frame, 'ScenarioSelect');
    await frame.getByRole('button', { name: `Play ${custom.title}` }).waitFor();
    expect(await frame.getByRole('button', { name: /^Play / }).count()).toBe(1);
    await frame.getByRole('button', { name: 'Back to the title' }).click();
    await waitForScene(frame, 'Title');
    // Prospecting alone every quarter: far below par, so the LMS records it as failed.
    await playWholeGame(frame, custom.id, 2);
    await page.waitForFunction(() => (window as unknown as { lmsCalls: string[] }).lmsCalls.includes('LMSCommit'));
    const report = await recorded(page);
    expectReport(report, custom, 2);
    expect(report.status).toBe('failed');
    expect(Number(report.raw)).toBeLessThan(LMS_MASTERY_SCORE);
    await frame.waitForFunction(() => window.marketingAndSales.settled(), undefined, { timeout: 15_000 });
    await screenshot(page, 'scorm-lms-custom-final-results');
    // The LMS removes the course's frame (its own Exit button): that too finishes the session.
    await page.evaluate(() => document.getElementById('sco')!.remove());
    await page.waitForFunction(() => (window as unknown as { lmsCalls: string[] }).lmsCalls.includes('LMSFinish'));
    expect((await committed(page)).exit).toBe('');
    expect(problems).toEqual([]);
  });

  it('with no LMS (index.html opened on its own) plays as before: no errors, no API, nothing reported', async () => {
    const { page, problems } = await open('/shipped/index.html');
    await page.getByRole('button', { name: /New game/ }).waitFor({ timeout: 20_000 });
    await playWholeGame(page, 'two-hats', 5);
    expect(await page.evaluate(() => 'API' in window)).toBe(false);
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
    await page.goto('about:blank');
    expect(problems).toEqual([]);
  });
});
