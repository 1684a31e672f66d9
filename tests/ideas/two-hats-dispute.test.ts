// Two Hats, One Firm's dispute has no right answer across seeds: the hidden anchor decides
// (the no-dominance test), so finding out first pays while the anchor could be anything — and
// stops paying once the scenario pins the anchor down (the scenario's other ideas are in
// two-hats.test.ts).
import { describe, expect, it } from 'vitest';
import { botNamed, playBot, type DisputeOption, type Scenario } from '../../src/sim/index';
import { loadShipped } from '../support/scenarios';
import { disputeTests } from './idea-checks';

disputeTests('two-hats', { investigationPays: true });

describe('two-hats: what investigating is worth depends on how much is unknown', () => {
  const wide = loadShipped('two-hats');
  const narrow: Scenario = { ...wide, dispute: { ...wide.dispute!, anchor: { min: 0.45, max: 0.55 } } };
  const balanced = botNamed('balanced')!;
  /** Mean final score of investigating first, less that of the best blind decision, over 500 seeds. */
  function gainOfInvestigating(scenario: Scenario): number {
    const options: DisputeOption[] = ['investigate', 'discontinue', 'keep', 'reprice', 'phase-out'];
    const sums = new Map<DisputeOption, number>(options.map((o) => [o, 0]));
    for (let seed = 1; seed <= 500; seed++) {
      for (const option of options) {
        const { state } = playBot(scenario, seed, balanced, { disputeOption: option });
        sums.set(option, sums.get(option)! + state.history.at(-1)!.score.total);
      }
    }
    const blind = Math.max(...options.slice(1).map((o) => sums.get(o)!));
    return (sums.get('investigate')! - blind) / 500;
  }

  it('pays with the shipped wide range (0.05–0.95) and not once the range is narrow (0.45–0.55)', () => {
    const wideGain = gainOfInvestigating(wide);
    const narrowGain = gainOfInvestigating(narrow);
    expect(wideGain).toBeGreaterThan(0);
    expect(narrowGain).toBeLessThan(0);
  });
});
