// How a problem in a scenario file is reported: the issue record every checker produces,
// its one-line form (the `file:line:col: error:` shape editors and CI logs link to), and the
// small wording helpers that make messages say what was expected and what was found.
import { excerptLines, type Excerpt } from './excerpt.ts';

export type { Excerpt };

export interface ScenarioIssue {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in characters. */
  column: number;
  /** Where in the scenario, like "products[2].price"; empty for problems with the file as a whole. */
  path: string;
  /** What was expected and what was found. */
  message: string;
  /** The loader reports only errors; the meaning checks of `check-scenarios` add warnings. */
  severity: 'error' | 'warning';
  /** The line pointed at, to show with a caret under the column; absent when the issue is about no one line. */
  excerpt?: Excerpt;
}

export type Path = readonly (string | number)[];

/** An issue before the file name is attached. */
export type Located = Omit<ScenarioIssue, 'file' | 'severity'> & {
  /** About the file as a whole (its size), not about the line it points at: shown with no excerpt. */
  wholeFile?: boolean;
};

/** The `file:line:col: error: path: message` line, then the offending line and a caret under the column when the issue has them. */
export function formatIssue(issue: ScenarioIssue): string {
  const where = issue.path === '' ? '' : `${issue.path}: `;
  const head = `${issue.file}:${issue.line}:${issue.column}: ${issue.severity}: ${where}${issue.message}`;
  return issue.excerpt ? [head, ...excerptLines(issue.line, issue.excerpt)].join('\n') : head;
}

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** `["products", 2, "price"]` → `products[2].price`; odd keys are quoted so the path stays unambiguous. */
export function formatPath(path: Path): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (PLAIN_KEY.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** Edit distance, giving up (returning max + 1) once it cannot stay within `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** The closest candidate within a small edit distance (case ignored), if there is one. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  // Short words get less slack, or every two-letter typo would "mean" every other two-letter word.
  const max = lower.length <= 3 ? 1 : 2;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase(), max);
    if (distance <= max && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  const guess = closest(word, candidates);
  return guess === undefined ? '' : `; did you mean ${quote(guess)}?`;
}

/** A string as it would be written in the file, cut short so one huge value cannot flood the report. */
export function quote(text: string, max = 60): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(cut);
}

export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? '.nan (not a number)' : n > 0 ? '.inf (infinity)' : '-.inf (minus infinity)';
  if (Number.isInteger(n) && Math.abs(n) >= 10_000 && Math.abs(n) < 1e21) {
    return (n < 0 ? '-' : '') + String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',');
  }
  return String(n);
}

/** A found value in words: "the text \"abc\"", "2.5", "an empty value", "a list of 3 items". */
export function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return value === '' ? 'empty text' : `the text ${quote(value)}`;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${plural(value.length, 'item')}`;
  if (typeof value === 'object') return Object.keys(value).length === 0 ? 'an empty mapping' : 'a mapping';
  return `a value of type ${typeof value}`;
}

export function plural(n: number, noun: string): string {
  return `${formatNumber(n)} ${noun}${n === 1 ? '' : 's'}`;
}

export function listQuoted(items: readonly string[], max = 20): string {
  const shown = items.slice(0, max).map((item) => quote(item));
  return items.length > max ? `${shown.join(', ')}, …` : shown.join(', ');
}
