// The scenario JSON Schema, generated from the zod schema so the two cannot disagree.
// Editors (yaml-language-server, VS Code's JSON support) read it for completion, hover
// help from the field descriptions, and red squiggles while an instructor types.
// Draft-07: the draft those editors support most completely.
import { z } from 'zod';
import { SCHEMA_KEY, scenarioSchema } from './schema';

export const SCHEMA_ID = 'https://marketing-and-sales.example/scenario.schema.json';
/** Where the generated schema is committed, relative to the repository root. */
export const SCHEMA_FILE = 'scenarios/scenario.schema.json';

export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(scenarioSchema, { target: 'draft-07' }) as Record<string, unknown>;
  const { $schema, description, type, properties, ...rest } = generated;
  return {
    $schema,
    $id: SCHEMA_ID,
    title: 'Marketing & Sales scenario',
    description,
    type,
    properties: {
      // JSON files name their schema in the file itself; the loader drops the key.
      [SCHEMA_KEY]: { type: 'string', description: 'Path or URL of this JSON Schema, for editors. Ignored by the game.' },
      ...(properties as Record<string, unknown>),
    },
    ...rest,
  };
}

/** The schema file's exact text: pretty-printed with a final newline, the same on every run. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
