// Turns scenario text (YAML, or JSON for `.json` files) into plain data plus a way to find
// where any path of that data was written, so later checks can point at a line and column.
// Hostile input is stopped before it gets expensive: a size cap before anything else, a
// token cap and a nesting cap before the YAML is composed, and an alias-expansion cap
// while it is turned into data (which is done here, not by `toJS`, to control exactly that).
import {
  Composer,
  Lexer,
  LineCounter,
  Parser,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type Alias,
  type CST,
  type Document,
  type Node,
} from 'yaml';
import { jsonSyntaxError } from './json-syntax.ts';
import { describeFound, formatNumber, formatPath, quote, type Located, type Path } from './issues.ts';
import { diagnoseYamlSyntax } from './yaml-syntax.ts';

/** Files above this are refused unread: a scenario is a few kilobytes. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** YAML tokens (keys, values, punctuation, indentation); a scenario at every count limit needs about 55,000. */
export const MAX_TOKENS = 100_000;
/** Nesting of mappings and lists; a scenario needs 6. */
export const MAX_DEPTH = 32;
/** Nodes that aliases (*name) may add by repeating anchored (&name) content: stops "billion laughs". */
export const MAX_ALIAS_NODES = 10_000;

export interface Position {
  line: number;
  column: number;
}

/** Where an issue points: the value at the path, or the key naming it (unknown fields, duplicates). */
export type PointAt = 'value' | 'key';

export interface ParsedSource {
  data: unknown;
  /** Position of the path's value (or key); the nearest written ancestor when the path is not in the file. */
  locate(path: Path, at?: PointAt): Position;
}

export type SourceResult = { ok: true; source: ParsedSource } | { ok: false; issues: Located[] };

/** A limit was hit: parsing stops and this is the one issue reported. */
class Stop {
  constructor(
    readonly offset: number,
    readonly message: string,
    readonly path: Path = [],
  ) {}
}

function utf8Bytes(text: string, stopAbove: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= stopAbove; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function parseSource(rawText: string, json: boolean): SourceResult {
  // A byte order mark is an encoding detail, not content; editors do not count it as a column.
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const lineCounter = new LineCounter();
  const at = (offset: number, message: string, path: Path = []): Located => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: Math.max(line, 1), column: col, path: formatPath(path), message };
  };

  if (text.length > MAX_FILE_BYTES || utf8Bytes(text, MAX_FILE_BYTES) > MAX_FILE_BYTES) {
    return {
      ok: false,
      issues: [
        {
          line: 1,
          column: 1,
          path: '',
          wholeFile: true,
          message: `the file is larger than ${formatNumber(MAX_FILE_BYTES)} bytes (1 MiB), the limit for a scenario file`,
        },
      ],
    };
  }

  if (json) {
    const error = jsonSyntaxError(text);
    if (error) {
      countLines(text, lineCounter);
      return { ok: false, issues: [at(error.offset, error.message)] };
    }
  }

  const lexed = lexAndParse(text, lineCounter);
  if (!lexed.ok) return { ok: false, issues: [at(lexed.offset, lexed.message)] };
  const tokens = lexed.tokens;
  const deep = deepestPoint(tokens);
  if (deep) return { ok: false, issues: [at(deep.offset, deep.message)] };

  // Unique keys are checked below in one pass; yaml's own check compares every key with
  // every other, which a file of many thousand keys turns into minutes.
  const composer = new Composer({ stringKeys: true, uniqueKeys: false, logLevel: 'silent' });
  const docs = Array.from(composer.compose(tokens, true, text.length));
  const doc = docs[0];
  const issues: Located[] = [];
  if (docs.length > 1) {
    issues.push(at(docs[1]!.range[0], 'a scenario file holds one YAML document; remove this second one (and the "---" before it)'));
  }
  if (!doc) return { ok: false, issues: [at(0, 'the file is empty; expected a scenario')] };
  if (doc.errors.length > 0 || lexed.unclosedQuotes.length > 0) {
    // One slip in YAML misleads the parser about everything after it: one message, the first.
    const { line, column, message } = diagnoseYamlSyntax(
      text,
      doc.errors.map((e) => ({ offset: e.pos[0], code: e.code, message: yamlMessage(e.code, e.message) })),
      lexed.unclosedQuotes,
      (offset) => {
        const p = lineCounter.linePos(offset);
        return { line: Math.max(p.line, 1), column: p.col };
      },
    );
    const first = { line, column, path: '', message };
    const before = issues.filter((i) => i.line < line || (i.line === line && i.column < column));
    return { ok: false, issues: before.length > 0 ? [before[0]!] : [first] };
  }
  for (const error of doc.warnings) {
    issues.push(at(error.pos[0], yamlMessage(error.code, error.message)));
  }
  if (issues.length > 0) return { ok: false, issues };
  if (doc.contents === null) return { ok: false, issues: [at(0, 'the file is empty; expected a scenario')] };

  const converter = new Converter((offset) => lineCounter.linePos(offset).line);
  let data: unknown;
  try {
    data = converter.convert(doc.contents, []);
  } catch (error) {
    if (error instanceof Stop) return { ok: false, issues: [at(error.offset, error.message, error.path)] };
    throw error;
  }
  if (converter.problems.length > 0) {
    return {
      ok: false,
      issues: converter.problems.map((d) => at(d.offset, d.message, d.path)),
    };
  }

  const locate = (path: Path, pointAt: PointAt = 'value'): Position => {
    const offset = locateOffset(doc, converter.aliasTargets, path, pointAt);
    const { line, col } = lineCounter.linePos(offset);
    return { line: Math.max(line, 1), column: col };
  };
  return { ok: true, source: { data, locate } };
}

