// Loading a scenario: text in, either a whole validated Scenario or every problem found, each
// with file, line, column, field and what was expected. Nothing here throws for bad input
// and nothing half-loaded ever comes out: the game, the tools and the tests all load this way.
import type { Scenario } from '../sim/types';
import { excerptAt, Lines } from './excerpt.ts';
import { formatIssue, formatPath, type Located, type Path, type ScenarioIssue } from './issues.ts';
import { inCents, moneyFormOf } from './money.ts';
import { SCHEMA_KEY, scenarioSchemas } from './schema.ts';
import { semanticIssues } from './semantic.ts';
import { parseSource, type ParsedSource } from './source.ts';
import { translateIssues, type PathIssue } from './zod-issues.ts';

export { formatIssue, type ScenarioIssue };

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioIssue[] };

/** A report past this many issues is noise (and a hostile file could make thousands). */
export const MAX_ISSUES = 100;


export function isJsonFileName(fileName: string): boolean {
  return /\.json$/i.test(fileName);
}

export function loadScenario(text: string, fileName: string): LoadResult {
  let located: Located[];
  try {
    const result = check(text, isJsonFileName(fileName));
    if (result.ok) return result;
    located = result.issues;
  } catch (error) {
    // A bug of ours, not the file's; still a report, never a crash in front of a class.
    located = [{ line: 1, column: 1, path: '', wholeFile: true, message: `internal error while checking this file: ${String(error)}` }];
  }
  return { ok: false, errors: finish(located, fileName, text) };
}

type Checked = { ok: true; scenario: Scenario } | { ok: false; issues: Located[] };

function check(text: string, json: boolean): Checked {
  const parsed = parseSource(text, json);
  if (!parsed.ok) return parsed;
  const { source } = parsed;

  const data = withoutSchemaKey(source.data);
  if (!data.ok) return { ok: false, issues: [place(source, data.issue)] };

  const schema = scenarioSchemas[moneyFormOf(data.value)];
  const result = schema.safeParse(data.value);
  if (!result.success) {
    return { ok: false, issues: translateIssues(result.error.issues, schema, data.value).map((i) => place(source, i)) };
  }
  const money = inCents(result.data);
  if (!money.ok) return { ok: false, issues: money.issues.map((i) => place(source, { ...i, at: 'value' })) };
  const semantic = semanticIssues(money.scenario);
  if (semantic.length > 0) return { ok: false, issues: semantic.map((i) => place(source, i)) };
  return { ok: true, scenario: money.scenario };
}

function withoutSchemaKey(data: unknown): { ok: true; value: unknown } | { ok: false; issue: PathIssue } {
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !Object.prototype.hasOwnProperty.call(data, SCHEMA_KEY)) {
    return { ok: true, value: data };
  }
  const { [SCHEMA_KEY]: schema, ...rest } = data as Record<string, unknown>;
  if (typeof schema !== 'string') {
    return { ok: false, issue: { path: [SCHEMA_KEY], at: 'value', message: 'expected the path or URL of the JSON Schema, as text' } };
  }
  return { ok: true, value: rest };
}

function place(source: ParsedSource, issue: PathIssue): Located {
  const { line, column } = source.locate(issue.path, issue.at);
  return { line, column, path: formatPath(issue.path), message: issue.message };
}

function finish(located: Located[], file: string, text: string): ScenarioIssue[] {
  let lines: Lines | undefined;
  const sorted = located
    .map((issue, order) => ({ issue, order }))
    .sort((a, b) => a.issue.line - b.issue.line || a.issue.column - b.issue.column || a.order - b.order)
    .map(({ issue: { wholeFile, ...issue } }): ScenarioIssue => {
      // Positions count from after a byte order mark, as the parser does.
      lines ??= new Lines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      const excerpt = wholeFile ? undefined : excerptAt(lines, issue.line, issue.column);
      return { file, ...issue, severity: 'error', ...(excerpt ? { excerpt } : {}) };
    });
  if (sorted.length <= MAX_ISSUES) return sorted;
  const shown = sorted.slice(0, MAX_ISSUES);
  const next = sorted[MAX_ISSUES]!;
  shown.push({
    file,
    line: next.line,
    column: next.column,
    path: '',
    message: `${sorted.length - MAX_ISSUES} more errors not shown; fix these first`,
    severity: 'error',
  });
  return shown;
}

