// The layer table of DESIGN.md ("Architecture") as a test: every import of every source file
// under src/ and scenes/ must be one its layer may make, npm packages included (Phaser only in
// scenes/, seedrandom the model's only dependency, xstate from the flow up, Node built-ins only
// in the server and the tools), and no file may reach itself through its imports. A failure
// names file:line and the rule, or the circle as a path. The checker is tested on fixture text
// first, so a clean run of the repository means something.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLayers, findCircles, placeOf, readImports, type Problem } from './imports';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCE_DIRS = ['src', 'scenes'];
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs)$/;

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sourceFiles(path);
      return SOURCE.test(name) ? [path] : [];
    });
}

const toRepo = (path: string) => relative(ROOT, path).split(sep).join('/');
const format = (p: Problem) => `${p.file}:${p.line}: ${p.message}`;

function repository(): Map<string, string> {
  const files = new Map<string, string>();
  for (const dir of SOURCE_DIRS) for (const path of sourceFiles(join(ROOT, dir))) files.set(toRepo(path), readFileSync(path, 'utf8'));
  return files;
}

const onDisk = (path: string) => existsSync(join(ROOT, path)) && statSync(join(ROOT, path)).isFile();

/** Fixture files: path → text; `check` runs the layer check on them alone. */
function check(files: Record<string, string>, alsoExisting: string[] = []) {
  const known = new Set(alsoExisting);
  return checkLayers(new Map(Object.entries(files)), (p) => known.has(p));
}

