// The command-line tools as a user runs them: exit codes, the report lines, and no stack
// trace for any input.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { firstQuarter, medianScores, playBotGames, suggestPar } from '../../src/balance/tuning';
import { fixture, fixturePath, mutate, scenarioOf } from './helpers';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');

function run(script: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(tsx, [join(root, 'src', 'cli', script), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  const out = { code: result.status, stdout: result.stdout, stderr: result.stderr };
  // Whatever happened, it must be a report, not a crash.
  expect(`${out.stdout}\n${out.stderr}`).not.toMatch(/\n\s+at\s/);
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'check-scenarios-'));
const broken = join(dir, 'broken.yaml');
writeFileSync(broken, mutate(mutate(fixture('minimal.yaml'), 33, 'price: 2400', 'price: "2400"'), 10, 'quarters: 8', 'quarters: 25'));
const huge = join(dir, 'huge.yaml');
writeFileSync(huge, `# ${'x'.repeat(2 * 1024 * 1024)}\n`);
const binary = join(dir, 'binary.json');
writeFileSync(binary, Buffer.from([0xff, 0xfe, 0x00, 0x7b]));

describe('check-scenarios', () => {
  it('exits 0 and summarises a valid file', () => {
    const { code, stdout } = run('check-scenarios.ts', [fixturePath('minimal.yaml')]);
    expect(code).toBe(0);
    expect(stdout).toContain('minimal.yaml: ok (Minimal Firm: 8 quarters, 10 effort points, 2 product lines, 2 accounts, 2 events');
  });

  it('says under the ok line what the scenario plays like: quarter 1, the median scores, a suggested par and targets', () => {
    const seeds = 10;
    const { code, stdout } = run('check-scenarios.ts', ['--seeds', String(seeds), fixturePath('minimal.yaml')]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    const ok = lines.findIndex((l) => l.includes('minimal.yaml: ok (Minimal Firm'));
    expect(ok).toBeGreaterThanOrEqual(0);
    const [q1, medians, par, targets] = lines.slice(ok + 1);
    const m = String.raw`-?[\d,]+\.\d\d`;
    expect(q1).toMatch(new RegExp(`^  quarter 1 under the balanced bot \\(mean of ${seeds} seeds\\): House Blend revenue ${m}, margin ${m} \\(-?\\d+%\\), profit ${m}; Decaf revenue ${m}, margin ${m} \\(-?\\d+%\\), profit ${m}; overhead 2,000\\.00; firm profit ${m}, cash ${m} at the quarter's end$`));
    // The same figures as the tuning module's, on the same games.
    const scenario = scenarioOf(fixture('minimal.yaml'));
    const played = playBotGames(scenario, seeds);
    const money = (cents: number) => (cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(q1).toContain(`cash ${money(firstQuarter(scenario, played)!.cash)} at the quarter's end`);
    expect(medians).toBe(`  median final score over ${seeds} seeds: ${medianScores(played).map((x) => `${x.bot} ${x.median.toFixed(1)}`).join(', ')}; par 70 is reached by the balanced bot in ${Math.round(100 * suggestPar(scenario, played)!.currentShare)}% of seeds`);
    const suggestion = suggestPar(scenario, played)!;
    expect(par).toMatch(new RegExp(`^  suggested par: ${suggestion.suggested} \\(the balanced bot's median score, rounded down: it reaches par in about half the seeds\\)`));
    expect(targets).toMatch(/^  suggested targets \(the best bot's median on each, so its typical game scores 100 points there\): profit \d+ \([a-z-]+'s median, [\d,.]+; now 1000000, reached \d+%\); revenue \d+ .*; customer equity \d+ .*; with these targets the suggested par is \d+$/);
    expect(targets).toContain(`profit ${suggestion.targets[0]!.suggested} (`);
  });

  it('writes the suggested targets as the file writes money: in currency units when it sets its currency', () => {
    const file = fileURLToPath(new URL('../../scenarios/two-hats.yaml', import.meta.url));
    const scenario = scenarioOf(readFileSync(file, 'utf8'), file);
    const { code, stdout } = run('check-scenarios.ts', ['--seeds', '5', file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^  quarter 1 under the balanced bot \(mean of 5 seeds, USD\): /m);
    const targets = stdout.split('\n').find((l) => l.startsWith('  suggested targets'))!;
    expect(targets).toMatch(new RegExp(`profit \\d+ \\([a-z-]+'s median; now ${scenario.scoring.targets.profit / 100}, reached \\d+%\\)`));
    const suggestion = suggestPar(scenario, playBotGames(scenario, 5))!;
    expect(targets).toContain(`revenue ${suggestion.targets[1]!.suggested! / 100} (`);
  });

  it('tells a draft that loses money every quarter where, before "lower par"', () => {
    const file = join(dir, 'loss.yaml');
    writeFileSync(file, mutate(fixture('minimal.yaml'), 17, 'overhead: 200000', 'overhead: 5000000'));
    const { code, stdout } = run('check-scenarios.ts', ['--seeds', '10', file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/loss\.yaml:17:13: warning: firm\.overhead: the firm loses money in every quarter whatever the bots do .*fixed costs exceed the margins/);
    expect(stdout).toMatch(/loss\.yaml:\d+:\d+: warning: scoring\.par: no bot reached par \(70\) in 10 seeds each; first the causes: the firm loses money in every quarter \(see the warning at firm\.overhead\); only if par is still out of reach after those, lower par/);
    expect(stdout).toContain('profit none (no bot\'s median is above zero');
  });

  it('names an unreachable target and by how much', () => {
    const file = join(dir, 'target.yaml');
    const text = fixture('minimal.yaml').replace('weights: { profit: 3, revenue: 1,', 'weights: { profit: 1, revenue: 10,').replace('revenue: 20000000,', 'revenue: 200000000,');
    writeFileSync(file, text);
    const { code, stdout } = run('check-scenarios.ts', ['--seeds', '10', file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/target\.yaml:\d+:\d+: warning: scoring\.targets\.revenue: out of reach: the best bot \(adaptive\) reaches [\d,.]+ at its median, \d+% of this target/);
    expect(stdout).toMatch(/warning: scoring\.par: no bot reached par \(70\) in 10 seeds each; first the causes: scoring\.targets\.revenue is out of reach \(the best bot's median reaches \d+% of it\); only if par is still out of reach after those, lower par/);
  });

  it('exits 1 and prints every error as file:line:col: error: path: message, the line under it with a caret at the column', () => {
    const { code, stdout } = run('check-scenarios.ts', [broken]);
    expect(code).toBe(1);
    expect(stdout.trim().split('\n')).toEqual([
      `${broken}:10:11: error: quarters: expected a whole number from 4 to 20, found 25`,
      '10 | quarters: 25',
      '   |           ^',
      `${broken}:33:12: error: products[0].price: expected a whole number of cents from 1 to 100,000,000,000, found the text "2400"`,
      '33 |     price: "2400"',
      '   |            ^',
    ]);
  });

  it('exits 1 for files it cannot read, saying why', () => {
    const missing = run('check-scenarios.ts', [join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('nope.yaml: error: cannot open the file: no such file');
    const folder = run('check-scenarios.ts', [dir]);
    expect(folder.code).toBe(1);
    expect(folder.stdout).toContain('it is a folder, not a file');
    const big = run('check-scenarios.ts', [huge]);
    expect(big.code).toBe(1);
    expect(big.stdout).toContain('larger than 1,048,576 bytes');
    const notText = run('check-scenarios.ts', [binary]);
    expect(notText.code).toBe(1);
    expect(notText.stdout).toContain('not UTF-8 text');
  });

  it('checks every file given and exits 1 if any fails', () => {
    const { code, stdout } = run('check-scenarios.ts', [fixturePath('minimal.yaml'), broken, fixturePath('minimal.json')]);
    expect(code).toBe(1);
    expect(stdout).toContain('minimal.json: ok (');
    expect(stdout).toContain('checked 3 files: 2 ok, 1 with errors');
  });

  it('exits 2 with usage when no file or an unknown option is given', () => {
    const none = run('check-scenarios.ts', []);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('usage:');
    const flag = run('check-scenarios.ts', ['--strict', fixturePath('minimal.yaml')]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('unknown option --strict');
    const help = run('check-scenarios.ts', ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('usage:');
  });
});

describe('export-schema', () => {
  it('--check passes on the committed schema and writes nothing', () => {
    const { code, stdout } = run('export-schema.ts', ['--check']);
    expect(code).toBe(0);
    expect(stdout).toContain('up to date');
  });

  it('exits 2 on an unknown argument', () => {
    expect(run('export-schema.ts', ['--force']).code).toBe(2);
  });
});
