// The scorecard's one table of components: scoreCard's fields follow it in order, its total is
// the weighted sum made in the table’s order (the same floating-point sums as every recorded
// score), the exports' point columns and the screens' words follow it too.
import { describe, expect, it } from 'vitest';
import { SCORE_COMPONENT_WORDS } from '../../src/app/score-words';
import { csvColumns } from '../../src/scoreboard/export';
import { BOTS, playBot, scoreCard } from '../../src/sim/index';
import { SCORE_COMPONENTS } from '../../src/sim/score';
import { loadShipped } from '../support/scenarios';

const round2 = (x: number) => Math.round(x * 100) / 100;

describe('the score components table', () => {
  it('gives scoreCard its fields in the table’s order, total last', () => {
    const scenario = loadShipped('two-hats');
    const played = playBot(scenario, 3, BOTS[0]!);
    expect(Object.keys(played.state.history.at(-1)!.score)).toEqual([...SCORE_COMPONENTS.map((c) => c.key), 'total']);
    expect(Object.keys(scoreCard(scenario, []))).toEqual([...SCORE_COMPONENTS.map((c) => c.key), 'total']);
  });

  it.each(['solo-founder', 'two-hats', 'divisions'])('makes the total exactly as the weighted sum taken in the table’s order (%s)', (id) => {
    const scenario = loadShipped(id);
    const w = scenario.scoring.weights;
    for (const bot of BOTS) {
      for (const seed of [1, 2, 3]) {
        const history = playBot(scenario, seed, bot).state.history;
        for (let n = 1; n <= history.length; n++) {
          const card = scoreCard(scenario, history.slice(0, n));
          // Left to right from the table's first component, as scoreCard writes it out.
          const [first, ...rest] = SCORE_COMPONENTS.map((c) => c.key);
          let weighted = w[first!] * card[first!];
          let weightSum = w[first!];
          for (const key of rest) {
            weighted += w[key] * card[key];
            weightSum += w[key];
          }
          expect(Object.is(card.total, round2(weighted / weightSum))).toBe(true);
        }
      }
    }
  });

  it('names the CSV’s point columns from the table', () => {
    expect(csvColumns(1, false).slice(5, 10)).toEqual(['profit_points', 'revenue_points', 'customer_equity_points', 'portfolio_health_points', 'collaboration_points']);
  });

  it('has the screens’ words for every component, in the same order, with the run it counts for', () => {
    expect(SCORE_COMPONENT_WORDS.map((c) => c.key)).toEqual(SCORE_COMPONENTS.map((c) => c.key));
    expect(SCORE_COMPONENT_WORDS.map((c) => c.label)).toEqual([
      'Profit (short run)',
      'Revenue (short run)',
      'Customer equity (long run)',
      'Portfolio health (long run)',
      'Collaboration',
    ]);
    expect(SCORE_COMPONENT_WORDS.map((c) => c.column)).toEqual(['Profit', 'Revenue', 'Cust. equity', 'Portfolio', 'Collab.']);
  });
});
