// The fuzz corpus's speed, for `npm run bench`: the fuzz tests (tests/scenario/fuzz*.test.ts)
// check what every broken scenario file does; this measures how long the slowest one takes to
// load and, when valid, to play a whole game with the balanced bot — in CPU time, because on a
// shared machine wall time counts other processes' turns too. It samples the tests' own
// generators with their seeds, so it times the kind of file the tests check. It lives outside
// src/ because the corpus is test code; src/cli/bench.ts runs it as a child process and prints
// its figure with the others (`--json` prints them as one line here).
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadScenario } from '../src/scenario/load';
import { botNamed, playBot } from '../src/sim/index';
import { BASES, addBase, structuralCase, textCase, type Case } from '../tests/scenario/corpus';

/** Files sampled from each corpus: enough to meet the slow kinds, quick enough for a bench run. */
const SAMPLES = 1000;

// The bases the structural fuzz test uses: the minimal file weighted six to one over two-hats.
const twoHats = readFileSync('scenarios/two-hats.yaml', 'utf8');
const minimal = BASES[0]!;
for (let i = 0; i < 6; i++) addBase(minimal.name, minimal.text, minimal.data);
addBase('two-hats.yaml', twoHats, parse(twoHats));

const balanced = botNamed('balanced')!;

function cpuMs(c: Case): number {
  const cpu = process.cpuUsage();
  const result = loadScenario(c.text, c.name);
  if (result.ok) playBot(result.scenario, result.scenario.defaultSeed, balanced);
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1000;
}

function slowest(cases: Case[]): { ms: number; kind: string } {
  let worst = { ms: 0, kind: '' };
  for (const c of cases) {
    const ms = cpuMs(c);
    if (ms > worst.ms) worst = { ms, kind: c.kind };
  }
  return worst;
}

const structural = slowest(fc.sample(structuralCase, { numRuns: SAMPLES, seed: 5_2026 }));
const text = slowest(fc.sample(textCase, { numRuns: SAMPLES, seed: 5_2027 }));
const worst = structural.ms >= text.ms ? structural : text;
console.log(JSON.stringify({ files: 2 * SAMPLES, slowestMs: Number(worst.ms.toFixed(1)), slowestKind: worst.kind }));
