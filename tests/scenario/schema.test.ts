// The one schema and what is generated from it: the committed JSON Schema must be what the
// zod schema produces today, every field must carry a description for editors and docs, and
// the schema's type must stay the model's Scenario type (checked by the compiler below).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, scenarioJsonSchema, scenarioJsonSchemaText } from '../../src/scenario/json-schema';
import { scenarioSchema, type ScenarioFromSchema, type Same } from '../../src/scenario/schema';
import type { MoveKind, Scenario } from '../../src/sim/types';
import { MOVE_KINDS } from '../../src/sim/types';

// Compile-time: `tsc -p .` fails if the schema and the model types drift apart, and each
// expected-error line below fails it if the check itself stops catching that kind of drift.
type Assert<T extends true> = T;
export type SchemaIsScenario = Assert<Same<ScenarioFromSchema, Scenario>>;
// @ts-expect-error an extra optional field on one side is drift
export type ExtraFieldIsDrift = Assert<Same<ScenarioFromSchema & { extra?: number }, Scenario>>;
// @ts-expect-error a nested field missing on one side is drift
export type MissingNestedIsDrift = Assert<Same<Omit<Scenario, 'firm'> & { firm: Omit<Scenario['firm'], 'overhead'> }, ScenarioFromSchema>>;
// @ts-expect-error a required field made optional is drift
export type OptionalityIsDrift = Assert<Same<Omit<Scenario, 'title'> & { title?: string }, ScenarioFromSchema>>;

describe('scenario schema', () => {
  it('the committed JSON Schema is up to date (run `npm run schema` after changing the zod schema)', () => {
    const path = fileURLToPath(new URL(`../../${SCHEMA_FILE}`, import.meta.url));
    expect(readFileSync(path, 'utf8')).toBe(scenarioJsonSchemaText());
  });

  it('is generated the same way every time', () => {
    expect(scenarioJsonSchemaText()).toBe(scenarioJsonSchemaText());
  });

  it('is a draft-07 schema with an id and a title that rejects unknown keys', () => {
    const schema = scenarioJsonSchema();
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toMatch(/scenario\.schema\.json$/);
    expect(schema.title).toBeTruthy();
    expect(schema.additionalProperties).toBe(false);
  });

  it('writes shapes used in several places once, as shared definitions the fields refer to', () => {
    const schema = scenarioJsonSchema() as Record<string, any>;
    expect(Object.keys(schema.definitions).sort()).toEqual(['anchorRange', 'responseCurve']);
    const refOf = (node: Record<string, any>) => node.$ref ?? node.allOf?.[0]?.$ref;
    for (const kind of MOVE_KINDS) expect(refOf(schema.properties.moves.properties[kind].properties.response)).toBe('#/definitions/responseCurve');
    expect(refOf(schema.properties.accounts.items.properties.buys.items.properties.anchor)).toBe('#/definitions/anchorRange');
    expect(refOf(schema.properties.dispute.properties.anchor)).toBe('#/definitions/anchorRange');
    expect(Object.keys(schema.definitions.responseCurve.properties)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('describes every field', () => {
    const undescribed: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}[${i}]`));
      if (typeof node !== 'object' || node === null) return;
      const record = node as Record<string, unknown>;
      if (record.properties && typeof record.properties === 'object') {
        for (const [key, value] of Object.entries(record.properties as Record<string, unknown>)) {
          if (typeof (value as { description?: unknown }).description !== 'string') undescribed.push(`${path}.${key}`);
        }
      }
      for (const [key, value] of Object.entries(record)) walk(value, `${path}/${key}`);
    };
    walk(scenarioJsonSchema(), '');
    expect(undescribed).toEqual([]);
  });

  it('has a tuning, with a default, for every move kind of the model, and no other', () => {
    const moves = scenarioSchema.shape.moves.unwrap().shape;
    expect(Object.keys(moves).sort()).toEqual([...MOVE_KINDS].sort());
    const kinds: readonly MoveKind[] = MOVE_KINDS;
    expect(kinds.length).toBeGreaterThan(0);
  });
});
