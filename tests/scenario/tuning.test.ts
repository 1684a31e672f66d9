// The figures check-scenarios gives an author to tune with (src/balance/tuning.ts), and par
// advice that follows the cause: a firm losing money every quarter is told so and where, a target
// out of reach is named with how far, and only then "lower par".
import { describe, expect, it } from 'vitest';
import { meaningIssues } from '../../src/balance/meaning';
import { finalScore, firstQuarter, lossEveryQuarter, medianScores, parShare, playBotGames, suggestPar, suggestedPar } from '../../src/balance/tuning';
import type { Scenario } from '../../src/sim/types';
import { fixture, scenarioOf } from './helpers';

const minimal = () => structuredClone(scenarioOf(fixture('minimal.yaml')));
const SEEDS = 8;
const warnings = (s: Scenario) =>
  meaningIssues(s, { seeds: SEEDS }).filter((i) => i.severity === 'warning').map((i) => `${i.path.join('.')}: ${i.message}`);
const parWarning = (ws: string[]) => ws.find((w) => w.startsWith('scoring.par: no bot reached par'));

describe('tuning figures', () => {
  const s = minimal();
  const played = playBotGames(s, SEEDS);

  it('summarise quarter 1 under the balanced bot as means that add up', () => {
    const q1 = firstQuarter(s, played)!;
    expect(q1.seeds).toBe(SEEDS);
    expect(q1.lines.map((l) => l.product)).toEqual(['blend', 'decaf']);
    for (const l of q1.lines) expect(l.profit).toBeCloseTo(l.margin - l.fixedCost, 6);
    expect(q1.profit).toBeCloseTo(q1.lines.reduce((sum, l) => sum + l.profit, 0) - q1.overhead, 4);
    expect(q1.cash).toBeCloseTo(s.firm.cash + q1.profit, 4);
  });

  it('suggest the par the balanced bot reaches in about half the seeds', () => {
    const scores = played.bots.find((b) => b.bot === 'balanced')!.games.map(finalScore);
    const par = suggestedPar(scores);
    expect(Number.isInteger(par)).toBe(true);
    expect(parShare(scores, par)).toBeGreaterThanOrEqual(0.5);
    expect(parShare(scores, par + 1)).toBeLessThanOrEqual(0.5);
    const suggestion = suggestPar(s, played)!;
    expect(suggestion.suggested).toBe(par);
    expect(suggestion.currentShare).toBe(parShare(scores, s.scoring.par));
    expect(medianScores(played).map((m) => m.bot)).toEqual(played.bots.map((b) => b.bot));
  });

  it('suggest targets the best bot scores about 100 points on, and a par to go with them', () => {
    const suggestion = suggestPar(s, played)!;
    expect(suggestion.targets.map((t) => t.part)).toEqual(['profit', 'revenue', 'customerEquity']);
    for (const t of suggestion.targets) {
      expect(t.suggested).not.toBeNull();
      expect(Number.isInteger(t.suggested)).toBe(true);
      // Two significant figures of the best bot's median.
      expect(Math.abs(t.suggested! - t.reached) / t.reached).toBeLessThan(0.05);
    }
    const adopted = { ...s, scoring: { ...s.scoring, targets: { profit: suggestion.targets[0]!.suggested!, revenue: suggestion.targets[1]!.suggested!, customerEquity: suggestion.targets[2]!.suggested! } } };
    expect(suggestPar(adopted, playBotGames(adopted, SEEDS))!.suggested).toBe(suggestion.suggestedWithTargets);
  });

  it('find no loss in every quarter in a firm that makes money', () => {
    expect(lossEveryQuarter(s, played)).toBeNull();
  });
});

describe('par advice follows the cause', () => {
  it('tells a firm whose overhead exceeds its margins that it loses money every quarter, and where, before "lower par"', () => {
    const s = minimal();
    s.firm.overhead = 5_000_000; // 50,000.00 a quarter against about 6,000.00 of margins
    const ws = warnings(s);
    const loss = ws.find((w) => w.startsWith('firm.overhead: the firm loses money in every quarter'));
    expect(loss, ws.join('\n')).toBeDefined();
    expect(loss).toMatch(/fixed costs exceed the margins: the lines earn [\d,.]+ a quarter over their unit costs, but their fixed costs take 4,000\.00 and the overhead 50,000\.00/);
    expect(loss).toMatch(/Decaf sells below its unit cost/);
    const par = parWarning(ws)!;
    expect(par).toBeDefined();
    expect(par).toMatch(/first the causes: the firm loses money in every quarter \(see the warning at firm\.overhead\)/);
    expect(par.indexOf('loses money')).toBeLessThan(par.indexOf('lower par'));
    // The profit target is not blamed for what the costs do.
    expect(ws.some((w) => w.startsWith('scoring.targets.profit'))).toBe(false);
  });

  it('points at the unit cost of a firm that sells below cost', () => {
    const s = minimal();
    for (const p of s.products) p.unitCost = p.price + 500;
    const ws = warnings(s);
    expect(ws.find((w) => /^products\.\d\.unitCost: the firm loses money in every quarter/.test(w)), ws.join('\n')).toMatch(/the lines sell below their unit costs/);
    expect(parWarning(ws)).toMatch(/see the warning at products\[\d\]\.unitCost/);
  });

  it('names a target out of reach and by how much before "lower par"', () => {
    const s = minimal();
    s.scoring.weights = { profit: 1, revenue: 10, customerEquity: 1, portfolioHealth: 1, collaboration: 1 };
    s.scoring.targets.revenue *= 10;
    const ws = warnings(s);
    const target = ws.find((w) => w.startsWith('scoring.targets.revenue: out of reach'));
    expect(target, ws.join('\n')).toMatch(/the best bot \([a-z-]+\) reaches [\d,.]+ at its median, \d+% of this target \([\d.]+ points against par 70\); a target of about \d+ \([\d,.]+\) would score par's points/);
    const percent = Number(/, (\d+)% of this target/.exec(target!)![1]);
    expect(percent).toBeGreaterThan(5);
    expect(percent).toBeLessThan(25);
    const par = parWarning(ws)!;
    expect(par).toContain(`first the causes: scoring.targets.revenue is out of reach (the best bot's median reaches ${percent}% of it)`);
    expect(par.indexOf('scoring.targets.revenue')).toBeLessThan(par.indexOf('lower par'));
    expect(par).not.toMatch(/loses money/);
  });

  it('suggests the balanced median as par when it does say "lower par"', () => {
    const s = minimal();
    s.scoring.par = 200;
    const played = playBotGames(s, SEEDS);
    const median = suggestedPar(played.bots.find((b) => b.bot === 'balanced')!.games.map(finalScore));
    expect(parWarning(warnings(s))).toContain(`lower par — ${median} is the balanced bot's median score`);
  });
});
