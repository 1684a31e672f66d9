// The scenario JSON Schema, generated from the zod schema so the two cannot disagree.
// Editors (yaml-language-server, VS Code's JSON support) read it for completion, hover
// help from the field descriptions, and red squiggles while an instructor types.
// Draft-07: the draft those editors support most completely.
import { z } from 'zod';
import { MAX_CENTS, MONEY_FIELDS, type MoneyField } from './money';
import { SCHEMA_KEY, scenarioSchema } from './schema';

export const SCHEMA_ID = 'https://marketing-and-sales.example/scenario.schema.json';
/** Where the generated schema is committed, relative to the repository root. */
export const SCHEMA_FILE = 'scenarios/scenario.schema.json';

export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(scenarioSchema, { target: 'draft-07', io: 'input' }) as Record<string, unknown>;
  addSnippets(generated);
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
    // The money form: currency units when the file sets its currency, else whole cents. Each
    // node repeats the description of the field it rules, so hover help reads the same.
    if: {
      type: 'object',
      properties: { currency: { description: describedAt(generated, ['currency']) } },
      required: ['currency'],
    },
    then: moneyRules(generated, (field) => ({ type: 'number', minimum: field.min / 100, maximum: MAX_CENTS / 100 })),
    else: moneyRules(generated, (field) => ({ type: 'integer', minimum: field.min, maximum: MAX_CENTS })),
  };
}

type Node = Record<string, unknown>;

/**
 * Snippets an editor offers where a list item or a move goes (yaml-language-server's and VS
 * Code's `defaultSnippets`; other validators ignore the keyword). Money in them is in currency
 * units, the documented form; ids are placeholders to change.
 */
export const SNIPPETS = {
  products: {
    label: 'product line',
    description: 'A product line: price and costs in the file’s currency',
    body: { id: 'new-line', name: 'New Line', segment: 'office', price: 18.5, unitCost: 9.75, fixedCost: 3000, goodwill: 0.4, quality: 0.5, unitsPerAccount: 400 },
  },
  accounts: {
    label: 'account',
    description: 'An account and what it buys a quarter',
    body: {
      id: 'new-account',
      name: 'New Account',
      key: false,
      relationship: 0.5,
      satisfaction: 0.55,
      buys: [{ product: 'new-line', units: 600, anchor: { min: 0, max: 0.2 } }],
    },
  },
  events: {
    label: 'event',
    description: 'An event: a trigger and its effects',
    body: {
      id: 'new-event',
      title: 'Something happens',
      trigger: { quarter: 4 },
      effects: [
        { type: 'shift-demand', segment: 'office', demand: 1.2 },
        { type: 'news', text: 'What the players read.' },
      ],
    },
  },
  move: {
    label: 'move',
    description: 'A move’s tuning; leave out what keeps its default',
    body: { enabled: true, response: { a: 0.25, b: 0, c: 2, d: 4 } },
  },
} as const;

function addSnippets(schema: Node): void {
  const properties = schema.properties as Record<string, Node>;
  for (const list of ['products', 'accounts', 'events'] as const) {
    const { label, description, body } = SNIPPETS[list];
    const items = properties[list]!.items as Node;
    items.defaultSnippets = [{ label, description, body }];
    items.examples = [body];
  }
  const moves = (properties.moves!.properties ?? {}) as Record<string, Node>;
  for (const move of Object.values(moves)) move.defaultSnippets = [SNIPPETS.move];
}

/** The node of the main schema at a path of property names, `*` for a list's items. */
function nodeAt(main: Node, path: readonly string[], when?: MoneyField['when']): Node | undefined {
  let node: Node | undefined = main;
  for (const part of path) {
    if (!node) return undefined;
    if (part === '*') {
      node = node.items as Node | undefined;
      const branches = node && (node.oneOf ?? node.anyOf);
      if (Array.isArray(branches) && when) {
        node = (branches as Node[]).find((b) => ((b.properties as Record<string, Node> | undefined)?.[when.key]?.const) === when.value);
      }
    } else node = (node.properties as Record<string, Node> | undefined)?.[part];
  }
  return node;
}

function describedAt(main: Node, path: readonly string[], when?: MoneyField['when']): string {
  const description = nodeAt(main, path, when)?.description;
  if (typeof description !== 'string') throw new Error(`the scenario schema has no description at ${path.join('.')}`);
  return description;
}

/** One schema holding `rule` at every money field's place (MONEY_FIELDS), to apply beside the main one. */
function moneyRules(main: Node, rule: (field: MoneyField) => Node): Node {
  const root: Node = { type: 'object' };
  for (const field of MONEY_FIELDS) {
    let node = root;
    field.path.forEach((part, index) => {
      const last = index === field.path.length - 1;
      const here = field.path.slice(0, index + 1);
      if (part === '*') {
        node.items ??= { type: 'object' };
        node = node.items as Node;
        if (field.when && index === field.path.length - 2) {
          // A field of one branch: only items of that type hold it.
          const { key, value } = field.when;
          node.if ??= { type: 'object', properties: { [key]: { const: value, description: describedAt(main, [...here, key], field.when) } }, required: [key] };
          node.then ??= { type: 'object' };
          node = node.then as Node;
        }
        return;
      }
      node.properties ??= {};
      const properties = node.properties as Record<string, Node>;
      const description = describedAt(main, here, field.when);
      properties[part] ??= last
        ? { ...rule(field), description }
        : { type: field.path[index + 1] === '*' ? 'array' : 'object', description };
      node = properties[part]!;
    });
  }
  return root;
}

/** The schema file's exact text: pretty-printed with a final newline, the same on every run. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
