// verify-results and simulate --result-code as an instructor runs them: exit codes, the ranking
// and the rejected lines, files written, and never a stack trace.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeResultCode, encodeResultCode, makeHeatCode, verifyResultCode } from '../../src/scoreboard/index';
import { DISPUTE_OPTIONS, botNamed, playBot } from '../../src/sim/index';
import { shippedScenarioPath } from '../support/scenarios';
import { botCode, scenario } from './support';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'verify-results-'));

function run(script: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(tsx, [join(root, 'src', 'cli', script), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  const out = { code: result.status, stdout: result.stdout, stderr: result.stderr };
  expect(`${out.stdout}\n${out.stderr}`).not.toMatch(/\n\s+at\s/);
  return out;
}

function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const balanced = botCode('balanced', 'Balancers');
const adaptive = botCode('adaptive', 'Adapters');
const sales = botCode('all-sales', 'Sellers, "the"\nsecond line');

describe('verify-results', () => {
  it('exits 0 and prints the verified ranking when every code verifies; comments and blank lines are skipped', () => {
    const codes = file('good.txt', ['# workshop of 26 November', '', balanced, '   ', `  ${adaptive}  `, '# the sellers', sales]);
    const { code, stdout } = run('verify-results.ts', [codes]);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toContain(`${scenario.title} (${scenario.id} version ${scenario.version}`);
    expect(stdout).toContain(`Heat ${makeHeatCode(scenario, 1)}: seed 1`);
    const ranking = lines.filter((l) => /^\s+\d+\s{2}/.test(l));
    expect(ranking.map((l) => l.trim().split(/\s{2,}/)[1])).toEqual(['Adapters', 'Balancers', 'Sellers, "the"\\nsecond line']);
    expect(stdout).toContain('Ties: Groups are ranked by their verified score');
    expect(stdout).not.toContain('Rejected');
  });

  it('exits 1 naming the line and the reason of every rejected code, and still ranks the rest', () => {
    const liar = encodeResultCode({ ...decodeResultCode(balanced), group: 'Liars', claimedScore: 99.5 });
    const codes = file('mixed.txt', ['# mixed', balanced, 'not a code at all', adaptive.slice(0, 80), liar, botCode('adaptive', 'Elsewhere', 5)]);
    const { code, stdout } = run('verify-results.ts', [codes, '--heat', makeHeatCode(scenario, 1)]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/1\s+Balancers/);
    expect(stdout).toContain('Rejected (4):');
    expect(stdout).toContain('line 3: garbage: this is not a result code');
    expect(stdout).toContain('line 4: truncated: the result code is cut off');
    expect(stdout).toContain('line 5 (group "Liars"): score-mismatch: the code claims a score of 99.50');
    expect(stdout).toContain('line 6 (group "Elsewhere"): heat: the code was played on seed 5');
  });

  it('takes --scenario, and rejects codes for another version of it', () => {
    const changed = join(dir, 'two-hats-v2.yaml');
    writeFileSync(changed, readFileSync(shippedScenarioPath('two-hats'), 'utf8').replace(/^  par: (\d+)$/m, (_, n: string) => `  par: ${Number(n) + 1}`));
    const codes = file('version.txt', [balanced]);
    const same = run('verify-results.ts', [codes, '--scenario', shippedScenarioPath('two-hats')]);
    expect(same.code).toBe(0);
    const other = run('verify-results.ts', [codes, '--scenario', changed]);
    expect(other.code).toBe(1);
    expect(other.stdout).toContain('line 1 (group "Balancers"): scenario-version');
  });

  it('writes CSV and JSON results', () => {
    const codes = file('export.txt', [balanced, adaptive, 'garbage']);
    const csv = join(dir, 'out.csv');
    const json = join(dir, 'out.json');
    const { code } = run('verify-results.ts', [codes, '--csv', csv, '--json', json]);
    expect(code).toBe(1);
    const text = readFileSync(csv, 'utf8');
    expect(text.startsWith('\uFEFFrank,group,status,score')).toBe(true);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(4);
    const results = JSON.parse(readFileSync(json, 'utf8'));
    expect(results.ranking.map((r: { group: string }) => r.group)).toEqual(['Adapters', 'Balancers']);
    expect(results.rejected).toHaveLength(1);
  });

  it('reports luck or skill with --luck', () => {
    const codes = file('luck.txt', [balanced, adaptive]);
    const { code, stdout } = run('verify-results.ts', [codes, '--luck']);
    expect(code).toBe(0);
    expect(stdout).toContain('Other seeds (mean ± sd, rank held)');
    expect(stdout).toMatch(/Other seeds: 100 seeds \(2–101\)/);
  });

  it('exits 1 for files it cannot read or that hold no codes, and when no scenario can be found', () => {
    expect(run('verify-results.ts', [join(dir, 'missing.txt')])).toMatchObject({ code: 1, stderr: expect.stringContaining('no such file') });
    expect(run('verify-results.ts', [file('empty.txt', ['# nothing yet', ''])])).toMatchObject({ code: 1, stderr: expect.stringContaining('holds no result codes') });
    expect(run('verify-results.ts', [file('junk.txt', ['junk'])])).toMatchObject({ code: 1, stderr: expect.stringContaining('--scenario') });
    const foreign = encodeResultCode({ ...decodeResultCode(balanced), scenarioId: 'no-such-scenario' });
    expect(run('verify-results.ts', [file('foreign.txt', [foreign])])).toMatchObject({ code: 1, stderr: expect.stringContaining('"no-such-scenario", which is not among the shipped scenarios') });
  });

  it('exits 2 on usage errors', () => {
    const codes = file('usage.txt', [balanced]);
    for (const args of [[], [codes, codes], [codes, '--nope'], [codes, '--heat', 'XXXX'], [codes, '--scenario']]) {
      const { code, stderr } = run('verify-results.ts', args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toContain('usage: npm run verify-results -- FILE');
    }
    expect(run('verify-results.ts', ['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('usage:') });
  });
});

describe('simulate --group NAME --result-code', () => {
  const yaml = shippedScenarioPath('two-hats');

  it('prints the result code of the game played, which verifies', () => {
    const { code, stdout } = run('simulate.ts', [yaml, '--seed', '3', '--bot', 'adaptive', '--group', 'Team 3', '--result-code']);
    expect(code).toBe(0);
    const printed = stdout.trim();
    expect(printed).toBe(botCode('adaptive', 'Team 3', 3));
    const verified = verifyResultCode(printed, scenario, { seed: 3 });
    expect(verified).toMatchObject({ ok: true, group: 'Team 3' });
    const json = run('simulate.ts', [yaml, '--group', 'Team J', '--result-code', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ group: 'Team J', resultCode: botCode('balanced', 'Team J') });
  });

  it('makes a result code from a saved replay too', () => {
    const replay = join(dir, 'replay.json');
    expect(run('simulate.ts', [yaml, '--seed', '4', '--replay-out', replay]).code).toBe(0);
    const { code, stdout } = run('simulate.ts', [yaml, '--replay', replay, '--group', 'Replayers', '--result-code']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(botCode('balanced', 'Replayers', 4));
  });

  it('refuses the flags on their own, on several seeds, or with a bad name (exit 2)', () => {
    for (const args of [
      [yaml, '--result-code'],
      [yaml, '--group', 'A'],
      [yaml, '--group', 'A', '--result-code', '--seeds', '1-3'],
      [yaml, '--group', '   ', '--result-code'],
      [yaml, '--group', 'x'.repeat(61), '--result-code'],
    ]) {
      const { code, stderr } = run('simulate.ts', args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toContain('usage: npm run simulate');
    }
  });
});

describe('simulate --dispute-option NAME', () => {
  const yaml = shippedScenarioPath('two-hats');

  it('forces the bot’s first choice and reports the dispute in the JSON', () => {
    for (const option of DISPUTE_OPTIONS) {
      const { code, stdout } = run('simulate.ts', [yaml, '--seed', '3', '--dispute-option', option, '--json']);
      expect(code, option).toBe(0);
      const { dispute } = JSON.parse(stdout) as { dispute: Record<string, unknown> };
      const played = playBot(scenario, 3, botNamed('balanced')!, { disputeOption: option }).state.dispute!;
      expect(dispute).toMatchObject({
        quarter: played.openedInQuarter,
        option,
        anchorStrength: played.anchorStrength,
        accountLost: !playBot(scenario, 3, botNamed('balanced')!, { disputeOption: option }).state.accounts.find((a) => a.id === played.account)!.active,
        decision: played.option,
      });
      // After an investigation or a meeting the bot decides for itself.
      if (option === 'investigate' || option === 'joint-meeting') expect(dispute.choices).toStrictEqual([option, played.option]);
    }
  });

  it('refuses an unknown option, and with --replay (exit 2)', () => {
    for (const args of [[yaml, '--dispute-option', 'postpone'], [yaml, '--dispute-option']]) {
      const { code, stderr } = run('simulate.ts', args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toContain('usage: npm run simulate');
    }
  });
});
