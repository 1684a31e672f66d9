// Earlier versions of the shipped scenarios, kept in scenarios/archive: what players made on them
// (saves, replays, result codes, workshops) keeps verifying after a scenario changes. Each archived
// file loads, is an older version of a shipped scenario with another content hash, and is what the
// server, the instructor's verify-results and the replays find for that hash.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeReplay, parseReplay, scenarioHash } from '../../src/replay/replay';
import { makeResultCode, verifyResultCode } from '../../src/scoreboard/index';
import { loadScenarioFolder } from '../../src/server/scenario-catalog';
import { botNamed, playBot } from '../../src/sim/index';
import { GOLDEN_SETS, type Golden } from '../golden/games';
import { loadArchived, loadFile, loadShipped } from '../support/scenarios';

const root = fileURLToPath(new URL('../../', import.meta.url));
const archive = join(root, 'scenarios', 'archive');
const files = readdirSync(archive).filter((f) => f.endsWith('.yaml'));

describe('the scenario archive', () => {
  it('holds two-hats version 1, from before the leads were people', () => {
    const v1 = loadArchived('two-hats', 1);
    expect(v1.people).toBeUndefined();
    expect(loadShipped('two-hats').people).toBeDefined();
  });

  for (const file of files) {
    it(`${file}: loads, is named <id>-v<version>.yaml, and is older than the shipped file with another hash`, () => {
      const old = loadFile(join(archive, file));
      expect(file).toBe(`${old.id}-v${old.version}.yaml`);
      const current = loadShipped(old.id);
      expect(old.version).toBeLessThan(current.version);
      expect(scenarioHash(old)).not.toBe(scenarioHash(current));
    });
  }

  it('the server finds each version by its hash, and offers only the current one', () => {
    const { catalog, problems } = loadScenarioFolder(join(root, 'scenarios'));
    expect(problems).toEqual([]);
    const v1 = loadArchived('two-hats', 1);
    const v2 = loadShipped('two-hats');
    expect(catalog.version('two-hats', scenarioHash(v1))?.version).toBe(1);
    expect(catalog.version('two-hats', scenarioHash(v2))?.version).toBe(v2.version);
    expect(catalog.version('two-hats', '0000000000000000')).toBeUndefined();
    expect(catalog.list().filter((s) => s.id === 'two-hats').map((s) => s.version)).toEqual([v2.version]);
  });

  it('a result code made on version 1 still verifies, against the archived file, with the score it had', () => {
    const set = GOLDEN_SETS.find((s) => s.frozen)!;
    const golden = (JSON.parse(readFileSync(set.file, 'utf8')) as Golden[])[0]!;
    const v1 = loadArchived('two-hats', 1);
    const code = makeResultCode(v1, parseReplay(golden.replay), 'Old hands');
    const verified = verifyResultCode(code, v1);
    expect(verified.ok && verified.score).toBe(golden.score);
    // Against the current version it is refused as another version, not misread.
    const refused = verifyResultCode(code, loadShipped('two-hats'));
    expect(refused.ok ? null : refused.reason).toBe('scenario-version');

    // verify-results, as an instructor runs it with no --scenario, finds the archived version.
    const dir = mkdtempSync(join(tmpdir(), 'archive-'));
    const codes = join(dir, 'codes.txt');
    const fresh = makeResultCode(v1, makeReplay(v1, 1, playBot(v1, 1, botNamed('adaptive')!).steps), 'Newer hands');
    writeFileSync(codes, `${code}\n${fresh}\n`);
    const run = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'src', 'cli', 'verify-results.ts'), codes], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('two-hats version 1');
    expect(run.stdout).toContain('archive/two-hats-v1.yaml');
    expect(run.stdout).toContain('Old hands');
    expect(run.stdout).toContain('Newer hands');
    expect(run.stdout).not.toContain('Rejected');
  });
});
