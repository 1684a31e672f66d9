// The meaning checks of check-scenarios: what cannot work is an error, what works but likely
// not as meant is a warning, and each points at the field to change.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkMeaning, lineCanLose, meaningIssues } from '../../src/balance/meaning';
import { convertToUnits } from '../../src/cli/money-units';
import { SCREEN_LIMITS } from '../../src/scenario/screen-limits';
import type { Scenario } from '../../src/sim/types';
import { shippedScenarioPath } from '../support/scenarios';
import { fixture, mutate, scenarioOf } from './helpers';

const minimal = () => structuredClone(scenarioOf(fixture('minimal.yaml')));
const quick = { seeds: 5 };
const messages = (s: Scenario, severity: 'error' | 'warning') =>
  meaningIssues(s, quick).filter((i) => i.severity === severity).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('meaning checks', () => {
  it('find nothing wrong with the minimal fixture', () => {
    expect(messages(minimal(), 'error')).toEqual([]);
  });

  it('refuse a dispute-only event in the last quarter: no quarter is left to live with the decision', () => {
    const s = minimal();
    s.events[0]!.trigger = { quarter: s.quarters };
    expect(messages(s, 'error')).toEqual([
      expect.stringMatching(/^events\.0\.trigger\.quarter: the dispute cannot open in the last quarter/),
      expect.stringMatching(/^dispute: none of the events that open the dispute \("decaf-review"\) can fire/),
    ]);
  });

  it('refuse a loss streak on a line that can never lose money', () => {
    const s = minimal();
    const decaf = s.products.find((p) => p.id === 'decaf')!;
    decaf.fixedCost = 0;
    decaf.unitCost = 100;
    expect(lineCanLose(s, 'decaf')).toBe(false);
    const errors = messages(s, 'error');
    expect(errors).toContainEqual(expect.stringMatching(/^events\.0\.trigger\.productLossQuarters\.product: "decaf" can never lose money/));
    // And the dispute, which only that event opened, can then never happen.
    expect(errors).toContainEqual(expect.stringMatching(/^dispute: none of the events that open the dispute/));
  });

  it('count price cuts and discounts as ways to lose money', () => {
    const s = minimal();
    const decaf = s.products.find((p) => p.id === 'decaf')!;
    decaf.fixedCost = 0;
    decaf.unitCost = 2000; // below the list price 2600, above half of it
    expect(lineCanLose(s, 'decaf')).toBe(true);
    s.moves.price.enabled = false;
    s.moves.discounting.enabled = false;
    s.moves.closing.enabled = false;
    expect(lineCanLose(s, 'decaf')).toBe(false);
  });

  it('refuse a dispute that no event opens', () => {
    const s = minimal();
    s.events = s.events.filter((e) => !e.effects.some((f) => f.type === 'dispute'));
    expect(messages(s, 'error')).toEqual(['dispute: no event opens the dispute; add an event with the effect { type: dispute }']);
  });

  it('warn when no bot reaches par', () => {
    const s = minimal();
    s.scoring.par = 200;
    expect(messages(s, 'warning')).toContainEqual(expect.stringMatching(/^scoring\.par: no bot reached par \(200\)/));
  });

  it('warn when a one-sided bot reaches par easily', () => {
    const s = minimal();
    s.scoring.par = 0;
    expect(messages(s, 'warning')).toContainEqual(expect.stringMatching(/^scoring\.par: par \(0\) is easy/));
  });

  it('warn when a text is longer than its screen shows', () => {
    const s = minimal();
    s.briefing = 'word '.repeat(300).trim();
    s.debrief = ['x'.repeat(281)];
    const warnings = messages(s, 'warning');
    expect(warnings).toContainEqual(expect.stringMatching(/^briefing: 1499 characters; at most 900 fit the briefing screen/));
    expect(warnings).toContainEqual(expect.stringMatching(/^debrief\.0: 281 characters; at most 280/));
  });

  it('warn when the briefing never names a leader of the dispute (the shipped scenarios once had two casts)', () => {
    expect(messages(minimal(), 'warning').filter((m) => m.startsWith('dispute.'))).toEqual([]);
    const s = minimal();
    s.dispute!.marketing.name = 'Helena Voss';
    expect(messages(s, 'warning')).toContainEqual('dispute.marketing.name: "Helena Voss" leads marketing in the dispute, but the briefing never names them: name the two leaders there, as the dispute does');
    expect(messages(s, 'warning').filter((m) => m.startsWith('dispute.sales.name'))).toEqual([]);
  });

  it('has a screen limit for every player-facing text, each within the schema limit', () => {
    for (const limit of SCREEN_LIMITS) expect(limit.max).toBeLessThanOrEqual(2000);
    expect(SCREEN_LIMITS.map((l) => l.field)).toContain('dispute.sales.argument');
    expect(SCREEN_LIMITS.map((l) => l.field)).toContain('dispute.*.reactions.*');
  });

  it('places each issue at its line and column in the file', () => {
    const text = mutate(fixture('minimal.yaml'), 6, 'briefing: A small', `briefing: ${'long '.repeat(200)}A small`);
    const issues = checkMeaning(text, 'm.yaml', scenarioOf(text), { seeds: 0 });
    expect(issues).toEqual([
      expect.objectContaining({ file: 'm.yaml', line: 6, column: 11, path: 'briefing', severity: 'warning' }),
    ]);
  });
});

