// The import checker behind tests/architecture/layers.test.ts: reads every import of a set of
// source texts (static imports, `export … from`, `import x = require()`, `require()`, dynamic
// `import()`, `import('…')` types and a worker's module, `new Worker(new URL('…', import.meta.url))`,
// as Vite bundles it), places each file in a layer of DESIGN.md's table
// ("Architecture"), and reports each import the table does not allow and each import circle.
// It takes texts and an existence check rather than reading the disk itself, so its own test can
// feed it fixture text and see a violation or a circle caught.
import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import ts from '@typescript/typescript6';

/** Where a file lives, by the table's "place" column (content: scenarios/ and assets/; entry: the page's src/main.ts). */
export type Place =
  | 'model'
  | 'flow'
  | 'scenario'
  | 'replay'
  | 'scoreboard'
  | 'debrief'
  | 'balance'
  | 'app'
  | 'server'
  | 'scenes'
  | 'tools'
  | 'content'
  | 'entry';

const PLACE_OF_PREFIX: [string, Place][] = [
  ['src/sim/', 'model'],
  ['src/flow/', 'flow'],
  ['src/scenario/', 'scenario'],
  ['src/replay/', 'replay'],
  ['src/scoreboard/', 'scoreboard'],
  ['src/debrief/', 'debrief'],
  ['src/balance/', 'balance'],
  ['src/app/', 'app'],
  ['src/server/', 'server'],
  ['src/cli/', 'tools'],
  ['scenes/', 'scenes'],
  ['scenarios/', 'content'],
  ['assets/', 'content'],
];

/** The place of a repository-relative path, or null when the table names no place for it. */
export function placeOf(path: string): Place | null {
  if (path === 'src/main.ts') return 'entry';
  for (const [prefix, place] of PLACE_OF_PREFIX) if (path.startsWith(prefix)) return place;
  return null;
}

const LIBRARY: Place[] = ['replay', 'scoreboard', 'debrief', 'balance'];
const BELOW_APP: Place[] = ['model', 'flow', 'scenario', ...LIBRARY];

/**
 * The table's "may import" column, place by place. A place may import itself; the four places of
 * the replay/scoreboard/debrief/balance row are one layer and may import each other (the circle
 * check keeps that one-way). The scenario layer's type-only imports of the model are in
 * TYPE_ONLY below. Content (scenario files, assets) is data for the page and the tools.
 */
export const MAY_IMPORT: Record<Place, readonly Place[]> = {
  model: ['model'],
  flow: ['model', 'flow'],
  scenario: ['scenario'],
  replay: BELOW_APP,
  scoreboard: BELOW_APP,
  debrief: BELOW_APP,
  balance: BELOW_APP,
  app: [...BELOW_APP, 'app', 'content'],
  server: ['model', 'flow', 'scenario', 'replay', 'scoreboard', 'server'],
  scenes: [...BELOW_APP, 'app', 'scenes', 'content'],
  tools: [...BELOW_APP, 'app', 'server', 'tools', 'content'],
  content: [],
  entry: [...BELOW_APP, 'app', 'scenes', 'content'],
};

/** Imports allowed only as types (`import type`, or every named import marked `type`). */
export const TYPE_ONLY: Partial<Record<Place, readonly Place[]>> = { scenario: ['model'] };

/** How the table's wording reads for a place, for messages. */
export const LAYER_RULE: Record<Place, string> = {
  model: 'model (src/sim/) may import nothing but seedrandom',
  flow: 'flow (src/flow/) may import the model',
  scenario: 'scenario (src/scenario/) may import model types only',
  replay: 'replay, scoreboard, debrief, balance may import model, flow, scenario',
  scoreboard: 'replay, scoreboard, debrief, balance may import model, flow, scenario',
  debrief: 'replay, scoreboard, debrief, balance may import model, flow, scenario',
  balance: 'replay, scoreboard, debrief, balance may import model, flow, scenario',
  app: 'app (src/app/) may import everything above it; no Phaser',
  server: 'server (src/server/) may import model, flow, scenario, replay, scoreboard; never scenes or app',
  scenes: 'scenes (scenes/) may import everything but server and tools',
  tools: 'tools (src/cli/) may import everything but scenes',
  content: 'content (scenarios/, assets/) imports nothing',
  entry: 'the page entry (src/main.ts) may import what a scene may, and the scenes',
};

