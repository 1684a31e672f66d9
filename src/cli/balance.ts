// `npm run balance -- FILE [--seeds N] [--out report.html] [--json] [--workers N]`: plays every
// bot over N seeds (default 1,000) on all cores with worker threads, and writes the balance
// report: an offline HTML page (default balance-report.html), or JSON on stdout with --json.
// In a terminal it shows a progress bar with the time left. This file is also the worker's
// entry point (a worker re-runs it and takes the other branch), so the esbuild bundle that
// `npm run balance` runs and a plain `tsx src/cli/balance.ts` both work with one file.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread } from 'node:worker_threads';
import { formatIssue, loadScenario } from '../scenario/load';
import { MAX_FILE_BYTES } from '../scenario/source';
import { FIDELITY_SEEDS, confirmationText, formatBand, formatValue, measureFidelity, verdictText } from '../balance/fidelity';
import { buildReport, type BalanceReport, type SeedResult } from '../balance/report';
import { renderHtml } from './balance-html';
import { runWorker, type FromWorker, type ToWorker, type WorkerInput } from './balance-worker';

const USAGE = `usage: npm run balance -- FILE [--seeds N] [--out report.html] [--json] [--workers N]
Plays every bot over N seeds (default 1,000) and reports score distributions, the idea checks,
the dispute's options, dominant strategies, whether par is reachable, and the model's responses
against the published evidence (npm run fidelity, on the first 200 seeds).
  --seeds N     seeds 1..N to play (1 to 100,000; default 1,000)
  --out FILE    where to write the HTML report (default balance-report.html)
  --json        print the report as JSON on stdout instead of writing HTML
  --workers N   worker threads (default: every core)
Exit status: 0 report written (even with warnings), 1 the file cannot be read or loaded, 2 usage error.`;

interface Options {
  file: string;
  seeds: number;
  out: string;
  json: boolean;
  workers: number;
}

/** Seeds per message to a worker: small enough for a smooth progress bar and even load. */
const CHUNK = 10;

function parseArgs(argv: string[]): Options | string {
  let file: string | undefined;
  const options = { seeds: 1000, out: 'balance-report.html', json: false, workers: availableParallelism() };
  const whole = (flag: string, value: string | undefined, max: number): number | string => {
    if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) return `${flag} needs a whole number from 1 to ${max.toLocaleString('en-US')}`;
    return Number(value);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--seeds' || arg === '--workers') {
      const n = whole(arg, argv[++i], arg === '--seeds' ? 100_000 : 64);
      if (typeof n === 'string') return n;
      if (arg === '--seeds') options.seeds = n;
      else options.workers = n;
    } else if (arg === '--out') {
      const value = argv[++i];
      if (value === undefined || value === '') return '--out needs a file name';
      options.out = value;
    } else if (arg === '--json') options.json = true;
    else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else if (file === undefined) file = arg;
    else return `one scenario file at a time (got ${file} and ${arg})`;
  }
  if (file === undefined) return 'no scenario file given';
  return { file, ...options };
}

function formatSeconds(s: number): string {
  return s >= 60 ? `${Math.floor(s / 60)} min ${Math.round(s % 60)} s` : `${s.toFixed(s < 10 ? 1 : 0)} s`;
}

/** A one-line progress bar on stderr, redrawn in place; only when a person is watching. */
function progressBar(total: number, enabled: boolean) {
  const start = performance.now();
  let last = 0;
  let first: { at: number; done: number } | null = null;
  const draw = (done: number, force = false) => {
    const now = performance.now();
    if (!enabled || (!force && now - last < 100)) return;
    last = now;
    const width = 30;
    const filled = Math.round((width * done) / total);
    const elapsed = (now - start) / 1000;
    // The rate is measured from the first finished chunk: worker start-up and warm-up would
    // otherwise make the first estimates several times too long.
    if (first === null && done > 0) first = { at: now, done };
    const rate = first !== null && done > first.done ? (done - first.done) / ((now - first.at) / 1000) : 0;
    const eta = done >= total ? `done in ${formatSeconds(elapsed)}` : rate === 0 ? 'estimating…' : `about ${formatSeconds((total - done) / rate)} left`;
    process.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.floor((100 * done) / total)}% ${done}/${total} seeds, ${eta}\x1b[K`);
  };
  return {
    update: draw,
    finish: () => {
      draw(total, true);
      if (enabled) process.stderr.write('\n');
    },
  };
}

/** Plays seeds 1..N on `workers` threads, handing out chunks as threads come free. */
function playAll(text: string, fileName: string, seeds: number, workers: number, onProgress: (done: number) => void): Promise<SeedResult[]> {
  const chunks: { from: number; to: number }[] = [];
  for (let from = 1; from <= seeds; from += CHUNK) chunks.push({ from, to: Math.min(seeds, from + CHUNK - 1) });
  const results: SeedResult[] = new Array(seeds);
  let done = 0;
  let next = 0;
  const entry = fileURLToPath(import.meta.url);
  const count = Math.max(1, Math.min(workers, chunks.length));
  return new Promise((resolve, reject) => {
    let finished = 0;
    let failed = false;
    const pool: Worker[] = [];
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      for (const w of pool) void w.terminate();
      reject(error);
    };
    for (let k = 0; k < count; k++) {
      const workerData: WorkerInput = { text, fileName };
      // Run as TypeScript (tsx src/cli/balance.ts), the worker must register tsx's loader itself
      // before it imports this file (a worker's execArgv loader does not reach its entry module);
      // the bundle that `npm run balance` builds is plain JavaScript and is started directly.
      const worker = entry.endsWith('.ts')
        ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`, { eval: true, workerData })
        : new Worker(entry, { workerData });
      pool.push(worker);
      const send = () => {
        const chunk = chunks[next++];
        const message: ToWorker = chunk ? { type: 'chunk', ...chunk } : { type: 'stop' };
        worker.postMessage(message);
      };
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'error') return fail(new Error(message.message));
        if (message.type === 'results') {
          for (const r of message.results) results[r.seed - 1] = r;
          done += message.results.length;
          onProgress(done);
        }
        send();
      });
      worker.on('error', fail);
      worker.on('exit', () => {
        finished++;
        if (finished === count && !failed) {
          if (done === seeds) resolve(results);
          else fail(new Error(`the workers stopped after ${done} of ${seeds} seeds`));
        }
      });
    }
  });
}

