// The final results' view-model: the scorecard's rows in the model's order with their weights
// and points, the verdict against par, the dispute's course, the result code's note and the
// local board with this game marked.
import { describe, expect, it } from 'vitest';
import { finalView, localBoardView, resultCodeNote } from '../../src/app/final-view';
import { buildScoreboard } from '../../src/scoreboard/index';
import { botNamed, playBot, type GameState } from '../../src/sim/index';
import { botCode, scenario } from '../scoreboard/support';

const game: GameState = playBot(scenario, 1, botNamed('balanced')!).state;
const card = game.history.at(-1)!.score;

describe('the final results view', () => {
  it('lists the components with their weights, points and bars, in the model’s order', () => {
    const view = finalView(scenario, game);
    expect(view.rows.map((r) => r.label)).toEqual(['Profit (short run)', 'Revenue (short run)', 'Customer equity (long run)', 'Portfolio health (long run)', 'Collaboration']);
    expect(view.rows.map((r) => r.run)).toEqual(['short', 'short', 'long', 'long', 'average']);
    expect(view.rows[0]!.weight).toBe(`× ${scenario.scoring.weights.profit}`);
    expect(view.rows[2]!.points).toBe(card.customerEquity.toFixed(1));
    for (const row of view.rows) {
      expect(row.bar).toBeGreaterThanOrEqual(0);
      expect(row.bar).toBeLessThanOrEqual(1);
    }
    expect(view.parAt).toBeCloseTo(scenario.scoring.par / 150);
    expect(view.title).toBe(`Final results: ${scenario.title}`);
    expect(view.meta).toBe(`${scenario.firm.name} after ${scenario.quarters} quarters · seed 1`);
  });

  it('says how far above or below par the total is', () => {
    const above = finalView({ ...scenario, scoring: { ...scenario.scoring, par: Math.floor(card.total) - 3 } }, game);
    expect(above.verdict).toBe(`${(card.total - (Math.floor(card.total) - 3)).toFixed(1)} above par`);
    const below = finalView({ ...scenario, scoring: { ...scenario.scoring, par: Math.ceil(card.total) + 4 } }, game);
    expect(below.verdict).toBe(`${(Math.ceil(card.total) + 4 - card.total).toFixed(1)} below par`);
    expect(below.totalAria).toMatch(/^Total score [\d.]+, par \d+: [\d.]+ below par$/);
  });

  it('tells the dispute’s course in words, or nothing when there was none', () => {
    const view = finalView(scenario, game);
    expect(game.dispute).not.toBeNull();
    expect(view.dispute).toMatch(/^The dispute over .+: .+ \(before quarter \d+\)\. The debrief shows what it did\.$/);
    expect(finalView(scenario, { ...game, dispute: null }).dispute).toBeNull();
  });

  it('notes whether a hot-seat code was collected, and what to do when it was not', () => {
    expect(resultCodeNote(true, true, true)).toEqual({ alert: false, text: expect.stringMatching(/^Collected into the workshop/) });
    expect(resultCodeNote(true, true, false)).toEqual({ alert: true, text: expect.stringMatching(/refused to store the code/) });
    expect(resultCodeNote(true, false, false)).toEqual({ alert: true, text: expect.stringMatching(/no longer holds a workshop/) });
    expect(resultCodeNote(false, false, false)).toEqual({ alert: false, text: expect.stringMatching(/^Hand it to your instructor/) });
  });

  it('marks this game on the local board and says where it ranks', () => {
    const board = buildScoreboard(scenario, [botCode('balanced', 'Game 1', 1), botCode('all-sales', 'Game 2', 1), 'not a code']);
    const view = localBoardView(scenario, 1, board, 'Game 2', null);
    const mine = view.rows.find((r) => r.current)!;
    expect(mine.game).toBe('Game 2 (this game)');
    expect(view.summary).toBe(`This game ranks ${mine.rank} of 2 played on seed 1 in this browser. Every score is recomputed from the game’s decisions.`);
    expect(view.rejected).toHaveLength(1);
    expect(view.rejected[0]!.reason).toMatch(/^Not counted: /);
    expect(localBoardView(scenario, 1, board, 'Game 9', { ok: true, group: 'Ghosts', quarters: [], score: 12.34 }).summary).toBe(
      'This game could not be put on the local board. Ghost Ghosts scored 12.3. Every score is recomputed from the game’s decisions.',
    );
  });
});