const PHASER_PLACES: readonly Place[] = ['scenes'];
const XSTATE_FORBIDDEN: readonly Place[] = ['model', 'scenario'];
const NODE_PLACES: readonly Place[] = ['server', 'tools'];
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** A package specifier's package name ('@scope/name' or 'name'), without subpath. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Why `place` may not use the npm package or built-in `specifier`, or null when it may. */
export function packageRule(place: Place, specifier: string): string | null {
  const name = packageName(specifier);
  if (place === 'model') return name === 'seedrandom' ? null : LAYER_RULE.model;
  if (name === 'phaser' && !PHASER_PLACES.includes(place)) return 'scenes/ is the only place Phaser is imported';
  if ((name === 'xstate' || name.startsWith('@xstate/')) && XSTATE_FORBIDDEN.includes(place)) return 'xstate belongs to the flow (src/flow/) and the layers above it';
  if (NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(name)) {
    if (!NODE_PLACES.includes(place)) return 'Node built-ins only in the server and the tools: the other layers run in the page too';
  }
  if (specifier.startsWith('virtual:') && !MAY_IMPORT[place].includes('content')) return `${LAYER_RULE[place]} (a virtual module is built content)`;
  return null;
}

export interface Import {
  /** The importing file, repository-relative. */
  from: string;
  line: number;
  specifier: string;
  typeOnly: boolean;
  /** 'static', 'export', 'dynamic', 'require', 'type' (an `import('…')` type), 'worker' (a worker's module). */
  kind: 'static' | 'export' | 'dynamic' | 'require' | 'type' | 'worker';
}

export interface Problem {
  file: string;
  line: number;
  message: string;
}

