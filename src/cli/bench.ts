// `npm run bench [-- --json]`: the headless core's speed targets, measured on one core.
//   games per second  — whole two-hats games, the balanced bot playing, no I/O   (target ≥ 20,000)
//   replay            — replaying a saved game, from its JSON text               (target ≤ 1 ms)
//   load              — loading and validating scenarios/two-hats.yaml from text (target ≤ 20 ms)
//   hostile files     — refusing a billion-laughs alias bomb and 400,000-deep flow nesting
//                       (target ≤ 2,000 ms each: expanding the aliases would take minutes)
//   fuzzed files      — the slowest of 2,000 files from the fuzz tests' corpus to load and, if
//                       valid, play (target ≤ 1,000 ms of CPU time; bench/fuzz.ts, in a child process)
//   debrief           — building the debrief of a whole two-hats game     (target ≤ 25 ms)
//   verify            — a scoreboard verifying 100 result codes of distinct games, each decoded and
//                       replayed (for information: the workshop target, ≤ 200 ms, is the browser's,
//                       measured by `npm run bench:browser`)
// Each figure is the median of several timed rounds after a warm-up, so one hiccup doesn't count.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildDebrief } from '../debrief/index';
import { makeReplay, parseReplay, runReplay } from '../replay/replay';
import { loadScenario } from '../scenario/load';
import { buildScoreboard, makeResultCode } from '../scoreboard/index';
import { BOTS, botNamed, playBot, type Scenario } from '../sim/index';

// Resolved from the project root (npm runs scripts there): the bundled copy lives elsewhere.
const SCENARIO_PATH = resolve('scenarios/two-hats.yaml');

const TARGETS = { gamesPerSecond: 20_000, replayMs: 1, loadMs: 20, hostileMs: 2000, fuzzCaseCpuMs: 1000, debriefMs: 25 };

/** A YAML alias bomb: nine lists of nine aliases, ten levels deep (10⁹ values if expanded). */
function billionLaughs(): string {
  let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  const names = 'abcdefghij';
  for (let i = 1; i < names.length; i++) text += `${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]\n`;
  return text;
}

/** Loads a file the loader must refuse; a file that loads is a broken bench, not a slow one. */
function refuse(text: string, what: string): void {
  if (loadScenario(text, 'hostile.yaml').ok) throw new Error(`bench: the ${what} file loaded`);
}

/**
 * The fuzz corpus figure from bench/fuzz.ts: test code, run through tsx beside this bundle
 * rather than in it, because the corpus reads its fixture files relative to its own source.
 */
