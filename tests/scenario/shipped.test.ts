// Every shipped scenario is ready for an instructor: it names the JSON Schema for editors in
// its first line, loads, and passes the meaning checks of check-scenarios without an error or
// a warning (a few seeds here; `npm run balance` plays a thousand).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import { checkMeaning } from '../../src/balance/meaning';

const dir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));

describe('shipped scenarios', () => {
  it('include the three the course is built on', () => {
    expect(files).toEqual(expect.arrayContaining(['solo-founder.yaml', 'two-hats.yaml', 'divisions.yaml']));
  });

  it.each(files)('%s starts with the yaml-language-server modeline, loads, and has no meaning issue', (file) => {
    const text = readFileSync(dir + file, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./scenario.schema.json');
    const result = loadScenario(text, file);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.id).toBe(file.replace(/\.ya?ml$/, ''));
    expect(checkMeaning(text, file, result.scenario, { seeds: 20 }).map((i) => `${i.severity} ${i.path}: ${i.message}`)).toEqual([]);
  });
});
