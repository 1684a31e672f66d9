// The ideas Divisions must make true (DESIGN.md ideas 1–5 and 7), measured by bots with the
// same checks and thresholds as two-hats, plus the dispute's no-dominance test and idea 5:
// between separate divisions, collaboration pays, through conversion, not a score term.
import { describe, expect, it } from 'vitest';
import { botNamed, playBot } from '../../src/sim/index';
import { loadShipped } from '../support/scenarios';
import { disputeTests, ideaTests } from './idea-checks';

ideaTests('divisions');
disputeTests('divisions');

describe('divisions: collaboration between the divisions pays', () => {
  it('the same play from higher collaboration wins accounts sooner, and more profit', () => {
    const scenario = loadShipped('divisions');
    const trusting = { ...scenario, firm: { ...scenario.firm, collaboration: 0.8 } };
    const balanced = botNamed('balanced')!;
    // The market's prospects run out by the end either way: collaboration shows in how soon.
    const won = (h: { newAccounts: string[] }[]) => h.slice(0, 4).reduce((s, r) => s + r.newAccounts.length, 0);
    let wonLow = 0;
    let wonHigh = 0;
    let profitLow = 0;
    let profitHigh = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const low = playBot(scenario, seed, balanced).state.history;
      const high = playBot(trusting, seed, balanced).state.history;
      wonLow += won(low);
      wonHigh += won(high);
      profitLow += low.reduce((s, r) => s + r.profit, 0);
      profitHigh += high.reduce((s, r) => s + r.profit, 0);
    }
    expect(wonHigh).toBeGreaterThan(wonLow);
    expect(profitHigh).toBeGreaterThan(profitLow);
  });
});
