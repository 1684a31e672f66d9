// The reference tables of docs/scenarios.md, generated from the exported JSON Schema (itself
// generated from the zod schema), so the field list, ranges and meanings in the docs cannot
// drift from what the loader accepts. The prose around the tables is written by hand; only the
// text between the marker comments belongs to this generator.
import { scenarioJsonSchema } from './json-schema';
import { ID_PATTERN } from './ids';
import { CURRENCY_PATTERN } from './money';
import { MOVE_DEFAULTS } from './move-defaults';
import { MONEY_TITLE } from './schema';
import { SCREEN_LIMITS } from './screen-limits';

type Node = Record<string, unknown>;

export const DOCS_FILE = 'docs/scenarios.md';

/** The generated blocks: each lives between `<!-- BEGIN GENERATED: name … -->` and `<!-- END GENERATED: name -->`. */
export const GENERATED_BLOCKS = ['scenario-fields', 'screen-limits', 'move-defaults'] as const;
export type GeneratedBlock = (typeof GENERATED_BLOCKS)[number];

const begin = (name: string) => `<!-- BEGIN GENERATED: ${name} (npm run docs:scenarios; do not edit by hand) -->`;
const end = (name: string) => `<!-- END GENERATED: ${name} -->`;

function formatNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** Markdown table cells may not contain a pipe or a line break. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function isObjectNode(node: Node): boolean {
  return node.type === 'object' && typeof node.properties === 'object';
}

/** What a value must look like, in the docs' words: type and range from the JSON Schema. */
export function describeType(node: Node): string {
  if (Array.isArray(node.anyOf) || Array.isArray(node.oneOf)) return 'one of the forms below';
  if (node.title === MONEY_TITLE) return 'money (see [Money](#money))';
  const shared = sharedName(node);
  if (shared !== undefined) return `mapping (see \`${shared}\`, shared)`;
  if (typeof node.const === 'string') return `exactly \`${node.const}\``;
  if (Array.isArray(node.enum)) return `one of ${node.enum.map((v) => `\`${String(v)}\``).join(', ')}`;
  const min = typeof node.minimum === 'number' ? node.minimum : undefined;
  const max = typeof node.maximum === 'number' ? node.maximum : undefined;
  const exclusiveMin = typeof node.exclusiveMinimum === 'number' ? node.exclusiveMinimum : undefined;
  const range = (): string => {
    if (exclusiveMin !== undefined && max !== undefined) return ` above ${formatNumber(exclusiveMin)}, at most ${formatNumber(max)}`;
    if (min !== undefined && max !== undefined) return ` ${formatNumber(min)} to ${formatNumber(max)}`;
    return '';
  };
  switch (node.type) {
    case 'integer':
      return `whole number${range()}`;
    case 'number':
      return `number${range()}`;
    case 'boolean':
      return '`true` or `false`';
    case 'string':
      if (node.pattern === ID_PATTERN.source) return 'id (1–40 of `a-z`, `0-9`, `-`)';
      if (node.pattern === CURRENCY_PATTERN.source) return 'currency code (three capital letters)';
      if (typeof node.pattern === 'string') return `text matching \`${node.pattern}\``;
      if (typeof node.maxLength !== 'number') return 'text';
      return `text, ${formatNumber(Number(node.minLength ?? 0))} to ${formatNumber(Number(node.maxLength ?? Infinity))} characters`;
    case 'array': {
      const items = (node.items ?? {}) as Node;
      const what = isObjectNode(items) || Array.isArray(items.oneOf) || Array.isArray(items.anyOf) ? 'entries' : describeType(items);
      const count =
        node.minItems === 0 ? `at most ${formatNumber(Number(node.maxItems))}` : `${formatNumber(Number(node.minItems))} to ${formatNumber(Number(node.maxItems))}`;
      return `list of ${count} ${what === 'entries' ? 'entries (below)' : `× ${what}`}`;
    }
    case 'object':
      return 'mapping (below)';
    default:
      return 'any';
  }
}

interface Section {
  path: string;
  description: string;
  rows: string[];
}

/** Two schemas that differ only in their descriptions (the 13 move tunings share one shape). */
function sameShape(a: unknown, b: unknown): boolean {
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (typeof node !== 'object' || node === null) return node;
    return Object.fromEntries(Object.entries(node).filter(([k]) => k !== 'description').map(([k, v]) => [k, strip(v)]));
  };
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}

