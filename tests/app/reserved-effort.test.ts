// The points the dispute holds back from a quarter, with the reason beside the budget bar: each
// option's hold (a joint meeting, an investigation, a migration plan) in the quarters it runs,
// adding up to the budget less what the model lets the plan spend.
import { describe, expect, it } from 'vitest';
import { reservedEffort } from '../../src/app/reserved-effort';
import { disputeReservations } from '../../src/sim/effort';
import { createGame, decideDispute, effortAvailable, resolveQuarter, type GameState } from '../../src/sim/index';
import { scenario } from '../flow/support';
import { planningStates } from './planning-states';

/** Empty quarters until two-hats opens its dispute. */
function gameWithOpenDispute(): GameState {
  let game = createGame(scenario, scenario.defaultSeed);
  while (game.dispute?.status !== 'open') game = resolveQuarter(scenario, game, { moves: [] });
  return game;
}

const product = scenario.products.find((p) => p.id === scenario.dispute!.product)!.name;
const account = scenario.accounts.find((a) => a.id === scenario.dispute!.account)!.name;
const heldBack = (game: GameState) => scenario.effortBudget - effortAvailable(scenario, game);

describe('the effort the dispute reserves, with its reason', () => {
  it('holds nothing before the dispute or after a decision that costs no effort', () => {
    expect(reservedEffort(scenario, createGame(scenario, 1))).toBeNull();
    const kept = decideDispute(scenario, gameWithOpenDispute(), 'keep');
    expect(reservedEffort(scenario, kept)).toBeNull();
    expect(heldBack(kept)).toBe(0);
  });

  it('says a phase-out’s migration plan takes its points in the two quarters it runs', () => {
    let game = decideDispute(scenario, gameWithOpenDispute(), 'phase-out');
    for (let quarter = 0; quarter < 2; quarter++) {
      expect(reservedEffort(scenario, game)).toEqual({ points: 2, text: `2 reserved: phasing out ${product}` });
      expect(heldBack(game)).toBe(2);
      game = resolveQuarter(scenario, game, { moves: [] });
    }
    expect(reservedEffort(scenario, game)).toBeNull();
    expect(heldBack(game)).toBe(0);
  });

  it('names each hold with its points when a joint meeting and an investigation share a quarter', () => {
    const game = decideDispute(scenario, decideDispute(scenario, gameWithOpenDispute(), 'joint-meeting'), 'investigate');
    expect(disputeReservations(game)).toEqual([
      { option: 'joint-meeting', side: 'joint', points: 2 },
      { option: 'investigate', side: 'sales', points: 2 },
    ]);
    expect(reservedEffort(scenario, game)).toEqual({ points: 4, text: `4 reserved: 2 joint meeting on ${product}, 2 investigating how ${account} uses ${product}` });
    expect(heldBack(game)).toBe(4);
    // The meeting and the investigation take one quarter each; the decision after is free.
    const after = decideDispute(scenario, resolveQuarter(scenario, game, { moves: [] }), 'keep');
    expect(reservedEffort(scenario, after)).toBeNull();
  });
});

describe('the dispute’s holds, option by option', () => {
  it('add up to the budget less what the model lets a plan spend, in every quarter of every bot’s game', () => {
    let held = 0;
    for (const { label, state } of planningStates(scenario, [1, 2, 3])) {
      const parts = disputeReservations(state);
      const points = parts.reduce((sum, p) => sum + p.points, 0);
      expect(points, label).toBe(heldBack(state));
      expect(reservedEffort(scenario, state)?.points ?? 0, label).toBe(points);
      if (points > 0) held++;
    }
    expect(held).toBeGreaterThan(10);
  });
});