/** Line starts for positions when the parser (which records them) is not run. */
function countLines(text: string, lineCounter: LineCounter): void {
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
}

function yamlMessage(code: string, message: string): string {
  if (code === 'TAG_RESOLVE_FAILED') return `YAML: ${message}; scenario files use no tags (remove the "!…")`;
  if (code === 'NON_STRING_KEY') return 'YAML: a field name must be plain text, not a list or mapping';
  if (code === 'RESOURCE_EXHAUSTION') return 'YAML: the file is nested too deeply to read';
  return `YAML syntax: ${message}`;
}

/**
 * Lexes and parses in one pass, counting lexer tokens and flow nesting as they come, so a
 * hostile file is stopped at the first token over a limit rather than after parsing it all.
 */
function lexAndParse(
  text: string,
  lineCounter: LineCounter,
): { ok: true; tokens: CST.Token[]; unclosedQuotes: number[] } | { ok: false; offset: number; message: string } {
  const parser = new Parser(lineCounter.addNewLine);
  lineCounter.addNewLine(0);
  const tokens: CST.Token[] = [];
  const unclosedQuotes: number[] = [];
  let count = 0;
  let depth = 0;
  for (const lexeme of new Lexer().lex(text)) {
    // Only a quoted text's lexeme starts with a quote; the parser's offset is where it starts.
    if ((lexeme[0] === '"' || lexeme[0] === "'") && !closedQuote(lexeme)) unclosedQuotes.push(parser.offset);
    if (++count > MAX_TOKENS) {
      return {
        ok: false,
        offset: parser.offset,
        message: `the file has more than ${formatNumber(MAX_TOKENS)} YAML tokens (keys, values and punctuation); a scenario needs far fewer`,
      };
    }
    if (lexeme === '[' || lexeme === '{') {
      if (++depth > MAX_DEPTH) return { ok: false, offset: parser.offset, message: tooDeep() };
    } else if (lexeme === ']' || lexeme === '}') depth--;
    for (const token of parser.next(lexeme)) tokens.push(token);
  }
  for (const token of parser.end()) tokens.push(token);
  return { ok: true, tokens, unclosedQuotes };
}

