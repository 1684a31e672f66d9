// `npm run new-scenario -- FILE`: the starter loads, passes the meaning checks, and its
// `$schema` line finds the project's schema from wherever the file is written.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkMeaning } from '../../src/balance/meaning';
import { idFromFileName } from '../../src/cli/new-scenario';
import { SCHEMA_FILE } from '../../src/scenario/json-schema';
import { loadScenario } from '../../src/scenario/load';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const run = (args: string[], cwd = root) => spawnSync(tsx, [join(root, 'src', 'cli', 'new-scenario.ts'), ...args], { cwd, encoding: 'utf8', timeout: 60_000 });

describe('new-scenario', () => {
  const dir = mkdtempSync(join(tmpdir(), 'new-scenario-'));

  it('writes a YAML starter that loads, with money in units and no moves written, whose $schema line finds the schema', () => {
    const file = join(dir, 'deep', 'down', 'My Firm 2.yaml');
    const { status, stdout } = run([file]);
    expect(status, stdout).toBe(0);
    const text = readFileSync(file, 'utf8');
    const schemaPath = text.match(/^# yaml-language-server: \$schema=(.+)$/m)![1]!;
    expect(resolve(dirname(file), schemaPath)).toBe(resolve(root, SCHEMA_FILE));
    expect(text).toMatch(/^currency: USD$/m);
    expect(text).not.toMatch(/^moves:/m);
    const loaded = loadScenario(text, file);
    if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
    expect(loaded.scenario.id).toBe('my-firm-2');
    expect(loaded.scenario.products[0]!.price).toBe(650);
    // It plays as it is: no error and no warning from the meaning checks (the bots reach par).
    expect(checkMeaning(text, file, loaded.scenario, { seeds: 20 })).toEqual([]);
  });

  it('works from another working folder, and writes JSON with its "$schema" key for a .json name', () => {
    const file = join(dir, 'elsewhere.json');
    const { status } = run(['elsewhere.json'], dir);
    expect(status).toBe(0);
    const data = JSON.parse(readFileSync(file, 'utf8')) as { $schema: string };
    expect(resolve(dir, data.$schema)).toBe(resolve(root, SCHEMA_FILE));
    expect(loadScenario(readFileSync(file, 'utf8'), file).ok).toBe(true);
  });

  it('never overwrites a file unless told to, and refuses a name that is not a scenario file', () => {
    const file = join(dir, 'kept.yaml');
    expect(run([file]).status).toBe(0);
    const again = run([file]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists; nothing written (add --force to replace it)');
    expect(run([file, '--force']).status).toBe(0);
    const wrong = run([join(dir, 'notes.txt')]);
    expect(wrong.status).toBe(2);
    expect(existsSync(join(dir, 'notes.txt'))).toBe(false);
  });

  it('makes an id from the file name', () => {
    expect(idFromFileName('scenarios/My Firm (v2).yaml')).toBe('my-firm-v2');
    expect(idFromFileName('---.json')).toBe('my-scenario');
  });
});
