// The scenario docs' reference tables are generated from the schema: this fails when someone
// changes the schema without running `npm run docs:scenarios`, or edits inside the markers.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DOCS_FILE, GENERATED_BLOCKS, updateDocs } from '../../src/scenario/docs';
import { scenarioJsonSchema } from '../../src/scenario/json-schema';

const docs = readFileSync(fileURLToPath(new URL(`../../${DOCS_FILE}`, import.meta.url)), 'utf8');

describe('docs/scenarios.md', () => {
  it('has its generated tables up to date (run `npm run docs:scenarios` after changing the schema)', () => {
    const updated = updateDocs(docs);
    expect(updated.ok).toBe(true);
    if (updated.ok) expect(updated.text).toBe(docs);
  });

  it('keeps every generated block between its markers', () => {
    for (const name of GENERATED_BLOCKS) {
      expect(docs).toContain(`<!-- BEGIN GENERATED: ${name}`);
      expect(docs).toContain(`<!-- END GENERATED: ${name} -->`);
    }
  });

  it('notices a stale table', () => {
    const stale = docs.replace('| `quarters` | whole number 4 to 20 |', '| `quarters` | whole number 4 to 12 |');
    expect(stale).not.toBe(docs);
    const updated = updateDocs(stale);
    expect(updated.ok && updated.text).toBe(docs);
  });

  it('documents every field of the schema with its description', () => {
    const missing: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (typeof node !== 'object' || node === null) return;
      const record = node as Record<string, unknown>;
      if (record.properties && typeof record.properties === 'object') {
        for (const [key, value] of Object.entries(record.properties as Record<string, { description?: string }>)) {
          const row = `| \`${key}\` |`;
          if (!docs.includes(row) || (value.description && !docs.includes(value.description.replace(/\|/g, '\\|')))) missing.push(key);
        }
      }
      Object.values(record).forEach(walk);
    };
    walk(scenarioJsonSchema());
    expect(missing).toEqual([]);
  });

  it('refuses a file whose markers are gone rather than losing the prose', () => {
    expect(updateDocs('# no markers here\n').ok).toBe(false);
  });
});
