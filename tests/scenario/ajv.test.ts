// An independent validator agrees with ours. ajv, given only the exported JSON Schema, must
// accept every shipped scenario and judge structural mutations exactly as our loader's schema
// does. The split: JSON Schema covers shape, types and ranges; references between sections
// (an event naming a product that does not exist, duplicate ids, min above max) are checked by
// our semantic pass alone, so there ajv may accept what the loader refuses — never the reverse.
import Ajv from 'ajv';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SCHEMA_FILE, SNIPPETS } from '../../src/scenario/json-schema';
import { loadScenario } from '../../src/scenario/load';
import { SCHEMA_KEY, scenarioSchema } from '../../src/scenario/schema';
import { BASES, addBase, structuralCase } from './corpus';

const root = new URL('../../', import.meta.url);
const schema = JSON.parse(readFileSync(new URL(SCHEMA_FILE, root), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv({ strict: true, allErrors: false });
// Editors' snippet keyword (yaml-language-server, VS Code): an annotation, not a rule.
ajv.addKeyword({ keyword: 'defaultSnippets', schemaType: 'array' });
const validate = ajv.compile(schema);

const scenarioDir = fileURLToPath(new URL('scenarios/', root));
const shipped = readdirSync(scenarioDir).filter((f) => /\.ya?ml$/.test(f));
// The small fixture three times for each shipped file: cheap cases, so many of them.
const minimal = BASES[0]!;
for (const file of shipped) {
  const text = readFileSync(scenarioDir + file, 'utf8');
  addBase(file, text, parse(text));
  addBase(minimal.name, minimal.text, minimal.data);
  addBase(minimal.name, minimal.text, minimal.data);
}

/** Our structural judgement: the zod schema alone, after the loader's handling of `$schema`. */
function oursStructural(data: unknown): boolean {
  if (typeof data === 'object' && data !== null && !Array.isArray(data) && SCHEMA_KEY in data) {
    const { [SCHEMA_KEY]: key, ...rest } = data as Record<string, unknown>;
    if (typeof key !== 'string') return false;
    return scenarioSchema.safeParse(rest).success;
  }
  return scenarioSchema.safeParse(data).success;
}

describe('ajv and our loader agree', () => {
  it('ajv compiles the exported schema in strict mode', () => {
    expect(typeof validate).toBe('function');
  });

  it.each(shipped)('ajv accepts the shipped scenario %s', (file) => {
    const data = parse(readFileSync(scenarioDir + file, 'utf8'));
    const ok = validate(data);
    expect(ok, JSON.stringify(validate.errors)).toBe(true);
    expect(loadScenario(readFileSync(scenarioDir + file, 'utf8'), file).ok).toBe(true);
  });

  it('every snippet the schema offers editors is valid where it goes, and the loader accepts it there', () => {
    const text = readFileSync(scenarioDir + 'two-hats.yaml', 'utf8');
    const twoHats = parse(text) as Record<string, unknown[]> & { moves: Record<string, unknown>; segments: { id: string }[] };
    const snippetsAt = (node: Record<string, unknown>) => node.defaultSnippets as { body: unknown }[];
    const properties = schema.properties as Record<string, Record<string, Record<string, unknown>>>;
    for (const list of ['products', 'accounts', 'events'] as const) {
      const [snippet] = snippetsAt(properties[list]!.items as Record<string, unknown>);
      expect(snippet!.body).toEqual(SNIPPETS[list].body);
      const data = structuredClone(twoHats);
      // The snippets name each other and a segment called office, as a new file would.
      data.products = [...data.products!, SNIPPETS.products.body];
      if (list !== 'products') data[list] = [...data[list]!, snippet!.body];
      expect(validate(data), `${list}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(loadScenario(JSON.stringify(data), 'snippet.json').ok, list).toBe(true);
    }
    const moves = properties.moves!.properties as Record<string, Record<string, unknown>>;
    for (const [kind, move] of Object.entries(moves)) {
      const data = structuredClone(twoHats);
      data.moves = { ...data.moves, [kind]: snippetsAt(move)[0]!.body };
      expect(validate(data), `${kind}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('ajv accepts the loader test fixtures', () => {
    for (const name of ['minimal.yaml', 'minimal.json']) {
      const text = readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
      expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('judges 800 structural mutations as our schema does, and never accepts what our loader needs more to refuse', () => {
    let accepted = 0;
    let semanticOnly = 0;
    fc.assert(
      fc.property(structuralCase, (c) => {
        const result = loadScenario(c.text, c.name);
        // Judge the data the text really holds (YAML may read a string as something else).
        let data: unknown;
        try {
          data = c.name.endsWith('.json') ? JSON.parse(c.text) : parse(c.text, { maxAliasCount: 100 });
        } catch {
          // Our parser refused it too (limits); nothing for ajv to judge.
          expect(result.ok).toBe(false);
          return;
        }
        const theirs = validate(data) === true;
        const ours = oursStructural(data);
        expect(theirs, `${c.kind}: ajv ${theirs}, ours ${ours}: ${JSON.stringify(validate.errors)?.slice(0, 300)}`).toBe(ours);
        if (result.ok) {
          expect(theirs).toBe(true);
          accepted++;
        } else if (theirs) semanticOnly++;
      }),
      { numRuns: 800, seed: 20261126 },
    );
    // The corpus must exercise both sides, or agreement means little.
    expect(accepted + semanticOnly).toBeGreaterThan(30);
  }, 180_000);
});
