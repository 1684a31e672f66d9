// Determinism of the model (DESIGN.md "Determinism"): the same scenario, seed and decisions
// give the same state and hash every time; different seeds give different games; common random
// numbers — the luck table depends only on scenario and seed, never on decisions, and changing
// one quarter's decision leaves every earlier quarter untouched; purposes draw from separate
// streams, so one purpose's draw count shifts no other; and a source scan that fails if
// src/sim uses anything whose result can differ between runs or JavaScript engines.
//
// Why: workshop scoreboards and replays compare final-state hashes across machines and browsers.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import ts from '@typescript/typescript6';
import { describe, expect, it } from 'vitest';
import {
  BOTS,
  botNamed,
  createGame,
  decideDispute,
  playBot,
  playSteps,
  resolveQuarter,
  stateHash,
  type Decision,
  type DisputeOption,
  type GameState,
  type Scenario,
} from '../../src/sim/index';
import { drawLuck, stream, type LuckShape } from '../../src/sim/random';
import { deepFreeze, twoHats } from './helpers';

const scenario = twoHats();

type Decider = (state: GameState, rng: () => number) => Decision;

/** Plays a game deciding each quarter with `decide`; returns the state after every quarter (and the start). */
function playWith(s: Scenario, seed: number, decide: Decider, option: DisputeOption): GameState[] {
  const rng = stream(s.id, seed, 'test-bots');
  let state = createGame(s, seed);
  const states = [state];
  while (!state.finished) {
    if (state.dispute?.status === 'open') state = decideDispute(s, state, option);
    state = resolveQuarter(s, state, decide(state, rng));
    states.push(state);
  }
  return states;
}

describe('same inputs, same game', () => {
  it('replaying scenario + seed + decisions gives deep-equal states and equal hashes', () => {
    for (const bot of BOTS) {
      for (const seed of [1, 2, 99, 123456]) {
        const first = playBot(scenario, seed, bot);
        // A structurally identical but separate scenario object: no cache keyed on identity may matter.
        const second = playBot(twoHats(), seed, bot);
        expect(second.steps).toEqual(first.steps);
        expect(second.state).toEqual(first.state);
        expect(stateHash(second.state)).toBe(stateHash(first.state));
        // The recorded steps replay to the same state.
        const replayed = playSteps(scenario, seed, first.steps);
        expect(replayed).toEqual(first.state);
        expect(stateHash(replayed)).toBe(stateHash(first.state));
      }
    }
  });

  it('playing interleaved with other games changes nothing (no hidden shared state)', () => {
    const random = botNamed('random')!;
    const alone = playBot(scenario, 7, random).state;
    for (const seed of [8, 9, 10]) playBot(scenario, seed, random);
    playBot(twoHats(), 11, botNamed('adaptive')!);
    expect(stateHash(playBot(scenario, 7, random).state)).toBe(stateHash(alone));
  });

  it('resolveQuarter leaves a structurally cloned copy of its input equal (alongside the deep-freeze checks)', () => {
    for (const seed of [3, 4]) {
      for (const bot of BOTS) {
        const rng = stream(scenario.id, seed, 'clone-check');
        let state = createGame(scenario, seed);
        while (!state.finished) {
          if (state.dispute?.status === 'open') {
            const copy = structuredClone(state);
            const settled = decideDispute(scenario, state, 'discontinue');
            expect(state).toEqual(copy);
            state = settled;
          }
          const copy = structuredClone(state);
          const next = resolveQuarter(scenario, state, bot.decide(scenario, state, rng));
          expect(state).toEqual(copy);
          state = next;
        }
      }
    }
  });
});

describe('different seeds, different games', () => {
  it('final hashes, luck tables and hidden anchors differ between seeds', () => {
    const balanced = botNamed('balanced')!;
    const hashes = new Set<string>();
    const disputeAnchors = new Set<number>();
    const seeds = Array.from({ length: 30 }, (_, i) => i + 1);
    for (const seed of seeds) {
      hashes.add(stateHash(playBot(scenario, seed, balanced).state));
      const game = createGame(scenario, seed);
      const account = game.accounts.find((a) => a.id === scenario.dispute!.account)!;
      disputeAnchors.add(account.buys.find((b) => b.product === scenario.dispute!.product)!.anchor);
    }
    expect(hashes.size).toBe(seeds.length);
    expect(disputeAnchors.size).toBe(seeds.length);
    expect(createGame(scenario, 1).luck).not.toEqual(createGame(scenario, 2).luck);
  });

  it('the scenario id is part of the stream keys: the same seed in another scenario draws differently', () => {
    const other = { ...twoHats(), id: 'two-hats-copy' };
    expect(createGame(other, 1).luck).not.toEqual(createGame(scenario, 1).luck);
  });
});