function fuzzFigures(): { files: number; slowestMs: number; slowestKind: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', resolve('bench/fuzz.ts')], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`bench: bench/fuzz.ts failed\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Runs `work` in rounds of `batch` calls for about `seconds`, returning the median time per call in ms. */
function measure(work: (i: number) => void, batch: number, seconds: number): number {
  for (let i = 0; i < batch; i++) work(i);
  const rounds: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  let i = 0;
  while (performance.now() < deadline || rounds.length < 5) {
    const start = performance.now();
    for (let k = 0; k < batch; k++) work(i++);
    rounds.push((performance.now() - start) / batch);
  }
  return median(rounds);
}

function load(text: string): Scenario {
  const result = loadScenario(text, SCENARIO_PATH);
  if (!result.ok) throw new Error(`two-hats.yaml does not load: ${result.errors[0]?.message ?? ''}`);
  return result.scenario;
}

function main(argv: string[]): number {
  const json = argv.includes('--json');
  const unknown = argv.filter((a) => a !== '--json');
  if (unknown.length > 0) {
    console.error(`bench: unknown argument ${unknown[0]}\nusage: npm run bench [-- --json]`);
    return 2;
  }
  const text = readFileSync(SCENARIO_PATH, 'utf8');
  const scenario = load(text);
  const balanced = botNamed('balanced')!;

  const gameMs = measure((i) => playBot(scenario, i + 1, balanced), 500, 3);
  const perBot: Record<string, number> = {};
  for (const bot of BOTS) perBot[bot.name] = Math.round(1000 / measure((i) => playBot(scenario, i + 1, bot), 100, 0.5));

  const replayText = JSON.stringify(makeReplay(scenario, 7, playBot(scenario, 7, botNamed('adaptive')!).steps));
  const replayMs = measure(() => runReplay(scenario, parseReplay(replayText)), 200, 1);
  const loadMs = measure(() => load(text), 20, 1);
  // 100 distinct games of one heat: the random bot under 100 names draws 100 different streams.
  const random = botNamed('random')!;
  const seed = scenario.defaultSeed;
  const codes = Array.from({ length: 100 }, (_, i) =>
    makeResultCode(scenario, makeReplay(scenario, seed, playBot(scenario, seed, { ...random, name: `random-${i}` }).steps), `Group ${i + 1}`),
  );
  const verifyMs = measure(() => {
    if (buildScoreboard(scenario, codes).entries.length !== codes.length) throw new Error('bench: a bot game failed verification');
  }, 1, 1);
  const laughs = billionLaughs();
  const laughsMs = measure(() => refuse(laughs, 'billion-laughs'), 1, 0.5);
  const deep = `id: ${'['.repeat(400_000)}${']'.repeat(400_000)}\n`;
  const deepMs = measure(() => refuse(deep, 'deeply nested'), 1, 0.5);
  const debriefSteps = playBot(scenario, 7, botNamed('adaptive')!).steps;
  const debriefMs = measure(() => buildDebrief(scenario, 7, debriefSteps), 5, 1);
  const fuzz = fuzzFigures();

  const figures = {
    gamesPerSecond: Math.round(1000 / gameMs),
    gamesPerSecondByBot: perBot,
    replayMs: Number(replayMs.toFixed(4)),
    loadMs: Number(loadMs.toFixed(3)),
    verify100CodesMs: Number(verifyMs.toFixed(1)),
    billionLaughsMs: Number(laughsMs.toFixed(1)),
    deepNestingMs: Number(deepMs.toFixed(1)),
    fuzzFiles: fuzz.files,
    fuzzSlowestCpuMs: fuzz.slowestMs,
    fuzzSlowestKind: fuzz.slowestKind,
    debriefMs: Number(debriefMs.toFixed(2)),
    targets: TARGETS,
    node: process.version,
  };
  const pass = {
    gamesPerSecond: figures.gamesPerSecond >= TARGETS.gamesPerSecond,
    replayMs: figures.replayMs <= TARGETS.replayMs,
    loadMs: figures.loadMs <= TARGETS.loadMs,
    billionLaughsMs: figures.billionLaughsMs <= TARGETS.hostileMs,
    deepNestingMs: figures.deepNestingMs <= TARGETS.hostileMs,
    fuzzSlowestCpuMs: figures.fuzzSlowestCpuMs <= TARGETS.fuzzCaseCpuMs,
    debriefMs: figures.debriefMs <= TARGETS.debriefMs,
  };
  if (json) {
    console.log(JSON.stringify({ ...figures, pass }));
  } else {
    const mark = (ok: boolean) => (ok ? 'ok  ' : 'SLOW');
    console.log(`${mark(pass.gamesPerSecond)} games per second (balanced bot, one core): ${figures.gamesPerSecond.toLocaleString('en-US')}   target ≥ ${TARGETS.gamesPerSecond.toLocaleString('en-US')}`);
    for (const [name, rate] of Object.entries(perBot)) console.log(`       ${name.padEnd(18)} ${rate.toLocaleString('en-US')} games/s`);
    console.log(`${mark(pass.replayMs)} replaying a replay: ${figures.replayMs} ms   target ≤ ${TARGETS.replayMs} ms`);
    console.log(`${mark(pass.loadMs)} loading and validating two-hats.yaml: ${figures.loadMs} ms   target ≤ ${TARGETS.loadMs} ms`);
    console.log(`${mark(pass.billionLaughsMs)} refusing a billion-laughs alias bomb: ${figures.billionLaughsMs} ms   target ≤ ${TARGETS.hostileMs.toLocaleString('en-US')} ms`);
    console.log(`${mark(pass.deepNestingMs)} refusing 400,000-deep flow nesting: ${figures.deepNestingMs} ms   target ≤ ${TARGETS.hostileMs.toLocaleString('en-US')} ms`);
    console.log(`${mark(pass.fuzzSlowestCpuMs)} slowest of ${figures.fuzzFiles.toLocaleString('en-US')} fuzzed files to load and play: ${figures.fuzzSlowestCpuMs} ms CPU (${figures.fuzzSlowestKind})   target ≤ ${TARGETS.fuzzCaseCpuMs.toLocaleString('en-US')} ms`);
    console.log(`${mark(pass.debriefMs)} building a 10-quarter debrief: ${figures.debriefMs} ms   target ≤ ${TARGETS.debriefMs} ms`);
    console.log(`info verifying 100 result codes in Node: ${figures.verify100CodesMs} ms   (the ≤ 200 ms target is the browser's: npm run bench:browser)`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
