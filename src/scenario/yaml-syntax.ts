// One YAML syntax error, one message, in the words of the mistake an author made. The `yaml`
// parser reports where its reading went wrong, which is often not where the author went wrong,
// and one slip becomes a cascade: a tab in the indentation gives a dozen errors, a line indented
// one space too far is reported on the line above it ("Nested mappings are not allowed in
// compact mappings"), an unclosed quote at the end of the file. This module looks at the first
// error and the lines around it and names the mistake: the tab, the mis-indented line (and the
// line to indent it like), the quote that opens and never closes. When it cannot tell, the
// parser's own first error is reported; either way the file gets exactly one syntax message,
// since everything after the first slip is guesswork.
import { plural } from './issues.ts';

export interface YamlSyntaxError {
  offset: number;
  /** The `yaml` package's error code, like TAB_AS_INDENT. */
  code: string;
  /** The message to report when nothing better can be said. */
  message: string;
}

export interface SyntaxIssue {
  line: number;
  column: number;
  message: string;
}

type Pos = (offset: number) => { line: number; column: number };

/**
 * The one issue to report for a file the parser found `errors` in (in the order it found them),
 * `unclosedQuotes` the offsets of quoted texts that never close.
 */
export function diagnoseYamlSyntax(text: string, errors: readonly YamlSyntaxError[], unclosedQuotes: readonly number[], pos: Pos): SyntaxIssue {
  const first = errors.reduce<YamlSyntaxError | undefined>((a, e) => (a === undefined || e.offset < a.offset ? e : a), undefined);
  const quote = unclosedQuotes[0];
  // The quote opens before anything it breaks, and its own error is reported where it ends.
  if (quote !== undefined && (first === undefined || quote <= first.offset)) {
    const { line, column } = pos(quote);
    const mark = text[quote] === "'" ? "'" : '"';
    const inside = mark === '"' ? 'a " inside the text is written \\"' : "a ' inside the text is written twice, ''";
    const kind = mark === '"' ? 'double' : 'single';
    return {
      line,
      column,
      message: `YAML syntax: the text in ${kind} quotes opened here is never closed; put a closing ${mark} where the text ends (${inside})`,
    };
  }
  if (first === undefined) return { line: 1, column: 1, message: 'YAML syntax: the file cannot be read as YAML' };
  const at = pos(first.offset);
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));

  if (first.code === 'TAB_AS_INDENT' || TAB_INDENT.test(lines[at.line - 1] ?? '')) return tabIssue(lines, at.line);
  // A tab on the line after can be what the parser tripped over at the end of this one.
  let after = at.line + 1;
  while (after <= lines.length && lines[after - 1]!.trim() === '') after++;
  if (TAB_INDENT.test(lines[after - 1] ?? '')) return tabIssue(lines, after);

  const early = earlyClose(text, first.offset, pos);
  if (early) return early;

  const slips: BlockSlip[] = [];
  const shapes = lineShapes(lines, Math.min(lines.length, at.line + 20), slips);
  const slip = slips.find((s) => s.line <= at.line + 1);
  if (slip) return blockSlip(lines, slip);
  for (const candidate of [at.line, nextShaped(shapes, at.line)]) {
    if (candidate === undefined) continue;
    const found = misindented(shapes, candidate);
    if (found) return found;
  }
  if (first.code === 'MULTILINE_IMPLICIT_KEY' || first.code === 'BLOCK_AS_IMPLICIT_KEY') {
    const found = noColon(lines, shapes, at.line);
    if (found) return found;
  }
  return { line: at.line, column: at.column, message: first.message };
}

/** The line that breaks a block text's indentation: the slipped line, or the first line when it alone is deeper than the rest. */
function blockSlip(lines: readonly string[], slip: BlockSlip): SyntaxIssue {
  const indentOf = (n: number) => {
    const l = lines[n - 1] ?? '';
    return l.length - l.trimStart().length;
  };
  let next = slip.line + 1;
  while (next <= lines.length && lines[next - 1]!.trim() === '') next++;
  let between = slip.first + 1;
  while (between < slip.line && lines[between - 1]!.trim() === '') between++;
  // The first line alone is deeper, and the lines after it agree with each other: the first one slipped.
  // (Or, with no line after to agree, the slipped line is where a text conventionally starts: two spaces in from its field.)
  const firstSlipped = between === slip.line && ((next <= lines.length && indentOf(next) === slip.indent) || slip.indent === indentOf(slip.start) + 2);
  const [line, n, target, like] = firstSlipped ? [slip.first, slip.firstIndent, slip.indent, slip.line] : [slip.line, slip.indent, slip.firstIndent, slip.first];
  return {
    line,
    column: n + 1,
    message: `YAML indentation: this line of the text begun on line ${slip.start} is indented ${plural(Math.abs(n - target), 'space')} too ${n > target ? 'far' : 'little'} (${plural(n, 'space')}, where line ${like} has ${target}); indent it like line ${like}: every line of a text after | or > starts in the column of its first line, or deeper`,
  };
}