describe('common random numbers', () => {
  it('two games with the same seed but different decisions have identical luck tables', () => {
    for (const seed of [1, 5, 42]) {
      const lucks = BOTS.map((bot) => playBot(scenario, seed, bot).state.luck);
      const initial = createGame(scenario, seed).luck;
      for (const luck of lucks) expect(luck).toEqual(initial);
    }
  });

  it('changing one quarter’s decision leaves every earlier quarter’s state and record identical', () => {
    const botArb = fc.constantFrom(...BOTS);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: scenario.quarters }),
        botArb,
        botArb,
        fc.constantFrom<DisputeOption>('keep', 'discontinue'),
        (seed, changeAt, first, then, option) => {
          const bot: Decider = (state, rng) => first.decide(scenario, state, rng);
          const base = playWith(scenario, seed, bot, option);
          const baseRecord = base[base.length - 1]!.history[changeAt - 1]!;
          // At changeAt the fork plays a decision with different effort (none, or one research
          // point if the baseline spent none), then another bot for the rest of the game.
          const changed: Decision =
            baseRecord.effortMarketing + baseRecord.effortSales + baseRecord.effortJoint > 0 ? { moves: [] } : { moves: [{ kind: 'research', points: 1 }] };
          const fork = playWith(
            scenario,
            seed,
            (state, rng) => (state.quarter < changeAt ? bot(state, rng) : state.quarter === changeAt ? changed : then.decide(scenario, state, rng)),
            option,
          );
          const b = base[base.length - 1]!;
          const f = fork[fork.length - 1]!;
          expect(f.luck).toEqual(b.luck);
          expect(f.history.slice(0, changeAt - 1)).toEqual(b.history.slice(0, changeAt - 1));
          for (let i = 0; i < changeAt; i++) expect(stateHash(fork[i]!)).toBe(stateHash(base[i]!));
          expect(f.history[changeAt - 1]).not.toEqual(baseRecord);
        },
      ),
      { seed: 7, numRuns: 60 },
    );
  });

  it('each purpose has its own stream: more prospects or quarters shift no other purpose’s draws', () => {
    const shape: LuckShape = { quarters: 10, products: 5, purchasesPerAccount: [3, 2, 2, 1], prospects: 24 };
    const base = drawLuck('two-hats', 9, shape);
    const moreProspects = drawLuck('two-hats', 9, { ...shape, prospects: 40 });
    expect(moreProspects.market).toEqual(base.market);
    expect(moreProspects.conversion).toEqual(base.conversion);
    expect(moreProspects.investigation).toEqual(base.investigation);
    expect(moreProspects.anchors).toEqual(base.anchors);
    expect(moreProspects.disputeAnchor).toBe(base.disputeAnchor);
    expect(moreProspects.prospects.slice(0, shape.prospects)).toEqual(base.prospects);

    const longer = drawLuck('two-hats', 9, { ...shape, quarters: 14 });
    expect(longer.market.slice(0, 10)).toEqual(base.market);
    expect(longer.conversion.slice(0, 10)).toEqual(base.conversion);
    expect(longer.churn.slice(0, 10)).toEqual(base.churn);
    expect(longer.investigation.slice(0, 10)).toEqual(base.investigation);
    expect(longer.prospects).toEqual(base.prospects);
  });

  it('the luck table is, draw for draw, what seedrandom’s tychei streams give for each purpose', () => {
    // drawLuck runs tychei's steps itself for speed; every number must still be the library's.
    const shape: LuckShape = { quarters: 6, products: 4, purchasesPerAccount: [3, 1, 2], prospects: 5 };
    const luck = drawLuck('mirror', 31, shape);
    const market = stream('mirror', 31, 'market');
    const conversion = stream('mirror', 31, 'conversion');
    const churn = stream('mirror', 31, 'churn');
    const investigation = stream('mirror', 31, 'investigation');
    for (let q = 0; q < shape.quarters; q++) {
      expect(luck.market[q]).toEqual(Array.from({ length: shape.products }, () => market()));
      expect(luck.conversion[q]).toBe(conversion());
      expect(luck.churn[q]).toEqual(Array.from({ length: shape.purchasesPerAccount.length + shape.prospects }, () => churn()));
      expect(luck.investigation[q]).toBe(investigation());
    }
    const setup = stream('mirror', 31, 'setup');
    expect(luck.anchors).toEqual(shape.purchasesPerAccount.map((n) => Array.from({ length: n }, () => setup())));
    expect(luck.disputeAnchor).toBe(setup());
    for (const prospect of luck.prospects) {
      const first = Math.floor(setup() * shape.products);
      const offset = 1 + Math.floor(setup() * (shape.products - 1));
      expect(prospect).toEqual({ preferences: [first, (first + offset) % shape.products], size: setup(), anchorDraws: [setup(), setup()] });
    }
  });

  it('the luck table has the fixed shape the resolver indexes (per quarter, per entity), all draws in [0, 1)', () => {
    const luck = createGame(scenario, 3).luck;
    const slots = scenario.accounts.length + scenario.market.prospects;
    expect(luck.market).toHaveLength(scenario.quarters);
    for (const row of luck.market) expect(row).toHaveLength(scenario.products.length);
    expect(luck.churn).toHaveLength(scenario.quarters);
    for (const row of luck.churn) expect(row).toHaveLength(slots);
    expect(luck.conversion).toHaveLength(scenario.quarters);
    expect(luck.prospects).toHaveLength(scenario.market.prospects);
    const draws = [
      ...luck.market.flat(),
      ...luck.churn.flat(),
      ...luck.conversion,
      ...luck.investigation,
      ...luck.anchors.flat(),
      luck.disputeAnchor,
      ...luck.prospects.flatMap((p) => [p.size, ...p.anchorDraws]),
    ];
    for (const d of draws) expect(d >= 0 && d < 1).toBe(true);
    for (const p of luck.prospects) {
      for (const i of p.preferences) expect(Number.isInteger(i) && i >= 0 && i < scenario.products.length).toBe(true);
      expect(p.preferences[0]).not.toBe(p.preferences[1]);
    }
  });

  it('the game does not depend on the luck table being mutable (it is read-only data)', () => {
    const state = deepFreeze(createGame(scenario, 12));
    expect(() => resolveQuarter(scenario, state, { moves: [] })).not.toThrow();
  });

  it('the PRNG itself is pinned (seedrandom tychei, integer arithmetic, identical in every engine)', () => {
    // Computed once with seedrandom 3.0.5 in Node 20 and written down. If these change, every
    // recorded replay and published scoreboard hash changes with them.
    const r = stream('pin', 7, 'market');
    expect([r(), r(), r()]).toEqual([0.682411175686866, 0.9657897055149078, 0.08312261267565191]);
  });
});

