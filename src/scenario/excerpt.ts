// The line of a scenario file an issue points at, ready to show with a caret under the column:
// the CLI prints it under the `file:line:col: error:` line and the browser's error screen draws
// it under each error. What is shown is made safe first: a hostile or binary file's line is cut
// to a window around the column, and control characters (a terminal's escape sequences), tabs
// and bidirectional overrides become visible symbols, one character each so the caret lines up.

export interface Excerpt {
  /** The line as written, safe to show: cut around the column ("…" where cut), tabs as "→", control characters as symbols. */
  lineText: string;
  /** 1-based position in `lineText` (in characters as a reader counts them) of the caret; at most `lineText.length + 1`, the end of the line. */
  column: number;
}

/** Characters of the line shown at most: one screen line of the error list, or a terminal's. */
export const EXCERPT_WIDTH = 100;
/** Characters kept before the column when a long line is cut. */
const BEFORE = 60;

/** Line starts of a text, computed once for all its issues. */
export class Lines {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** The 1-based line without its line break, or undefined past the end. */
  line(n: number): string | undefined {
    const start = this.starts[n - 1];
    if (start === undefined) return undefined;
    const next = this.starts[n];
    const end = next === undefined ? this.text.length : next - 1;
    const line = this.text.slice(start, end);
    return line.endsWith('\r') ? line.slice(0, -1) : line;
  }
}

/** One character of the file as shown. */
function shown(char: string): string {
  const c = char.codePointAt(0)!;
  if (c === 0x09) return '→';
  if (c < 0x20) return String.fromCodePoint(0x2400 + c); // ␀ … ␟
  if (c === 0x7f) return '␡';
  // C1 controls, bidirectional embeddings and isolates (they would reorder what the reader sees), lone surrogates.
  if ((c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || (c >= 0xd800 && c <= 0xdfff)) return '\ufffd';
  return char;
}

/**
 * The excerpt of 1-based `line` with the caret at 1-based `column` (in UTF-16 units, as issues
 * count), or undefined when that line is not in the file or holds nothing to look at.
 */
export function excerptAt(lines: Lines, line: number, column: number): Excerpt | undefined {
  const raw = lines.line(line);
  if (raw === undefined || raw.trim() === '') return undefined;
  // Code points, so a character outside the BMP is one character, as a reader counts it.
  const chars: string[] = [];
  let caret = -1;
  let units = 0;
  const index = Math.max(0, column - 1);
  for (const char of raw) {
    if (caret === -1 && units >= index) caret = chars.length;
    chars.push(char);
    units += char.length;
  }
  if (caret === -1) caret = chars.length;
  let first = 0;
  let last = chars.length;
  if (chars.length > EXCERPT_WIDTH) {
    first = Math.max(0, Math.min(caret - BEFORE, chars.length - EXCERPT_WIDTH));
    last = Math.min(chars.length, first + EXCERPT_WIDTH);
  }
  const before = first > 0 ? '…' : '';
  const after = last < chars.length ? '…' : '';
  const lineText = before + chars.slice(first, last).map(shown).join('') + after;
  return { lineText, column: caret - first + 1 + before.length };
}

/**
 * The excerpt as two lines of fixed-width text, the line number in a gutter:
 *
 *     61 |    referralRate: 2
 *        |    ^
 */
export function excerptLines(line: number, excerpt: Excerpt): [string, string] {
  const gutter = String(line);
  return [`${gutter} | ${excerpt.lineText}`, `${' '.repeat(gutter.length)} | ${' '.repeat(excerpt.column - 1)}^`];
}