/** Whether a quoted text's lexeme ends with its closing quote (not an escaped one). */
function closedQuote(lexeme: string): boolean {
  const mark = lexeme[0]!;
  if (lexeme.length < 2 || lexeme[lexeme.length - 1] !== mark) return false;
  let run = 0;
  if (mark === '"') {
    // The closing " must not be escaped: an even number of backslashes before it.
    for (let i = lexeme.length - 2; i > 0 && lexeme[i] === '\\'; i--) run++;
    return run % 2 === 0;
  }
  // In single quotes '' is one quote: the text closes on an odd run of quotes.
  for (let i = lexeme.length - 1; i > 0 && lexeme[i] === "'"; i--) run++;
  return run % 2 === 1;
}

function tooDeep(): string {
  return `mappings and lists are nested more than ${MAX_DEPTH} levels deep here; a scenario needs no more than 6`;
}

/** The first collection nested deeper than the limit, found without recursion. */
function deepestPoint(tokens: CST.Token[]): { offset: number; message: string } | null {
  const stack: [CST.Token | null | undefined, number][] = tokens.map((t) => [t, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (!token) continue;
    if (token.type === 'document') {
      stack.push([token.value, depth]);
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > MAX_DEPTH) return { offset: token.offset, message: tooDeep() };
      for (const item of token.items) {
        stack.push([item.key, depth + 1]);
        stack.push([item.value, depth + 1]);
      }
    }
  }
  return null;
}

interface AnchorEntry {
  node: Node;
  done: boolean;
  value: unknown;
  size: number;
}

/**
 * YAML nodes to plain data. Aliases share the converted value of their anchor instead of
 * copying it, and the nodes they would add are counted, so expansion is bounded before any
 * consumer walks the data.
 */
class Converter {
  readonly aliasTargets = new Map<Alias, Node>();
  readonly problems: { offset: number; message: string; path: Path }[] = [];
  private readonly anchors = new Map<string, AnchorEntry>();
  private readonly sizes = new WeakMap<object, number>();
  private aliasNodes = 0;

  constructor(private readonly lineOf: (offset: number) => number) {}