// ---------------------------------------------------------------------------------------
// Source scan

const SIM_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/sim');

/** Math functions whose last bits may differ between engines (DESIGN: no exp, log, fractional pow). */
const FORBIDDEN_MATH = new Set([
  'random', 'exp', 'expm1', 'log', 'log1p', 'log2', 'log10', 'pow',
  'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'cbrt', 'hypot',
]);
/** Globals that read the clock or a non-seeded random source. */
const FORBIDDEN_GLOBALS = new Set(['Date', 'performance', 'crypto']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sourceFiles(path);
      return /\.(ts|tsx|mts|cts|js|mjs)$/.test(name) ? [path] : [];
    });
}

function isIntegerLiteral(node: ts.Expression): boolean {
  let e = node;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  return ts.isNumericLiteral(e) && Number.isInteger(Number(e.text));
}

/** Problems in one file: forbidden calls and globals, fractional `**`, imports from outside src/sim. */
function scanSource(fileName: string, text: string, simDir = SIM_DIR): string[] {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
  const problems: string[] = [];
  const where = (node: ts.Node) => {
    const { line, character } = file.getLineAndCharacterOfPosition(node.getStart(file));
    return `${relative(simDir, fileName) || fileName}:${line + 1}:${character + 1}`;
  };
  const checkSpecifier = (node: ts.Node, specifier: string) => {
    if (specifier === 'seedrandom') return;
    if (specifier.startsWith('./') || specifier.startsWith('../')) {
      const target = resolve(dirname(fileName), specifier);
      if (target === simDir || target.startsWith(simDir + sep)) return;
    }
    problems.push(`${where(node)}: imports "${specifier}" (only files of src/sim and seedrandom)`);
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      checkSpecifier(node, node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node)) {
      problems.push(`${where(node)}: import = require(...)`);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isDynamicImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      if (isDynamicImport || isRequire) {
        const arg = node.arguments[0];
        if (arg && ts.isStringLiteralLike(arg)) checkSpecifier(node, arg.text);
        else problems.push(`${where(node)}: dynamic import/require with a computed specifier`);
      }
    } else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Math') {
      if (FORBIDDEN_MATH.has(node.name.text)) problems.push(`${where(node)}: Math.${node.name.text}`);
    } else if (ts.isElementAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Math') {
      problems.push(`${where(node)}: Math[...] (computed access hides which function is used)`);
    } else if (ts.isIdentifier(node) && FORBIDDEN_GLOBALS.has(node.text)) {
      const parent = node.parent;
      // A property *named* Date (obj.Date, { Date: 1 }) is not the global.
      const isPropertyName = (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node);
      if (!isPropertyName) problems.push(`${where(node)}: ${node.text}`);
    } else if (
      ts.isBinaryExpression(node) &&
      (node.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskToken || node.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskEqualsToken) &&
      !isIntegerLiteral(node.right)
    ) {
      problems.push(`${where(node)}: ** with an exponent that is not an integer literal (${node.right.getText(file)})`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return problems;
}

describe('source scan of src/sim', () => {
  it('finds the model sources', () => {
    const files = sourceFiles(SIM_DIR).map((f) => relative(SIM_DIR, f));
    expect(files).toContain('model.ts');
    expect(files).toContain(join('resolve', 'quarter.ts'));
    expect(files).toContain(join('bots', 'strategies.ts'));
  });

  it('the scanner catches every forbidden construct (so a clean scan means something)', () => {
    const bad = [
      'const a = Math.random();',
      'const b = Date.now();',
      'const c = new Date();',
      'const d = Math.exp(1);',
      'const e = Math.log(2);',
      'const f = Math.pow(2, 3);',
      'const g = 2 ** 0.5;',
      'let h = 2; h **= x;',
      'const i = performance.now();',
      "import { z } from 'zod';",
      "import * as p from 'node:path';",
      "export { y } from '../flow/machine';",
      "const j = await import('phaser');",
      "const k = require('fs');",
      'const l = crypto.getRandomValues(new Uint8Array(1));',
      "const m = Math['ex' + 'p'](1);",
    ];
    for (const line of bad) expect(scanSource(join(SIM_DIR, 'probe.ts'), line), line).not.toEqual([]);
    const good = [
      "import seedrandom from 'seedrandom';",
      "import { fix } from './model';",
      "import { adbudg } from '../model';",
      "import type { Luck } from './random';",
      'const a = Math.round(2.5) + Math.floor(1.5) + Math.min(1, 2) + Math.abs(-1) + Math.sqrt(4);',
      'const b = x ** 2 + y ** (3);',
      '// Math.random, Date.now() and Math.exp in a comment are fine',
      "const c = 'Date and Math.log in a string are fine';",
      'const d = { Date: 1 }.Date;',
    ];
    for (const line of good) expect(scanSource(join(SIM_DIR, 'bots', 'probe.ts'), line), line).toEqual([]);
  });

  it('src/sim uses no clock, no unseeded randomness, no engine-dependent maths and imports only itself and seedrandom', () => {
    const problems = sourceFiles(SIM_DIR).flatMap((file) => scanSource(file, readFileSync(file, 'utf8')));
    expect(problems).toEqual([]);
  });
});
