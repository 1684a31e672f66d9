// Zod's issues rewritten for an instructor: each names the field, says what was expected (in
// the words the schema registered) and what was found, splits unknown keys into one issue
// per key with a "did you mean", and picks the branch a non-discriminated union was meant to
// be instead of dumping every branch's complaints.
import { z } from 'zod';
import { closest, describeFound, didYouMean, listQuoted, plural, quote, type Path } from './issues.ts';
import { expectations } from './schema.ts';
import type { PointAt } from './source.ts';

export interface PathIssue {
  path: Path;
  /** For an unknown field that is a typo of a missing one: the missing field's path (its own issue is then dropped). */
  meant?: Path;
  /** A required field that is not there. */
  missing?: boolean;
  /** Point at the value, or at the key (unknown fields); a missing value points at its parent. */
  at: PointAt;
  message: string;
}

type Schema = z.core.$ZodType;

function unwrap(schema: Schema): Schema {
  let s = schema;
  // Optional and defaulted fields: the value written is judged by the schema inside.
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodPrefault) s = s.unwrap() as Schema;
    else return s;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shapeOf(schema: Schema | undefined): Record<string, Schema> | undefined {
  const s = schema && unwrap(schema);
  return s instanceof z.ZodObject ? (s.shape as Record<string, Schema>) : undefined;
}

function literalValues(schema: Schema | undefined): unknown[] {
  const s = schema && unwrap(schema);
  if (s instanceof z.ZodLiteral) return [...s.values];
  if (s instanceof z.ZodEnum) return s.options;
  return [];
}

/** The option of a discriminated union that `value` selects, if any. */
function discriminatedOption(schema: z.ZodDiscriminatedUnion, value: unknown): Schema | undefined {
  if (!isRecord(value)) return undefined;
  const key = schema.def.discriminator;
  return (schema.options as readonly Schema[]).find((option) => literalValues(shapeOf(option)?.[key]).includes(value[key]));
}

/** One step down the schema, following the data where a union needs it to choose. */
function child(schema: Schema, value: unknown, part: string | number): Schema | undefined {
  const s = unwrap(schema);
  if (s instanceof z.ZodArray) return s.element as Schema;
  if (s instanceof z.ZodDiscriminatedUnion) return shapeOf(discriminatedOption(s, value))?.[String(part)];
  if (s instanceof z.ZodUnion) {
    for (const option of s.options as readonly Schema[]) {
      const found = shapeOf(option)?.[String(part)];
      if (found) return found;
    }
    return undefined;
  }
  return shapeOf(s)?.[String(part)];
}

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const part of path) {
    if (Array.isArray(value) && typeof part === 'number') value = value[part];
    else if (isRecord(value) && Object.prototype.hasOwnProperty.call(value, part)) value = value[String(part)];
    else return undefined;
  }
  return value;
}

function expectedText(schema: Schema | undefined, fallback: string): string {
  if (!schema) return fallback;
  const registered = expectations.get(schema) ?? expectations.get(unwrap(schema));
  if (registered) return registered.expected;
  const literals = literalValues(schema);
  if (literals.length > 0) return literals.length === 1 ? quote(String(literals[0])) : `one of ${listQuoted(literals.map(String))}`;
  return fallback;
}

function keysOf(schema: Schema | undefined): string[] {
  return Object.keys(shapeOf(schema) ?? {});
}

function unknownField(key: string, allowed: readonly string[]): string {
  if (key === '<<') return 'YAML merge keys (<<) are not supported in scenario files; write the fields out';
  const hint = didYouMean(key, allowed);
  if (hint !== '') return `unknown field ${quote(key)}${hint}`;
  return allowed.length > 0 ? `unknown field ${quote(key)}; the fields here are ${listQuoted(allowed)}` : `unknown field ${quote(key)}`;
}

/**
 * Translates zod issues found by validating `data` against `schema`; `prefix` is where that
 * data sits in the whole file (non-empty when translating one branch of a union).
 */
