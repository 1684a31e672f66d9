// The fuzz corpus: fast-check arbitraries that turn valid scenario files into broken ones.
// Structural mutations edit the parsed data (delete, retype, push out of range, huge strings,
// deep nesting, unknown keys) and write it back as YAML or JSON: both our loader and a JSON
// Schema validator can judge those. Text mutations break the file as text (alias bombs, binary
// junk, truncation, unbalanced brackets): only a parser sees those. Most cases are cheap on
// purpose — small base files, one to three edits — so ten thousand of them run in seconds.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

const read = (relative: string) => readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8');

export interface Base {
  name: string;
  text: string;
  data: unknown;
}

function base(name: string, relative: string, data: unknown): Base {
  return { name, text: read(relative), data };
}

// The data of each base is parsed once here with JSON (the fixtures have a JSON twin, the
// shipped file is read through the loader by the tests that need it).
const minimalJson = JSON.parse(read('./fixtures/minimal.json')) as Record<string, unknown>;

export const BASES: Base[] = [base('minimal.yaml', './fixtures/minimal.yaml', minimalJson)];

/** Adds a base (e.g. a shipped scenario's parsed data); weights are by position in the list. */
export function addBase(name: string, text: string, data: unknown): void {
  BASES.push({ name, text, data });
}

export type Case = { name: string; text: string; kind: string; structural: boolean; data?: unknown };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Every path in the data, parents before children, so an index picks any field or item. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(value)) value.forEach((v, i) => { out.push([...prefix, i]); paths(v, [...prefix, i], out); });
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      out.push([...prefix, k]);
      paths(v, [...prefix, k], out);
    }
  }
  return out;
}

const RETYPES: Json[] = ['text', 42, 3.5, true, false, null, [], {}, -1, 0, '', ['a'], { x: 1 }];
const OPS = ['delete', 'retype', 'range', 'huge-string', 'deep', 'unknown-key', 'rename-key', 'grow-list', 'swap'] as const;
type Op = (typeof OPS)[number];

function nest(value: Json, depth: number, arrays: boolean): Json {
  let out = value;
  for (let i = 0; i < depth; i++) out = arrays ? [out] : { n: out };
  return out;
}

function outOfRange(value: Json, variant: number): Json {
  if (typeof value === 'number') {
    const choices = [value * 1000 + 1, -value - 1, value + 0.5, 1e300, -1e300, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, value - 0.25, 1.5];
    return choices[variant % choices.length]!;
  }
  if (typeof value === 'string') return ['', ' ', 'x'.repeat(81), 'Upper-Case', '-leading', 'a'.repeat(41)][variant % 6]!;
  if (Array.isArray(value)) return variant % 2 === 0 ? [] : Array.from({ length: 70 }, () => value[0] ?? null);
  if (typeof value === 'boolean') return variant % 2 === 0 ? 'yes' : 1;
  return value;
}

/** Applies one structural edit in place at the path; the parent is always a container. */
function apply(root: { value: Json }, path: (string | number)[], op: Op, variant: number): void {
  let parent: Json = root.value;
  for (const key of path.slice(0, -1)) {
    if (parent === null || typeof parent !== 'object') return;
    parent = (parent as Record<string, Json>)[key as string] as Json;
  }
  if (parent === null || typeof parent !== 'object') return;
  const key = path[path.length - 1]!;
  const container = parent as Record<string | number, Json>;
  if (!(key in container)) return;
  const current = container[key]!;
  switch (op) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete container[key];
      break;
    case 'retype':
      container[key] = RETYPES[variant % RETYPES.length]!;
      break;
    case 'range':
      container[key] = outOfRange(current, variant);
      break;
    case 'huge-string':
      container[key] = 'x'.repeat([81, 2001, 20_000, 200_000][variant % 4]!) + (variant % 3 === 0 ? '\u0000\u202e<script>' : '');
      break;
    case 'deep':
      container[key] = nest(current, [5, 33, 200][variant % 3]!, variant % 2 === 0);
      break;
    case 'unknown-key':
      if (typeof current === 'object' && current !== null && !Array.isArray(current)) (current as Record<string, Json>)[`extra${variant % 3}`] = 1;
      else container[key] = { extra: current };
      break;
    case 'rename-key':
      if (!Array.isArray(parent)) {
        delete container[key];
        container[`${String(key)}${['s', '_', 'X'][variant % 3]!}`] = current;
      }
      break;
    case 'grow-list':
      if (Array.isArray(current)) current.push(...Array.from({ length: 1 + (variant % 3) }, () => clone(current[variant % Math.max(1, current.length)] ?? null)));
      else container[key] = [current, current];
      break;
    case 'swap':
      if (Array.isArray(current) && current.length > 1) current.reverse();
      else container[key] = typeof current === 'number' ? -current : current;
      break;
  }
}