describe('the import checker (on fixture text)', () => {
  it('reads static, re-exported, dynamic, require, import-type and worker imports, and which are type-only', () => {
    const { imports, problems } = readImports(
      'src/app/probe.ts',
      [
        "import a from './a';",
        "import type { B } from './b';",
        "import { type C, type D } from './c';",
        "import { type E, f } from './e';",
        "export { g } from './g';",
        "export type { H } from './h';",
        "export * from './i';",
        "const j = await import('./j');",
        "type K = import('./k').K;",
        "import l = require('./l');",
        "const m = require('./m');",
        "const n = `import('./not-an-import')`; // import('./nor-this')",
        "const o = new Worker(new URL('./o.ts', import.meta.url), { type: 'module' });",
        "const p = new Worker('./p.js'); const q = new URL('./q.png', import.meta.url);",
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(imports.map((i) => [i.specifier, i.line, i.kind, i.typeOnly])).toEqual([
      ['./a', 1, 'static', false],
      ['./b', 2, 'static', true],
      ['./c', 3, 'static', true],
      ['./e', 4, 'static', false],
      ['./g', 5, 'export', false],
      ['./h', 6, 'export', true],
      ['./i', 7, 'export', false],
      ['./j', 8, 'dynamic', false],
      ['./k', 9, 'type', true],
      ['./l', 10, 'require', false],
      ['./m', 11, 'require', false],
      ['./o.ts', 13, 'worker', false],
    ]);
    expect(readImports('src/app/probe.ts', 'const x = await import(name);').problems).toHaveLength(1);
  });

  it('places files by the table and flags a file in no place', () => {
    expect(placeOf('src/sim/resolve/quarter.ts')).toBe('model');
    expect(placeOf('src/balance/report.ts')).toBe('balance');
    expect(placeOf('src/server/http.ts')).toBe('server');
    expect(placeOf('src/main.ts')).toBe('entry');
    expect(placeOf('src/cli/bench.ts')).toBe('tools');
    expect(placeOf('src/misc/thing.ts')).toBeNull();
    expect(check({ 'src/misc/thing.ts': '' }).problems.map(format)).toEqual([expect.stringMatching(/^src\/misc\/thing\.ts:1: lies in no place/)]);
  });

  it('catches an import against the table, naming file:line and the rule', () => {
    const report = check({
      'src/sim/model.ts': "import seedrandom from 'seedrandom';\nimport { machine } from '../flow/machine';\n",
      'src/flow/machine.ts': "import { createMachine } from 'xstate';\nimport { model } from '../sim/model';\n",
    });
    expect(report.problems.map(format)).toEqual(['src/sim/model.ts:2: imports src/flow/machine.ts (flow): model (src/sim/) may import nothing but seedrandom']);
  });

  it('catches each rule of the table', () => {
    const cases: [string, Record<string, string>, RegExp, string[]?][] = [
      ['model: a package', { 'src/sim/a.ts': "import { z } from 'zod';" }, /src\/sim\/a\.ts:1: imports "zod": model/],
      ['model: a Node built-in', { 'src/sim/a.ts': "\nimport { join } from 'node:path';" }, /src\/sim\/a\.ts:2: imports "node:path"/],
      ['flow: the scenario layer', { 'src/flow/a.ts': "import { load } from '../scenario/load';", 'src/scenario/load.ts': '' }, /imports src\/scenario\/load\.ts \(scenario\): flow/],
      ['scenario: a model value', { 'src/scenario/a.ts': "import { fix } from '../sim/model';", 'src/sim/model.ts': '' }, /model types only — only `import type`/],
      ['scenario: a mixed import of the model', { 'src/scenario/a.ts': "import { type S, fix } from '../sim/model';", 'src/sim/model.ts': '' }, /model types only/],
      ['scenario: xstate', { 'src/scenario/a.ts': "import type { Actor } from 'xstate';" }, /xstate belongs to the flow/],
      ['debrief: the app', { 'src/debrief/a.ts': "import { texts } from '../app/texts';", 'src/app/texts.ts': '' }, /imports src\/app\/texts\.ts \(app\): replay, scoreboard, debrief, balance/],
      ['replay: a tool', { 'src/replay/a.ts': "import { x } from '../cli/x';", 'src/cli/x.ts': '' }, /\(tools\)/],
      ['app: Phaser, even as a type', { 'src/app/a.ts': "import type Phaser from 'phaser';" }, /scenes\/ is the only place Phaser is imported/],
      ['app: a scene', { 'src/app/a.ts': "import { Title } from '../../scenes/Title';", 'scenes/Title.ts': '' }, /\(scenes\): app/],
      ['app: a Node built-in', { 'src/app/a.ts': "import { readFileSync } from 'fs';" }, /Node built-ins only in the server and the tools/],
      ['server: the app', { 'src/server/a.ts': "import { s } from '../app/session';", 'src/app/session.ts': '' }, /\(app\): server/],
      ['server: the debrief', { 'src/server/a.ts': "import { d } from '../debrief/index';", 'src/debrief/index.ts': '' }, /\(debrief\): server/],
      ['scenes: the server', { 'scenes/a.ts': "const s = await import('../src/server/http');", 'src/server/http.ts': '' }, /scenes\/a\.ts:1: imports src\/server\/http\.ts \(server\): scenes/],
      ['scenes: a tool', { 'scenes/a.ts': "export { b } from '../src/cli/bench';", 'src/cli/bench.ts': '' }, /\(tools\): scenes/],
      ['tools: a scene', { 'src/cli/a.ts': "import type { T } from '../../scenes/Title';", 'scenes/Title.ts': '' }, /\(scenes\): tools/],
      ['app: Phaser by a triple-slash reference', { 'src/app/env.d.ts': '/// <reference types="vite/client" />\n/// <reference types="phaser" />' }, /src\/app\/env\.d\.ts:2: imports "phaser"/],
      ['entry: Phaser', { 'src/main.ts': "import Phaser from 'phaser';" }, /only place Phaser/],
      ['anyone: a test file', { 'src/app/a.ts': "import { t } from '../../tests/t';" }, /tests\/t\.ts \(in no layer\)/, ['tests/t.ts']],
      ['anyone: a missing file', { 'src/app/a.ts': "import { t } from './gone';" }, /imports "\.\/gone", which names no file/],
      ['flow: a worker module of the app', { 'src/flow/a.ts': "const w = new Worker(new URL('../app/w.ts', import.meta.url));", 'src/app/w.ts': '' }, /src\/flow\/a\.ts:1: imports src\/app\/w\.ts \(app\): flow/],
      ['flow: built content', { 'src/flow/a.ts': "import { scenarios } from 'virtual:shipped-scenarios';" }, /virtual module/],
    ];
    for (const [name, files, expected, existing] of cases) {
      const problems = check(files, existing).problems.map(format);
      expect(problems, name).toHaveLength(1);
      expect(problems[0], name).toMatch(expected);
    }
  });

  it('lets each layer make the imports the table allows', () => {
    const report = check(
      {
        'src/sim/index.ts': "import seedrandom from 'seedrandom';\nexport * from './model';",
        'src/sim/model.ts': '',
        'src/flow/index.ts': "import { setup } from 'xstate';\nimport { x } from '../sim/index';",
        'src/scenario/load.ts': "import type { S } from '../sim/index';\nimport { type T } from '../sim/model';\nimport YAML from 'yaml';",
        'src/replay/replay.ts': "import { m } from '../flow/index';\nimport { l } from '../scenario/load';",
        'src/scoreboard/verify.ts': "import { r } from '../replay/replay';",
        'src/balance/report.ts': "import { v } from '../scoreboard/verify';",
        'src/app/session.ts': "import { createActor } from 'xstate';\nimport { r } from '../balance/report';\nimport { scenarios } from 'virtual:shipped-scenarios';",
        'src/server/http.ts': "import { createServer } from 'node:http';\nimport { v } from '../scoreboard/verify';",
        'scenes/Title.ts': "import Phaser from 'phaser';\nimport { s } from '../src/app/session';\nimport svg from '../assets/cup.svg?raw';",
        'src/cli/tool.ts': "import { readFileSync } from 'node:fs';\nimport { h } from '../server/http';\nimport { s } from '../app/session';",
        'src/main.ts': "import { t } from '../scenes/Title';\nimport { s } from './app/session';",
      },
      ['assets/cup.svg'],
    );
    expect(report.problems.map(format)).toEqual([]);
  });

  it('finds an import circle and names it as a path with each import line', () => {
    const report = check({
      'src/sim/a.ts': "import { b } from './b';",
      'src/sim/b.ts': "\nimport { c } from './c';",
      'src/sim/c.ts': "\n\nimport type { A } from './a';",
      'src/sim/d.ts': "import { a } from './a';",
    });
    expect(report.problems).toEqual([]);
    expect(findCircles(report.edges)).toEqual([
      { members: ['src/sim/a.ts', 'src/sim/b.ts', 'src/sim/c.ts'], path: 'src/sim/a.ts:1 → src/sim/b.ts:2 → src/sim/c.ts:3 → src/sim/a.ts' },
    ]);
  });

  it('finds a file that imports itself and separate circles separately, and none in a one-way graph', () => {
    const circles = findCircles(
      check({
        'src/app/self.ts': "import { x } from './self';",
        'src/app/p.ts': "import { q } from './q';",
        'src/app/q.ts': "import { p } from './p';",
        'src/app/r.ts': "import { p } from './p';\nimport { q } from './q';",
      }).edges,
    );
    expect(circles.map((c) => c.path)).toEqual(['src/app/p.ts:1 → src/app/q.ts:1 → src/app/p.ts', 'src/app/self.ts:1 → src/app/self.ts']);
    expect(findCircles(check({ 'src/app/a.ts': "import './b';\nimport './c';", 'src/app/b.ts': "import './c';", 'src/app/c.ts': '' }).edges)).toEqual([]);
  });
});

describe('the repository', () => {
  const files = repository();
  const report = checkLayers(files, onDisk);

  it('has the sources the check reads (so an empty scan cannot pass)', () => {
    expect([...files.keys()]).toEqual(expect.arrayContaining(['src/sim/index.ts', 'src/flow/index.ts', 'src/app/session.ts', 'scenes/game.ts', 'src/main.ts', 'src/cli/bench.ts']));
    expect(report.imports.length).toBeGreaterThan(200);
    expect(report.edges.some((e) => e.from === 'src/main.ts' && e.to === 'scenes/game.ts')).toBe(true);
  });

  it('every import of src/ and scenes/ is one the layer table allows', () => {
    expect(report.problems.map(format)).toEqual([]);
  });

  it('no file reaches itself through its imports (type-only imports included)', () => {
    expect(findCircles(report.edges).map((c) => `circle: ${c.path}${c.members.length > 2 ? ` (part of ${c.members.join(', ')})` : ''}`)).toEqual([]);
  });
});