/** Every import of one file, plus problems found while reading (computed specifiers). */
export function readImports(file: string, text: string): { imports: Import[]; problems: Problem[] } {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const imports: Import[] = [];
  const problems: Problem[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const add = (node: ts.Node, specifier: string, kind: Import['kind'], typeOnly: boolean) => imports.push({ from: file, line: lineOf(node), specifier, typeOnly, kind });
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      // `import type …`, or `import { type A, type B }` with no default import: erased entirely.
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)));
      add(node, node.moduleSpecifier.text, 'static', typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.exportClause;
      const typeOnly = node.isTypeOnly || (!!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly));
      add(node, node.moduleSpecifier.text, 'export', typeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expr = node.moduleReference.expression;
      if (ts.isStringLiteralLike(expr)) add(node, expr.text, 'require', node.isTypeOnly);
      else problems.push({ file, line: lineOf(node), message: 'import = require() with a computed specifier: its layer cannot be checked' });
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      if (ts.isLiteralTypeNode(arg) && ts.isStringLiteral(arg.literal)) add(node, arg.literal.text, 'type', true);
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && /^(Shared)?Worker$/.test(node.expression.text)) {
      // new Worker(new URL('./x.ts', import.meta.url)): the bundler follows the URL as an import.
      const arg = node.arguments?.[0];
      if (arg && ts.isNewExpression(arg) && ts.isIdentifier(arg.expression) && arg.expression.text === 'URL') {
        const [url, base] = arg.arguments ?? [];
        const relativeToModule = !!base && ts.isPropertyAccessExpression(base) && ts.isMetaProperty(base.expression) && base.name.text === 'url';
        if (url && ts.isStringLiteralLike(url) && relativeToModule) add(node, url.text, 'worker', false);
        else if (relativeToModule) problems.push({ file, line: lineOf(node), message: 'a worker with a computed URL: its layer cannot be checked' });
      }
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const dynamic = callee.kind === ts.SyntaxKind.ImportKeyword;
      const required = ts.isIdentifier(callee) && callee.text === 'require';
      if (dynamic || required) {
        const arg = node.arguments[0];
        if (arg && ts.isStringLiteralLike(arg)) add(node, arg.text, dynamic ? 'dynamic' : 'require', false);
        else problems.push({ file, line: lineOf(node), message: `${dynamic ? 'import()' : 'require()'} with a computed specifier: its layer cannot be checked` });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  // Triple-slash references are type-only imports too (a `/// <reference types="phaser" />` in
  // the app would bring Phaser's types in as surely as an import).
  const lineAt = (pos: number) => source.getLineAndCharacterOfPosition(pos).line + 1;
  for (const ref of source.typeReferenceDirectives) imports.push({ from: file, line: lineAt(ref.pos), specifier: ref.fileName, typeOnly: true, kind: 'type' });
  for (const ref of source.referencedFiles) {
    const specifier = ref.fileName.startsWith('.') ? ref.fileName : `./${ref.fileName}`;
    imports.push({ from: file, line: lineAt(ref.pos), specifier, typeOnly: true, kind: 'type' });
  }
  imports.sort((a, b) => a.line - b.line);
  return { imports, problems };
}

const EXTENSIONS = ['', '.ts', '.tsx', '.d.ts', '.mts', '/index.ts', '/index.tsx'];

/**
 * The repository-relative file a relative specifier names ('?raw' and other queries dropped; a
 * '.js' specifier may name its '.ts' source), or null when no file answers.
 */
export function resolveRelative(from: string, specifier: string, exists: (path: string) => boolean): string | null {
  const bare = specifier.replace(/[?#].*$/, '');
  const base = posix.normalize(posix.join(posix.dirname(from), bare));
  const candidates = EXTENSIONS.map((ext) => base + ext);
  if (/\.m?js$/.test(base)) candidates.push(base.replace(/\.(m?)js$/, '.$1ts'));
  return candidates.find((c) => exists(c) && !c.endsWith('/')) ?? null;
}

export interface Edge {
  from: string;
  to: string;
  line: number;
  typeOnly: boolean;
}

export interface Report {
  problems: Problem[];
  edges: Edge[];
  imports: Import[];
}

/**
 * Checks every file of `files` (repository-relative path → text) against the layer table.
 * `exists` answers for paths outside `files` (content such as assets/x.svg).
 */
export function checkLayers(files: ReadonlyMap<string, string>, exists: (path: string) => boolean = () => false): Report {
  const problems: Problem[] = [];
  const edges: Edge[] = [];
  const all: Import[] = [];
  const known = (path: string) => files.has(path) || exists(path);
  for (const [file, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const place = placeOf(file);
    if (!place) {
      problems.push({ file, line: 1, message: 'lies in no place of the layer table (DESIGN.md, Architecture): add the folder to the table and to tests/architecture/imports.ts' });
      continue;
    }
    const read = readImports(file, text);
    problems.push(...read.problems);
    all.push(...read.imports);
    for (const imp of read.imports) {
      const { specifier, line, typeOnly } = imp;
      if (!specifier.startsWith('.') && !specifier.startsWith('/')) {
        const rule = packageRule(place, specifier);
        if (rule) problems.push({ file, line, message: `imports "${specifier}": ${rule}` });
        continue;
      }
      const target = specifier.startsWith('/') ? null : resolveRelative(file, specifier, known);
      if (!target) {
        problems.push({ file, line, message: `imports "${specifier}", which names no file` });
        continue;
      }
      if (files.has(target)) edges.push({ from: file, to: target, line, typeOnly });
      const targetPlace = placeOf(target);
      const allowed =
        !!targetPlace && (MAY_IMPORT[place].includes(targetPlace) || (typeOnly && (TYPE_ONLY[place] ?? []).includes(targetPlace)));
      if (!allowed) {
        const what = targetPlace ? `${target} (${targetPlace})` : `${target} (in no layer)`;
        const hint = TYPE_ONLY[place]?.includes(targetPlace as Place) ? ' — only `import type` is allowed here' : '';
        problems.push({ file, line, message: `imports ${what}: ${LAYER_RULE[place]}${hint}` });
      }
    }
  }
  return { problems, edges, imports: all };
}

/**
 * The import circles of a graph, one per strongly connected part that has one: the shortest
 * circle through the part's first file (alphabetically), as a path a → b → … → a with the
 * line of each import. A part of several circles is named by its members too, so fixing one
 * circle shows the next on the following run rather than hiding it.
 */
export function findCircles(edges: readonly Edge[]): { members: string[]; path: string }[] {
  const out = new Map<string, Edge[]>();
  for (const e of edges) {
    if (!out.has(e.from)) out.set(e.from, []);
    out.get(e.from)!.push(e);
  }
  for (const list of out.values()) list.sort((a, b) => a.to.localeCompare(b.to) || a.line - b.line);
  const nodes = [...new Set(edges.flatMap((e) => [e.from, e.to]))].sort();
  // Tarjan's strongly connected components, iteratively (no recursion depth limit).
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const parts: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1]!;
      const succ = out.get(frame.node) ?? [];
      if (frame.next < succ.length) {
        const to = succ[frame.next++]!.to;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const part: string[] = [];
        let n: string;
        do {
          n = stack.pop()!;
          onStack.delete(n);
          part.push(n);
        } while (n !== frame.node);
        const selfLoop = part.length === 1 && (out.get(part[0]!) ?? []).some((e) => e.to === part[0]);
        if (part.length > 1 || selfLoop) parts.push(part.sort());
      }
    }
  }
  return parts
    .sort((a, b) => a[0]!.localeCompare(b[0]!))
    .map((members) => {
      const inPart = new Set(members);
      const start = members[0]!;
      // Breadth-first search inside the part for the shortest way back to the start.
      const via = new Map<string, Edge>();
      const queue = [start];
      let closing: Edge | undefined;
      while (queue.length && !closing) {
        const node = queue.shift()!;
        for (const e of out.get(node) ?? []) {
          if (!inPart.has(e.to)) continue;
          if (e.to === start) {
            closing = e;
            break;
          }
          if (!via.has(e.to)) {
            via.set(e.to, e);
            queue.push(e.to);
          }
        }
      }
      const steps: Edge[] = [closing!];
      for (let n = closing!.from; n !== start; n = via.get(n)!.from) steps.unshift(via.get(n)!);
      const path = steps.map((e) => `${e.from}:${e.line}`).join(' → ') + ` → ${start}`;
      return { members, path };
    });
}