export function translateIssues(issues: readonly z.core.$ZodIssue[], schema: Schema, data: unknown, prefix: Path = []): PathIssue[] {
  const out: PathIssue[] = [];
  for (const issue of issues) {
    const rel = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const path = [...prefix, ...rel];
    // Walk schema and data together: a union needs the data to know which option applies.
    let target: Schema | undefined = schema;
    let value = data;
    for (const part of rel) {
      target = target && child(target, value, part);
      value = valueAt(value, [part]);
    }
    const expected = () => expectedText(target, `a value of the right kind`);

    switch (issue.code) {
      case 'unrecognized_keys': {
        const allowed = keysOf(target);
        for (const key of issue.keys) {
          // `{ text: a, b c }` splits at the comma and makes "b c" a field with no value: say so.
          const split = key.includes(' ') && valueAt(value, [key]) === null;
          const hint = split ? ' (inside { … } a comma ends the value: put text containing commas in quotes)' : '';
          const guess = closest(key, allowed);
          out.push({
            path: [...path, key],
            at: 'key',
            message: unknownField(key, allowed) + hint,
            ...(guess !== undefined && valueAt(value, [guess]) === undefined ? { meant: [...path, guess] } : {}),
          });
        }
        break;
      }
      case 'invalid_union': {
        if (issue.discriminator !== undefined) {
          const options = ('options' in issue ? (issue.options ?? []) : []).map(String);
          if (value === undefined) {
            out.push({ path, at: 'value', message: `missing field ${quote(issue.discriminator)}; expected one of ${listQuoted(options)}` });
          } else {
            const hint = typeof value === 'string' ? didYouMean(value, options) : '';
            out.push({ path, at: 'value', message: `expected one of ${listQuoted(options)}, found ${describeFound(value)}${hint}` });
          }
        } else if (issue.errors.length > 0 && target) {
          out.push(...chooseBranch(issue.errors, unwrap(target), value, path, expected()));
        } else {
          out.push({ path, at: 'value', message: `expected ${expected()}, found ${describeFound(value)}` });
        }
        break;
      }
      case 'invalid_type': {
        const parent = valueAt(data, rel.slice(0, -1));
        const last = rel[rel.length - 1];
        if (value === undefined && rel.length > 0 && isRecord(parent) && typeof last === 'string') {
          out.push({ path, at: 'value', missing: true, message: `missing field ${quote(last)}; expected ${expected()}` });
        } else {
          out.push({ path, at: 'value', message: `expected ${expected()}, found ${describeFound(value)}` });
        }
        break;
      }
      case 'too_big':
      case 'too_small': {
        let found = describeFound(value);
        if (Array.isArray(value)) found = plural(value.length, 'item');
        else if (typeof value === 'string') found = plural(value.length, 'character');
        out.push({ path, at: 'value', message: `expected ${expected()}, found ${found}` });
        break;
      }
      case 'invalid_value': {
        const options = issue.values.map(String);
        const hint = typeof value === 'string' ? didYouMean(value, options) : '';
        out.push({ path, at: 'value', message: `expected ${expected()}, found ${describeFound(value)}${hint}` });
        break;
      }
      case 'invalid_format':
      case 'not_multiple_of':
        out.push({ path, at: 'value', message: `expected ${expected()}, found ${describeFound(value)}` });
        break;
      default:
        out.push({ path, at: 'value', message: issue.message });
    }
  }
  return dedupe(withoutExplainedMissing(out));
}

/** "unknown field goodwil; did you mean goodwill?" already says goodwill is missing: say it once. */
function withoutExplainedMissing(issues: PathIssue[]): PathIssue[] {
  const meant = new Set(issues.flatMap((issue) => (issue.meant ? [JSON.stringify(issue.meant)] : [])));
  if (meant.size === 0) return issues;
  return issues.filter((issue) => !(issue.missing && meant.has(JSON.stringify(issue.path))));
}

/**
 * A union of strict mappings told apart by their keys (an event trigger): the branch sharing
 * the most keys with what was written is the one meant, and only its complaints are shown.
 */
function chooseBranch(
  errors: readonly (readonly z.core.$ZodIssue[])[],
  union: Schema,
  value: unknown,
  path: Path,
  expected: string,
): PathIssue[] {
  const options = union instanceof z.ZodUnion ? (union.options as readonly Schema[]) : [];
  if (!isRecord(value) || options.length !== errors.length) {
    return [{ path, at: 'value', message: `expected ${expected}, found ${describeFound(value)}` }];
  }
  const written = Object.keys(value);
  const overlaps = options.map((option) => written.filter((key) => keysOf(option).includes(key)).length);
  const best = Math.max(...overlaps);
  const chosen = overlaps.flatMap((overlap, index) => (overlap === best ? [index] : []));
  if (best > 0 && chosen.length === 1) {
    const index = chosen[0]!;
    return translateIssues(errors[index]!, options[index]!, value, path);
  }
  if (best > 0) {
    const given = written.filter((key) => options.some((option) => keysOf(option).includes(key)));
    return [{ path, at: 'value', message: `expected ${expected}, not both; found ${listQuoted(given)}` }];
  }
  if (written.length === 0) return [{ path, at: 'value', message: `expected ${expected}, found an empty mapping` }];
  const allowed = options.flatMap((option) => keysOf(option));
  return written.map((key) => ({ path: [...path, key], at: 'key' as const, message: `${unknownField(key, allowed)} (expected ${expected})` }));
}

/** Zod may report one value twice (an integer too big for both its range and for safe integers). */
function dedupe(issues: PathIssue[]): PathIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.at}:${JSON.stringify(issue.path)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
