// `npm run bench:browser`: measures the production build in headless Chromium against the
// issue's targets — gzipped JS against a bare Phaser 4 page built in the same run, navigation to
// an interactive title, idle and animating frame rates, Long Tasks on commit, and the JS heap
// after five whole games against the first (leaks from scene restarts or listeners).
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';
import { launchChromium } from '../../tests/browser/chromium';

const root = fileURLToPath(new URL('../../', import.meta.url));

function gzippedJs(dir: string): number {
  const assets = join(dir, 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f))).length, 0);
}

async function main(): Promise<void> {
  process.env.NODE_ENV = 'production';
  const bareOut = mkdtempSync(join(tmpdir(), 'bare-phaser-'));
  await build({ root, logLevel: 'error', build: { outDir: join(root, 'dist') } });
  await build({ root: join(root, 'bench/browser'), base: './', logLevel: 'error', build: { outDir: bareOut, emptyOutDir: true, target: 'es2022', rollupOptions: { input: join(root, 'bench/browser/bare.html') } } });
  const gameJs = gzippedJs(join(root, 'dist'));
  const bareJs = gzippedJs(bareOut);

  const server = await preview({ root, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0 } });
  const url = server.resolvedUrls!.local[0]!;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const cdp = await page.context().newCDPSession(page);
    await page.goto(url);
    await page.getByRole('button', { name: 'New game' }).waitFor();
    const toTitle = await page.evaluate(() => performance.now());

    // As text: tsx would wrap named functions in a helper the page does not have.
    const fps = () =>
      page.evaluate(`new Promise((resolve) => {
        let frames = 0;
        const start = performance.now();
        function frame() {
          frames += 1;
          if (performance.now() - start < 3000) requestAnimationFrame(frame);
          else resolve((frames * 1000) / (performance.now() - start));
        }
        requestAnimationFrame(frame);
      })`) as Promise<number>;
    const hook = {
      newGame: () => page.evaluate(() => window.marketingAndSales.newGame('two-hats', 1)),
      send: (event: object) => page.evaluate((e) => window.marketingAndSales.send(e as never), event),
      phase: () => page.evaluate(() => window.marketingAndSales.view()?.phase),
    };
    const playWhole = async () => {
      await hook.newGame();
      await hook.send({ type: 'START' });
      for (let i = 0; i < 40; i++) {
        const phase = await hook.phase();
        if (phase === 'finished') break;
        if (phase === 'dispute') await hook.send({ type: 'DECIDE_DISPUTE', option: 'keep' });
        else if (phase === 'review') await hook.send({ type: 'NEXT' });
        else {
          await hook.send({ type: 'SET_MOVE', move: { kind: 'prospecting', points: 3 } });
          await hook.send({ type: 'COMMIT' });
        }
      }
    };

    await hook.newGame();
    await hook.send({ type: 'START' });
    await page.waitForTimeout(1500);
    const idlePlanning = await fps();
    await page.evaluate(`window.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => window.longTasks.push(e.duration))).observe({ type: 'longtask' });`);
    await hook.send({ type: 'SET_MOVE', move: { kind: 'prospecting', points: 3 } });
    await hook.send({ type: 'COMMIT' });
    const reportFps = await fps(); // the report's count-up and charts, then idle
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);

    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await page.evaluate(() => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize));
    };
    await playWhole();
    const afterFirst = await heap();
    for (let i = 0; i < 4; i++) await playWhole();
    const afterFive = await heap();
    const listeners = await page.evaluate(() => window.marketingAndSales.listeners());

    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    const rows: [string, string, string, boolean][] = [
      ['JS gzipped (game / bare Phaser)', `${(gameJs / 1024).toFixed(0)} KB / ${(bareJs / 1024).toFixed(0)} KB = ${(gameJs / bareJs).toFixed(3)}×`, '≤ 1.3×', gameJs / bareJs <= 1.3],
      ['navigation → interactive title', `${toTitle.toFixed(0)} ms`, '≤ 1500 ms', toTitle <= 1500],
      ['idle FPS in Planning (rAF, 3 s)', idlePlanning.toFixed(1), '≥ 55', idlePlanning >= 55],
      ['FPS during the report animation (rAF, 3 s)', reportFps.toFixed(1), '≥ 55', reportFps >= 55],
      ['longest task while committing', `${Math.round(Math.max(0, ...longTasks))} ms (${longTasks.length} long tasks)`, '≤ 50 ms', Math.max(0, ...longTasks) <= 50],
      ['JS heap after 5 games vs after 1', `${mb(afterFive)} MB vs ${mb(afterFirst)} MB (Δ ${mb(afterFive - afterFirst)} MB, ${listeners} bus listeners)`, 'Δ ≤ 10 MB', afterFive - afterFirst <= 10 * 1024 * 1024],
    ];
    // Figures, not a gate: software WebGL on a shared machine varies from run to run.
    for (const [what, value, target, ok] of rows) console.log(`${ok ? 'ok  ' : 'MISS'} ${what}: ${value} (target ${target})`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