/** Text in quotes that closes early, more text right after it: most often an apostrophe in 'single quotes'. */
function earlyClose(text: string, offset: number, pos: Pos): SyntaxIssue | null {
  const mark = text[offset - 1];
  if ((mark !== "'" && mark !== '"') || !/[\p{L}\p{N}]/u.test(text[offset] ?? '')) return null;
  const { line, column } = pos(offset - 1);
  const advice =
    mark === "'"
      ? "an apostrophe inside text in single quotes is written twice, as in 'it''s', or put the text in double quotes"
      : 'a " inside text in double quotes is written \\", or put the text in single quotes';
  return { line, column, message: `YAML syntax: the text in quotes ends at this ${mark}, yet more text follows it; ${advice}` };
}

/** A line where a field belongs that is not one: "name House Blend" (no colon) or "name:House Blend" (no space after it). */
function noColon(lines: readonly string[], shapes: readonly (Shape | null)[], m: number): SyntaxIssue | null {
  const line = lines[m - 1] ?? '';
  const indent = line.length - line.trimStart().length;
  const word = /^([A-Za-z_$][\w$-]*)(:?)(\S*)/.exec(line.slice(indent));
  if (!word || shapes[m] || /^ *\t/.test(line)) return null;
  const open = levelsAt(shapes, m);
  if (!open || !open.levels.has(indent)) return null;
  const [, name, colon] = word;
  const advice =
    colon === ':'
      ? `put a space after the colon: "${name}: …"`
      : `a field is written with a colon and a space after its name: "${name}: …"`;
  return { line: m, column: indent + 1, message: `YAML syntax: this line is not a field the way YAML reads it; ${advice}` };
}

const TAB_INDENT = /^ *\t/;

function tabIssue(lines: readonly string[], line: number): SyntaxIssue {
  const text = lines[line - 1] ?? '';
  const tab = text.indexOf('\t');
  const others = lines.filter((l, i) => i !== line - 1 && TAB_INDENT.test(l)).length;
  const more = others === 0 ? '' : ` (${plural(others, 'more line')} of this file ${others === 1 ? 'is' : 'are'} indented with tabs: replace those too; many editors can convert indentation to spaces)`;
  return {
    line,
    column: tab === -1 || !TAB_INDENT.test(text) ? 1 : tab + 1,
    message: `YAML indentation: Tabs are not allowed as indentation in YAML; indent this line with spaces${more}`,
  };
}

/** How a line of block YAML is laid out: null for lines that start no node (blank, comment, inside a text or a [ ] / { } spanning lines). */
interface Shape {
  indent: number;
  /** Columns (0-based) where this line's nodes start: each "- " and the key after them. */
  cols: { col: number; dash: boolean }[];
  /** Ends with a key or "-" and no value: the next line may be indented deeper. */
  opens: boolean;
  /** The line starts with "- ". */
  dash: boolean;
}