/** The name of the shared definition a node refers to (`$ref`, or draft-07's `allOf: [{ $ref }]` beside a description). */
function sharedName(node: Node): string | undefined {
  const ref = typeof node.$ref === 'string' ? node.$ref : Array.isArray(node.allOf) && node.allOf.length === 1 ? (node.allOf[0] as Node).$ref : undefined;
  return typeof ref === 'string' ? ref.replace(/^#\/definitions\//, '') : undefined;
}

function collect(node: Node, path: string, sections: Section[]): void {
  const properties = node.properties as Record<string, Node>;
  const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
  const entries = Object.entries(properties);
  const rows: string[] = [];
  const nested: [string, Node][] = [];
  // Children of a variant section ("trigger (productLossQuarters)") are named by the plain path.
  const base = path.replace(/ \([^)]*\)$/, '');

  // A mapping whose every field has one shape (the moves): list the keys once, document the shape once.
  const shared = entries.length > 2 && entries.every(([, v]) => isObjectNode(v) && sameShape(v, entries[0]![1]));
  for (const [key, value] of entries) {
    const description = typeof value.description === 'string' ? value.description : '';
    const type = shared ? `mapping (see \`${path}.<move>\`)` : describeType(value);
    rows.push(`| \`${key}\` | ${cell(type)} | ${required.has(key) ? 'yes' : 'no'} | ${cell(description)} |`);
    if (shared) continue;
    const items = value.type === 'array' ? ((value.items ?? {}) as Node) : undefined;
    if (isObjectNode(value)) nested.push([`${base}.${key}`, value]);
    else if (items && isObjectNode(items)) nested.push([`${base}.${key}[]`, { ...items, description: items.description ?? value.description }]);
    else if (Array.isArray(value.anyOf) || Array.isArray(value.oneOf)) nested.push([`${base}.${key}`, value]);
    else if (items && (Array.isArray(items.oneOf) || Array.isArray(items.anyOf))) nested.push([`${base}.${key}[]`, { ...items, description: value.description }]);
  }
  sections.push({ path, description: typeof node.description === 'string' ? node.description : '', rows });
  if (shared) collect({ ...entries[0]![1], description: 'One move’s tuning; every move has these fields.' }, `${path}.<move>`, sections);

  for (const [childPath, child] of nested) {
    const variants = (child.anyOf ?? child.oneOf) as Node[] | undefined;
    if (!variants) {
      collect(child, childPath, sections);
      continue;
    }
    for (const variant of variants) {
      const props = variant.properties as Record<string, Node>;
      const tag = Object.values(props).find((p) => typeof p.const === 'string')?.const as string | undefined;
      const label = tag !== undefined ? `type: ${tag}` : Object.keys(props).join(', ');
      collect(
        { ...variant, description: variant.description ?? (tag !== undefined ? props.type?.description : undefined) ?? child.description },
        `${childPath} (${label})`,
        sections,
      );
    }
  }
}

/** What each shared shape is, where the schema gives it no description of its own. */
const SHARED_DESCRIPTIONS: Record<string, string> = {
  responseCurve: 'A response curve (ADBUDG): every move’s `response` has these fields.',
  anchorRange: 'A range of hidden anchor strength, drawn per seed: a purchase’s `anchor` and the dispute’s.',
};

function fieldTables(): string {
  const sections: Section[] = [];
  const schema = scenarioJsonSchema() as Node;
  collect(schema, 'scenario', sections);
  // Shapes used in several places are documented once, under their own name.
  for (const [name, definition] of Object.entries((schema.definitions ?? {}) as Record<string, Node>)) {
    collect({ ...definition, description: definition.description ?? SHARED_DESCRIPTIONS[name] ?? '' }, name, sections);
  }
  const out: string[] = [];
  for (const section of sections) {
    out.push(`#### \`${section.path}\``, '');
    if (section.description !== '') out.push(section.description, '');
    out.push('| field | value | required | meaning |', '| --- | --- | --- | --- |', ...section.rows, '');
  }
  return out.join('\n');
}

function screenLimitTable(): string {
  const rows = SCREEN_LIMITS.map(
    (l) => `| \`${l.field}\` | ${cell(l.screen)} | ${formatNumber(l.max)} | ${l.severity === 'error' ? 'error' : 'warning'} |`,
  );
  return ['| field | where it is shown | fits up to (characters) | past that |', '| --- | --- | --- | --- |', ...rows, ''].join('\n');
}

function moveDefaultsTable(): string {
  const range = ([low, high]: readonly [number, number]) => (low === high ? formatNumber(low) : `${formatNumber(low)}–${formatNumber(high)}`);
  const rows = (Object.keys(MOVE_DEFAULTS) as (keyof typeof MOVE_DEFAULTS)[]).map((kind) => {
    const { response: r, meaning, suggested } = MOVE_DEFAULTS[kind];
    return `| \`${kind}\` | ${cell(meaning)} | a ${formatNumber(r.a)}, b ${formatNumber(r.b)}, c ${r.c}, d ${formatNumber(r.d)} | ${range(suggested.a)} | ${range(suggested.d)} |`;
  });
  return ['| move | the response r(x) is | default curve | a worth trying | d worth trying |', '| --- | --- | --- | --- | --- |', ...rows, ''].join('\n');
}

export function generatedBlock(name: GeneratedBlock): string {
  switch (name) {
    case 'scenario-fields':
      return fieldTables();
    case 'screen-limits':
      return screenLimitTable();
    case 'move-defaults':
      return moveDefaultsTable();
    default: {
      const unknown: never = name;
      throw new Error(`no generator for the docs block ${String(unknown)}`);
    }
  }
}

export type DocsUpdate = { ok: true; text: string } | { ok: false; message: string };

/** The docs with every generated block replaced by what the schema says today. */
export function updateDocs(current: string): DocsUpdate {
  let text = current;
  for (const name of GENERATED_BLOCKS) {
    const start = text.indexOf(begin(name));
    const stop = text.indexOf(end(name));
    if (start < 0 || stop < start) return { ok: false, message: `the markers for "${name}" are missing or out of order:\n  ${begin(name)}\n  ${end(name)}` };
    const head = text.slice(0, start + begin(name).length);
    text = `${head}\n\n${generatedBlock(name)}\n${text.slice(stop)}`;
  }
  return { ok: true, text };
}
