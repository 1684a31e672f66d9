// The prospects left in the market, beside the moves that win accounts: counted while there are
// some, and a plain "none left" on prospecting and referrals once the market is empty.
import { describe, expect, it } from 'vitest';
import { moveControls, planningView } from '../../src/app/planning-view';
import { prospectsNote } from '../../src/app/prospects-note';
import { scenario, startGame } from '../flow/support';

function planning() {
  const actor = startGame(1);
  actor.send({ type: 'START' });
  return actor;
}

describe('the prospects left, beside the moves that win accounts', () => {
  it('counts them beside prospecting, out of what the market held', () => {
    const { game } = planning().getSnapshot().context;
    expect(prospectsNote(scenario, game, 'prospecting')).toEqual({ text: `${game.prospectsLeft} of ${scenario.market.prospects} prospects left in the market`, exhausted: false });
    expect(prospectsNote(scenario, { ...game, prospectsLeft: 1 }, 'prospecting')?.text).toBe(`1 of ${scenario.market.prospects} prospect left in the market`);
    expect(prospectsNote(scenario, game, 'referrals')).toBeNull();
    expect(prospectsNote(scenario, game, 'campaign')).toBeNull();
  });

  it('says prospecting and referrals cannot win accounts once none are left', () => {
    const { game } = planning().getSnapshot().context;
    const empty = { ...game, prospectsLeft: 0 };
    expect(prospectsNote(scenario, empty, 'prospecting')).toEqual({ text: 'No prospects left: prospecting wins no more accounts', exhausted: true });
    expect(prospectsNote(scenario, empty, 'referrals')).toEqual({ text: 'No prospects left to refer', exhausted: true });
    expect(prospectsNote(scenario, empty, 'service')).toBeNull();
  });

  it('is part of the planning view of the prospecting move', () => {
    const actor = planning();
    const controls = moveControls(scenario, actor.getSnapshot().context.game);
    const view = planningView(actor.getSnapshot(), controls.sales, () => undefined);
    expect(view.moves.get('prospecting')!.note?.text).toMatch(/prospects left in the market$/);
    expect(view.moves.get('service')!.note).toBeNull();
  });
});