const KEY = /^(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#[\]{},"'|>!&*%@`?][^#]*?)[ \t]*:(?=[ \t]|$)/;

/** Line shapes for lines 1..upTo (index = line number), read the way a YAML block is written. */
function lineShapes(lines: readonly string[], upTo: number, slips: BlockSlip[] = []): (Shape | null)[] {
  const shapes: (Shape | null)[] = [null];
  let blockParent: number | null = null;
  let blockStart = 0;
  let block: { start: number; first: number; firstIndent: number } | null = null;
  const state = { quote: null as string | null, depth: 0 };
  for (let n = 1; n <= upTo; n++) {
    const line = lines[n - 1]!;
    const indent = line.length - line.trimStart().length;
    if (blockParent !== null) {
      if (line.trim() === '' || indent > blockParent) {
        // A block text's lines all start in the column of its first line (or deeper).
        if (line.trim() !== '') {
          if (block === null) block = { start: blockStart, first: n, firstIndent: indent };
          else if (indent < block.firstIndent) slips.push({ line: n, indent, ...block });
        }
        shapes.push(null);
        continue;
      }
      blockParent = null;
      block = null;
    }
    if (state.quote !== null || state.depth > 0) {
      scan(line, 0, state, true);
      shapes.push(null);
      continue;
    }
    const rest = line.trimStart();
    if (rest === '' || rest.startsWith('#') || rest.startsWith('%') || /^(?:---|\.\.\.)(?:\s|$)/.test(rest) || /^ *\t/.test(line)) {
      shapes.push(null);
      continue;
    }
    const cols: Shape['cols'] = [];
    let at = indent;
    while (line[at] === '-' && (at + 1 === line.length || line[at + 1] === ' ')) {
      cols.push({ col: at, dash: true });
      at++;
      while (line[at] === ' ') at++;
    }
    let opens = false;
    const afterDashes = line.slice(at);
    const key = KEY.exec(afterDashes);
    if (afterDashes === '' || afterDashes.startsWith('#')) {
      opens = true;
    } else if (key) {
      cols.push({ col: at, dash: false });
      let value = at + key[0].length;
      while (line[value] === ' ' || line[value] === '\t') value++;
      const rest = line.slice(value);
      if (rest === '' || rest.startsWith('#') || /^[&!]\S*\s*(?:#.*)?$/.test(rest)) opens = true;
      else if (/^[|>]/.test(rest)) {
        blockParent = indent;
        blockStart = n;
        block = null;
      }
      else scan(line, value, state, false);
    } else if (cols.length === 0) {
      // A line that is neither a key nor a list item: the rest of a text begun above.
      shapes.push(null);
      continue;
    } else if (/^[|>]/.test(afterDashes)) {
      blockParent = indent;
      blockStart = n;
      block = null;
    } else {
      scan(line, at, state, false);
    }
    shapes.push({ indent, cols, opens, dash: cols[0]!.dash });
  }
  return shapes;
}

/** A line of a block text (after `|` or `>`) indented less than the text's first line, which ends the text there. */
interface BlockSlip {
  line: number;
  indent: number;
  /** The line with the `|` or `>`. */
  start: number;
  /** The text's first line, and its indentation. */
  first: number;
  firstIndent: number;
}

/** Follows quotes and [ ] / { } from `from` to the line's end (or a comment), so lines they span are known. */
function scan(line: string, from: number, state: { quote: string | null; depth: number }, continued: boolean): void {
  let tokenStart = true;
  if (!continued && state.depth === 0) {
    // A block value: only a quote or bracket at its very start begins a quoted text or a flow collection.
    const c = line[from];
    if (c !== '"' && c !== "'" && c !== '[' && c !== '{') return;
  }
  for (let i = from; i < line.length; i++) {
    const c = line[i]!;
    if (state.quote !== null) {
      if (state.quote === '"' && c === '\\') i++;
      else if (c === state.quote) {
        if (c === "'" && line[i + 1] === "'") i++;
        else state.quote = null;
      }
      continue;
    }
    if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) return;
    if ((c === '"' || c === "'") && tokenStart) state.quote = c;
    else if (c === '[' || c === '{') state.depth++;
    else if ((c === ']' || c === '}') && state.depth > 0) state.depth--;
    if (state.depth === 0 && state.quote === null && !continued && i > from) return;
    if (c !== ' ' && c !== '\t') tokenStart = c === '[' || c === '{' || c === ',' || c === ':';
  }
}

function nextShaped(shapes: readonly (Shape | null)[], line: number): number | undefined {
  for (let n = line + 1; n < shapes.length; n++) if (shapes[n]) return n;
  return undefined;
}

/**
 * The columns still open at line `m` (where a line may start in the blocks around it), each with
 * the nearest line above that starts there; `p` the nearest line above that starts a node.
 */
function levelsAt(shapes: readonly (Shape | null)[], m: number): { p: number; levels: Map<number, { line: number; dash: boolean }> } | null {
  let p = m - 1;
  while (p >= 1 && !shapes[p]) p--;
  if (p < 1) return null;
  const levels = new Map<number, { line: number; dash: boolean }>();
  let min = Infinity;
  for (let q = p; q >= 1 && min > 0; q--) {
    const s = shapes[q];
    if (!s) continue;
    for (const { col, dash } of s.cols) if ((q === p || col < min) && !levels.has(col)) levels.set(col, { line: q, dash });
    min = Math.min(min, s.indent);
  }
  return { p, levels };
}

/** The issue when line `m` starts in no column the block it is in uses, with the line to indent it like. */
function misindented(shapes: readonly (Shape | null)[], m: number): SyntaxIssue | null {
  const shape = shapes[m];
  if (!shape) return null;
  const open = levelsAt(shapes, m);
  if (!open) return null;
  const { p, levels } = open;
  const above = shapes[p]!;
  const last = above.cols[above.cols.length - 1]!.col;
  if (above.opens && (shape.indent > last || (shape.dash && shape.indent === last))) return null;
  if (levels.has(shape.indent)) return null;
  // A list item is most likely meant in line with the items of its list, a key with the keys of its mapping.
  const same = [...levels].filter(([, l]) => l.dash === shape.dash);
  const choices = same.length > 0 ? same : [...levels];
  let best: [number, { line: number; dash: boolean }] | undefined;
  for (const choice of choices) {
    if (best === undefined) best = choice;
    else {
      const d = Math.abs(choice[0] - shape.indent);
      const bestD = Math.abs(best[0] - shape.indent);
      if (d < bestD || (d === bestD && choice[1].line > best[1].line)) best = choice;
    }
  }
  if (!best) return null;
  const [target, { line: like }] = best;
  const n = shape.indent;
  // The level was set by the first line of its block, and this line and the next agree on
  // another: the first line is the one out of line (a block's first line sets its column).
  const first = shapes[like]!;
  if (like === p && first.cols.some((c) => c.col === target) && firstOfBlock(shapes, like)) {
    // Moved by the difference, would the first line line up with this one and the block's
    // convention (two spaces deeper than its parent), or with the line after this one too?
    const moved = first.indent + n - target;
    const parent = levelsAt(shapes, like);
    const parentCol = parent ? Math.max(...shapes[parent.p]!.cols.map((c) => c.col)) : -2;
    const next = nextShaped(shapes, m);
    const agreed = next !== undefined && shapes[next]!.indent === n;
    if (moved > parentCol && (agreed || moved === parentCol + 2)) {
      const off = plural(Math.abs(n - target), 'space');
      return {
        line: like,
        column: first.indent + 1,
        message: `YAML indentation: this line is indented ${off} too ${moved < first.indent ? 'far' : 'little'} (${plural(first.indent, 'space')}, where ${moved === 0 ? 'none' : moved} would line it up with line ${m}${agreed ? ' and the lines after it' : ''}); ${moved === 0 ? 'start it at the beginning of the line' : `indent it ${plural(moved, 'space')}`}: ${first.dash ? 'the items of one list start in the same column' : 'the fields of one mapping start in the same column'}`,
      };
    }
  }
  return indentIssue(m, n, target, like, n > target && like === p, shape.dash);
}

/** Whether line `q` is the first line of its block: nothing above it, or the line above opens a block it is deeper than. */
function firstOfBlock(shapes: readonly (Shape | null)[], q: number): boolean {
  let p = q - 1;
  while (p >= 1 && !shapes[p]) p--;
  if (p < 1) return true;
  const above = shapes[p]!;
  return above.opens && shapes[q]!.indent > above.cols[above.cols.length - 1]!.col;
}

/** Line `m`, indented `n` spaces, should be indented `target` like line `like`. */
function indentIssue(m: number, n: number, target: number, like: number, hasValue: boolean, dash: boolean): SyntaxIssue {
  const off = plural(Math.abs(n - target), 'space');
  const reason = hasValue
    ? `a line indented deeper than the one above it is read as part of it, and line ${like} already has its value`
    : dash
        ? 'the items of one list start in the same column'
        : 'the fields of one mapping start in the same column';
  return {
    line: m,
    column: n + 1,
    message: `YAML indentation: this line is indented ${off} too ${n > target ? 'far' : 'little'} (${plural(n, 'space')}, where line ${like} has ${target === 0 ? 'none' : target}); indent it like line ${like}: ${reason}`,
  };
}
