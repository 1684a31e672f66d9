// `npm run fidelity` as a user runs it: exit codes, the figures beside their sources, JSON on
// request, and a report (never a stack trace) for a file it cannot use.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONCEPTS } from '../../src/balance/published';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');

function run(args: string[]) {
  const result = spawnSync(tsx, [join(root, 'src', 'cli', 'fidelity.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  expect(`${result.stdout}\n${result.stderr}`).not.toMatch(/\n\s+at\s/);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run fidelity', () => {
  it('prints every figure beside the published range and its source, and says what is not confirmed', () => {
    const { code, stdout } = run(['scenarios/solo-founder.yaml', '--seeds', '6']);
    expect(code).toBe(0);
    expect(stdout).toContain('Solo Founder');
    expect(stdout).toContain('short-run elasticity of revenue to sales effort:');
    expect(stdout).toMatch(/\[(inside|outside) 0\.17–0\.68\]/);
    expect(stdout).toContain('Gupta, Lehmann & Stuart');
    expect(stdout).toContain('not confirmed here');
  });

  it('prints JSON with --json', () => {
    const { code, stdout } = run(['scenarios/two-hats.yaml', '--seeds', '4', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.seeds).toBe(4);
    expect(report.figures.map((f: { concept: string }) => f.concept)).toEqual([...CONCEPTS]);
    expect(typeof report.sides.sales.elasticity).toBe('number');
  });

  it('exits 1 for a file it cannot read or load, 2 for a usage error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fidelity-'));
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'id: x\nquarters: [\n');
    const missing = run([join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.yaml: error: cannot read the file: no such file');
    const bad = run([broken]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/broken\.yaml:\d+:\d+: error/);
    expect(run(['scenarios/two-hats.yaml', '--seeds', '0']).code).toBe(2);
    expect(run(['scenarios/two-hats.yaml', '--bogus']).code).toBe(2);
    expect(run([]).code).toBe(2);
  });
});