export const structuralCase: fc.Arbitrary<Case> = fc
  .record({
    base: fc.nat(),
    format: fc.nat(3),
    edits: fc.array(fc.record({ at: fc.nat(), op: fc.constantFrom(...OPS), variant: fc.nat(1000) }), { minLength: 1, maxLength: 3 }),
  })
  .map(({ base: b, format, edits }) => {
    const source = BASES[b % BASES.length]!;
    const root = { value: clone(source.data) as Json };
    for (const edit of edits) {
      const all = paths(root.value);
      const path = all.length === 0 ? undefined : all[edit.at % all.length];
      if (path) apply(root, path, edit.op, edit.variant);
    }
    // Half JSON files; a quarter JSON text in a .yaml file (YAML's flow style, cheap to write);
    // a quarter block-style YAML as instructors write it (slower to write, so rarer).
    const json = format >= 2;
    const name = source.name.replace(/\.ya?ml$|\.json$/, json ? '.json' : '.yaml');
    const text = format === 0 ? stringify(root.value, { aliasDuplicateObjects: false }) : JSON.stringify(root.value, null, 1);
    return { name, text, kind: edits.map((e) => e.op).join('+'), structural: true, data: root.value };
  });

const TEXT_KINDS = ['alias-bomb', 'binary', 'truncate', 'splice', 'brackets', 'control', 'duplicate-key', 'tabs'] as const;

function aliasBomb(levels: number, width: number): string {
  const lines = [`l0: &l0 [${Array.from({ length: width }, () => '"lol"').join(', ')}]`];
  for (let i = 1; i < levels; i++) lines.push(`l${i}: &l${i} [${Array.from({ length: width }, () => `*l${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

export const textCase: fc.Arbitrary<Case> = fc
  .record({
    base: fc.nat(),
    kind: fc.constantFrom(...TEXT_KINDS),
    at: fc.nat(),
    span: fc.nat(400),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
    n: fc.integer({ min: 1, max: 10 }),
  })
  .map(({ base: b, kind, at, span, bytes, n }) => {
    const source = BASES[b % BASES.length]!;
    const text = source.text;
    const i = at % (text.length + 1);
    let out: string;
    switch (kind) {
      case 'alias-bomb':
        out = n % 2 === 0 ? aliasBomb(3 + n, 9) : `${aliasBomb(2 + n, 10)}${text}`;
        break;
      case 'binary':
        out = n % 3 === 0 ? Buffer.from(bytes).toString('latin1') : text.slice(0, i) + Buffer.from(bytes).toString('latin1') + text.slice(i);
        break;
      case 'truncate':
        out = text.slice(0, i);
        break;
      case 'splice':
        out = text.slice(0, i) + text.slice(i + span) + (n % 2 === 0 ? text.slice(i, i + span) : '');
        break;
      case 'brackets':
        out = text.slice(0, i) + '['.repeat(n * 20) + (n % 2 === 0 ? ']'.repeat(n * 20) : '') + text.slice(i);
        break;
      case 'control':
        out = text.slice(0, i) + ['\u0000', '\uFEFF', '\r', '\u2028', '\uD800', '\t'][n % 6]! + text.slice(i);
        break;
      case 'duplicate-key': {
        const lines = text.split('\n');
        const line = i % lines.length;
        lines.splice(line, 0, lines[line]!);
        out = lines.join('\n');
        break;
      }
      case 'tabs':
        out = text.replace(/^ {2}/gm, n % 2 === 0 ? '\t' : '   ');
        break;
    }
    return { name: source.name, text: out, kind, structural: false };
  });