  convert(node: Node | null, path: (string | number)[]): unknown {
    if (node === null) return null;
    if (isAlias(node)) return this.alias(node, path);
    const entry: AnchorEntry | undefined =
      node.anchor !== undefined ? { node, done: false, value: undefined, size: 0 } : undefined;
    if (entry && node.anchor !== undefined) this.anchors.set(node.anchor, entry);

    if (node.tag !== undefined) {
      // Tags make values no scenario field takes (binary, dates, sets); plain values say it all.
      this.problems.push({
        offset: node.range?.[0] ?? 0,
        message: `YAML tag ${node.tag.replace('tag:yaml.org,2002:', '!!')}: scenario files use no tags; write the value plainly`,
        path: [...path],
      });
    }
    let value: unknown;
    let size = 1;
    if (isScalar(node)) {
      value = node.value;
    } else if (isMap(node)) {
      const object: Record<string, unknown> = {};
      // Each key's offset, and what kind of value it has.
      const seen = new Map<string, { offset: number; kind: ValueKind; value: unknown }>();
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : '';
        const keyOffset = keyNode?.range?.[0] ?? node.range?.[0] ?? 0;
        path.push(key);
        const child = this.convert(pair.value as Node | null, path);
        path.pop();
        const kind = kindOf(child);
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          this.problems.push({
            offset: keyOffset,
            message: `field ${quote(key)} is given twice in this mapping (first on line ${this.lineOf(earlier.offset)}); ${this.twiceAdvice(earlier, { offset: keyOffset, kind, value: child })}`,
            path: [...path, key],
          });
        }
        seen.set(key, { offset: keyOffset, kind, value: child });
        size += this.sizeOf(pair.value as Node | null);
        // defineProperty, so a "__proto__" key is data (and later an unknown field), never a prototype.
        Object.defineProperty(object, key, { value: child, enumerable: true, writable: true, configurable: true });
      }
      value = object;
    } else if (isSeq(node)) {
      const array: unknown[] = [];
      node.items.forEach((item, index) => {
        path.push(index);
        array.push(this.convert(item as Node | null, path));
        path.pop();
        size += this.sizeOf(item as Node | null);
      });
      value = array;
    } else {
      value = null;
    }
    this.sizes.set(node, size);
    if (entry) {
      entry.done = true;
      entry.value = value;
      entry.size = size;
    }
    return value;
  }

  /**
   * What to do about a key given twice. Two lists (or two mappings) under one key are most often
   * one written in two places (a second `events:` block): keeping one would lose the other's
   * items, so they are to be merged. Two plain values leave it unclear which one is meant.
   */
  private twiceAdvice(first: { offset: number; kind: ValueKind; value: unknown }, second: { offset: number; kind: ValueKind; value: unknown }): string {
    const firstLine = this.lineOf(first.offset);
    const secondLine = this.lineOf(second.offset);
    if (first.kind === second.kind && first.kind !== 'value') {
      const what = first.kind === 'list' ? ['lists', 'items', 'list'] : ['mappings', 'fields', 'mapping'];
      return `merge the two ${what[0]} into one: move the ${what[1]} under line ${secondLine} into the ${what[2]} under line ${firstLine} and delete line ${secondLine}`;
    }
    return `keep one: which of the two counts (${describeFound(first.value)} on line ${firstLine}, ${describeFound(second.value)} on line ${secondLine}) is ambiguous`;
  }

  private sizeOf(node: Node | null): number {
    if (node === null) return 1;
    if (isAlias(node)) {
      const target = this.aliasTargets.get(node);
      return target ? (this.sizes.get(target) ?? 1) : 1;
    }
    return this.sizes.get(node) ?? 1;
  }

  private alias(node: Alias, path: Path): unknown {
    const offset = node.range?.[0] ?? 0;
    const entry = this.anchors.get(node.source);
    if (!entry) {
      throw new Stop(offset, `alias *${node.source} has no anchor &${node.source} before it`, path);
    }
    if (!entry.done) {
      throw new Stop(offset, `alias *${node.source} is inside the very node it repeats; a scenario cannot contain itself`, path);
    }
    this.aliasNodes += entry.size;
    if (this.aliasNodes > MAX_ALIAS_NODES) {
      throw new Stop(
        offset,
        `YAML aliases (*name) expand to more than ${formatNumber(MAX_ALIAS_NODES)} values by this point; the limit guards against "billion laughs" files`,
        path,
      );
    }
    this.aliasTargets.set(node, entry.node);
    return entry.value;
  }
}

type ValueKind = 'list' | 'mapping' | 'value';

function kindOf(value: unknown): ValueKind {
  return Array.isArray(value) ? 'list' : typeof value === 'object' && value !== null ? 'mapping' : 'value';
}

function nodeOffset(node: Node | null | undefined, fallback: number): number {
  return node?.range?.[0] ?? fallback;
}

/** Walks the document along `path`, stopping at the deepest node that is written in the file. */
function locateOffset(doc: Document.Parsed, aliasTargets: Map<Alias, Node>, path: Path, pointAt: PointAt): number {
  let node: Node | null = doc.contents;
  let offset = nodeOffset(node, 0);
  for (let i = 0; i < path.length; i++) {
    const part = path[i]!;
    const last = i === path.length - 1;
    if (isAlias(node)) node = aliasTargets.get(node) ?? null;
    if (isMap(node)) {
      const key = String(part);
      let found: { key: Node | null; value: Node | null } | undefined;
      for (const pair of node.items) {
        const k = pair.key as Node | null;
        if (isScalar(k) && String(k.value) === key) found = { key: k, value: pair.value as Node | null };
      }
      if (!found) return offset;
      if (last && pointAt === 'key') return nodeOffset(found.key, offset);
      // An empty value has no node of its own; its key is where it was (not) written.
      node = found.value;
      offset = nodeOffset(found.value, nodeOffset(found.key, offset));
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part] as Node | null | undefined;
      if (item === undefined) return offset;
      node = item;
      offset = nodeOffset(item, offset);
    } else {
      return offset;
    }
  }
  return offset;
}
