// Structure changes the game, measured by bots (DESIGN.md "People and structure"): the same
// fixed-split bot, swept from 20% to 80% marketing, finds a different best split for one person
// wearing both hats (Solo Founder: eight points, nobody to collaborate with) than for a firm with
// two leads (Two Hats: twenty points, collaboration to keep and leads to hear).
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedSplit, playBot, type Scenario } from '../../src/sim/index';
import { loadShipped } from '../support/scenarios';

// In percent, so differences between shares are exact.
const SHARES = [20, 30, 40, 50, 60, 70, 80];
const SEEDS = Array.from({ length: 200 }, (_, i) => 40_001 + i);

function sweep(scenario: Scenario): Map<number, number> {
  const means = new Map<number, number>();
  for (const share of SHARES) {
    const bot = fixedSplit(share / 100);
    means.set(share, SEEDS.reduce((sum, seed) => sum + playBot(scenario, seed, bot).state.history.at(-1)!.score.total, 0) / SEEDS.length);
  }
  return means;
}

const best = (means: Map<number, number>) => [...means].sort((a, b) => b[1] - a[1])[0]![0];

describe('the best split depends on the firm’s structure', () => {
  let solo: Map<number, number>;
  let twoLeads: Map<number, number>;
  beforeAll(() => {
    solo = sweep(loadShipped('solo-founder'));
    twoLeads = sweep(loadShipped('two-hats'));
  });

  it('one person does best with more of the week on the product than two leads’ firm does', () => {
    expect(best(solo) - best(twoLeads)).toBeGreaterThanOrEqual(20);
    // Measurably: at each one's best, the other's best share scores clearly worse.
    expect(solo.get(best(solo))! - solo.get(best(twoLeads))!).toBeGreaterThan(5);
    expect(twoLeads.get(best(twoLeads))! - twoLeads.get(best(solo))!).toBeGreaterThan(5);
  });
});