describe('money written in currency units instead of cents', () => {
  const text = fixture('minimal.yaml');

  it('finds nothing 100× off in the fixture or the shipped scenarios', () => {
    expect(checkMeaning(text, 'm.yaml', scenarioOf(text), { seeds: 0 })).toEqual([]);
    for (const id of ['solo-founder', 'two-hats', 'divisions']) {
      const path = shippedScenarioPath(id);
      const shipped = readFileSync(path, 'utf8');
      expect(checkMeaning(shipped, path, scenarioOf(shipped, path), { seeds: 0 })).toEqual([]);
    }
  });

  it('warns at a price under one currency unit, and says what to write', () => {
    const dollars = mutate(text, 33, 'price: 2400', 'price: 24');
    expect(checkMeaning(dollars, 'm.yaml', scenarioOf(dollars), { seeds: 0 })).toEqual([
      expect.objectContaining({
        line: 33,
        column: 12,
        path: 'products[0].price',
        severity: 'warning',
        message:
          '24 is 0.24 in currency units, less than one currency unit: money is written in cents, so 24.00 is written 2400; or set "currency: USD" and write amounts in currency units',
      }),
    ]);
  });

  it('in a file written in currency units, warns at a price under one unit and at an amount 100× off beside the rest', () => {
    const converted = convertToUnits(text, 'm.yaml');
    if (!converted.ok) throw new Error(converted.message);
    expect(checkMeaning(converted.text, 'm.yaml', scenarioOf(converted.text), { seeds: 0 })).toEqual([]);
    const line = converted.text.split('\n').indexOf('    price: 24') + 1;
    const slipped = mutate(converted.text, line, 'price: 24', 'price: 0.24');
    const issues = checkMeaning(slipped, 'm.yaml', scenarioOf(slipped), { seeds: 0 });
    expect(issues.map((i) => [i.line, i.path, i.message])).toEqual([
      [line, 'products[0].price', '0.24 USD, less than one USD: is it 100× off? This file writes money in USD with cents as decimals (currency: USD)'],
    ]);
    // A price typed in cents (100× too big) is named at the price, not at the costs it dwarfs.
    const centsPrice = mutate(converted.text, line, 'price: 24', 'price: 2400');
    expect(checkMeaning(centsPrice, 'm.yaml', scenarioOf(centsPrice), { seeds: 0 }).map((i) => [i.line, i.path, i.message])).toEqual([
      [line, 'products[0].price', '2,400.00 USD a unit is 185× its unit cost of 13.00: is the price or the unit cost 100× off? (this file writes money in USD with cents as decimals)'],
    ]);
    const cheapCost = mutate(converted.text, line + 2, 'fixedCost: 3000', 'fixedCost: 30');
    expect(checkMeaning(cheapCost, 'm.yaml', scenarioOf(cheapCost), { seeds: 0 }).map((i) => i.message)).toEqual([
      expect.stringMatching(/^30\.00 USD a quarter is under 1% of the \d{1,3}(,\d{3})*\.\d\d a quarter the accounts buy of this line at list price: is it 100× off\? This file writes money in USD/),
    ]);
  });

  it('warns at a fixed cost, the overhead and the targets when each is under 1% of what the accounts buy', () => {
    let small = mutate(text, 35, 'fixedCost: 300000', 'fixedCost: 3000');
    small = mutate(small, 17, 'overhead: 200000', 'overhead: 200');
    small = mutate(small, 105, 'revenue: 20000000, customerEquity: 10000000', 'revenue: 200000, customerEquity: 10000');
    const issues = checkMeaning(small, 'm.yaml', scenarioOf(small), { seeds: 0 });
    expect(issues.map((i) => [i.line, i.path, i.severity])).toEqual([
      [17, 'firm.overhead', 'warning'],
      [35, 'products[0].fixedCost', 'warning'],
      [105, 'scoring.targets.revenue', 'warning'],
      [105, 'scoring.targets.customerEquity', 'warning'],
    ]);
    expect(issues[1]!.message).toMatch(/^3000 \(30\.00 a quarter\) is under 1% of the \d{1,3}(,\d{3})*\.\d\d a quarter the accounts buy of this line at list price: money is written in cents, so 3,000\.00 is written 300000; or set "currency: USD" and write amounts in currency units$/);
  });
});

describe('check-scenarios with meaning checks', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  const dir = mkdtempSync(join(tmpdir(), 'meaning-'));
  const run = (args: string[]) => spawnSync(tsx, [join(root, 'src', 'cli', 'check-scenarios.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

  it('prints warnings apart from errors and exits 0 when there are only warnings', () => {
    const file = join(dir, 'long.yaml');
    writeFileSync(file, mutate(fixture('minimal.yaml'), 6, 'briefing: A small', `briefing: ${'long '.repeat(200)}A small`));
    const { status, stdout } = run(['--seeds', '3', file]);
    expect(stdout).toMatch(/long\.yaml:6:11: warning: briefing: \d+ characters; at most 900 fit the briefing screen/);
    expect(stdout).toContain(`${file}: ok (Minimal Firm`);
    expect(stdout).toMatch(/: ok \(Minimal Firm[^\n]*, \d+ warnings?\n/);
    expect(status).toBe(0);
  });

  it('exits 1 for a meaning error', () => {
    const file = join(dir, 'late.yaml');
    const text = fixture('minimal.yaml').replace('trigger: { productLossQuarters: { product: decaf, quarters: 2 } }', 'trigger: { quarter: 8 }');
    expect(text).not.toBe(fixture('minimal.yaml'));
    writeFileSync(file, text);
    const { status, stdout } = run(['--seeds', '0', file]);
    expect(stdout).toMatch(/late\.yaml:\d+:\d+: error: events\[0\]\.trigger\.quarter: the dispute cannot open in the last quarter/);
    expect(stdout).toMatch(/late\.yaml:\d+:\d+: error: dispute: none of the events/);
    expect(stdout).not.toContain(': ok (');
    expect(status).toBe(1);
  });

  it('refuses a bad --seeds value', () => {
    expect(run(['--seeds', 'many', 'x.yaml']).status).toBe(2);
  });
});