function printSummary(report: BalanceReport, out: string): void {
  console.log(`${report.scenario.title}: ${report.seeds} seeds × ${report.distributions.length} bots in ${report.seconds.toFixed(1)} s on ${report.workers} workers`);
  for (const d of report.distributions) {
    console.log(`  ${d.bot.padEnd(17)} mean ${d.mean.toFixed(1).padStart(6)}  median ${d.median.toFixed(1).padStart(6)}  par in ${(100 * d.parShare).toFixed(1)}%`);
  }
  for (const c of report.ideas) console.log(`  ${c.passed ? 'pass' : 'FAIL'}  ${c.claim}: ${c.measured}`);
  for (const d of report.dispute ?? []) {
    console.log(`  dispute (${d.bot}): ${d.options.map((o) => `${o.option} best in ${(100 * o.bestShare).toFixed(1)}%, mean ${o.meanScore.toFixed(1)}`).join('; ')}`);
    const bands = d.byAnchor.filter((b) => b.seeds > 0).map((b) => `${b.from.toFixed(1)}–${b.to.toFixed(1)} ${b.top ?? 'none'}`);
    if (bands.length > 0) console.log(`  dispute (${d.bot}) best by anchor strength: ${bands.join(', ')}${d.neverBest.length > 0 ? `; never best in any band: ${d.neverBest.join(', ')}` : ''}`);
  }
  const p = report.par;
  if (p.balancedShare !== null) {
    console.log(`  par ${p.value}: balanced reaches it in ${(100 * p.balancedShare).toFixed(1)}% of seeds (${p.far ? 'far from' : 'near'} about half: ${Math.round(100 * p.band.low)}–${Math.round(100 * p.band.high)}%); suggested par ${p.suggested}`);
  }
  for (const f of report.fidelity?.figures ?? []) {
    console.log(`  evidence  ${f.label}: ${formatValue(f)} (${verdictText(f)}${f.published.band ? ` ${formatBand(f.published)}` : ''}; ${confirmationText(f.published)})`);
  }
  for (const w of report.warnings) console.log(`  warning: ${w}`);
  console.log(`report written to ${out}`);
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  const options = parseArgs(argv.filter((a) => a !== '--'));
  if (typeof options === 'string') {
    console.error(`balance: ${options}\n${USAGE}`);
    return 2;
  }
  let text: string;
  try {
    if (statSync(options.file).size > MAX_FILE_BYTES) {
      console.error(`${options.file}: error: the file is larger than 1 MiB, the limit for a scenario file`);
      return 1;
    }
    text = readFileSync(options.file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(`${options.file}: error: cannot read the file: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : (error as Error).message}`);
    return 1;
  }
  const loaded = loadScenario(text, options.file);
  if (!loaded.ok) {
    for (const issue of loaded.errors) console.error(formatIssue(issue));
    return 1;
  }

  const start = performance.now();
  const bar = progressBar(options.seeds, process.stdout.isTTY === true && process.stderr.isTTY === true);
  bar.update(0, true);
  const results = await playAll(text, options.file, options.seeds, options.workers, (done) => bar.update(done));
  bar.finish();
  // The fidelity figures (against the published evidence) on the first seeds, at most FIDELITY_SEEDS: about a second.
  const fidelity = measureFidelity(loaded.scenario, { seeds: Math.min(options.seeds, FIDELITY_SEEDS) });
  const seconds = (performance.now() - start) / 1000;
  const report = buildReport(loaded.scenario, results, { seconds, workers: Math.min(options.workers, Math.ceil(options.seeds / CHUNK)) }, undefined, fidelity);

  if (options.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  writeFileSync(options.out, renderHtml(report));
  printSummary(report, options.out);
  return 0;
}

if (isMainThread) {
  process.stdout.on('error', () => {});
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`balance: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
} else {
  runWorker();
}
