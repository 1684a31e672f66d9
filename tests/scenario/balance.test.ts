// The balance report: its shortcuts must not change any number (a natural game stands in for
// the forced game of the option the bot chose), its page must be self-contained and show
// scenario text as text, and the command must work as `npm run balance` runs it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DISPUTE_BOTS, buildReport, playSeed, type BalanceReport } from '../../src/balance/report';
import { renderHtml } from '../../src/cli/balance-html';
import { DISPUTE_OPTIONS, botNamed, playBot } from '../../src/sim/index';
import { loadShipped } from '../support/scenarios';

const scenario = loadShipped('two-hats');

describe('balance report', () => {
  it('reuses a natural game only where it equals the forced game', () => {
    for (const seed of [1, 2, 3, 4]) {
      const result = playSeed(scenario, seed);
      for (const name of DISPUTE_BOTS) {
        for (const option of DISPUTE_OPTIONS) {
          const forced = playBot(scenario, seed, botNamed(name)!, { disputeOption: option }).state;
          expect(result.forced[name]?.[option], `${name} ${option} seed ${seed}`).toBe(forced.history[forced.history.length - 1]!.score.total);
        }
      }
    }
  });

  it('checks the same ideas as tests/ideas, and renders a page with no external requests', () => {
    const results = [1, 2, 3, 4, 5, 6].map((seed) => playSeed(scenario, seed));
    const report = buildReport(scenario, results, { seconds: 1, workers: 1 });
    expect(report.ideas.map((c) => c.id)).toEqual([
      'balance-beats-extremes',
      'greedy-leads-early',
      'greedy-loses-late',
      'skill-pays',
      'no-marketing-no-sales',
      'no-sales-marketing-fails',
    ]);
    expect(report.distributions.map((d) => d.histogram.reduce((s, c) => s + c, 0))).toEqual(report.distributions.map(() => 6));
    const html = renderHtml(report);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/(src|href)=|https?:|@import|url\(|<script/i);
  });

  it('shows scenario text as text', () => {
    const hostile = { ...scenario, title: '<script>alert(1)</script><img src=x onerror=alert(2)>' };
    const report: BalanceReport = buildReport(hostile, [playSeed(scenario, 1)], { seconds: 1, workers: 1 });
    const html = renderHtml(report);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('runs as `npm run balance` does: JSON on stdout, HTML to --out, on worker threads', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), 'balance-'));
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['scripts/run-ts.mjs', 'src/cli/balance.ts', 'scenarios/two-hats.yaml', '--seeds', '12', '--workers', '2', ...args], {
        cwd: root,
        encoding: 'utf8',
        timeout: 120_000,
      });
    const json = run(['--json']);
    expect(json.status, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as BalanceReport;
    expect(report.seeds).toBe(12);
    expect(report.workers).toBe(2);
    expect(report.distributions).toHaveLength(6);
    const out = join(dir, 'report.html');
    const html = run(['--out', out]);
    expect(html.status, html.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain(`Balance report: ${loadShipped('two-hats').title}`);
    const bad = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'src/cli/balance.ts', '--seeds', 'x'], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(2);
  }, 120_000);
});
