// The words the screens show for moves, dispute options and refusals, pinned sentence by
// sentence: the model refuses with codes and the app words them, so these are the words a
// player reads (the planning screen's refusals, the dispute's option cards).
import { describe, expect, it } from 'vitest';
import { MOVE_LABEL, refusalText } from '../../src/app/move-text';
import { DISPUTE_OPTION_TEXT } from '../../src/app/dispute-text';
import { optionViews } from '../../src/app/dispute-view';
import { DISPUTE_OPTIONS, MOVE_KINDS, createGame, resolveQuarter, validateDecision, type GameState, type Refusal } from '../../src/sim/index';
import { loadShipped } from '../support/scenarios';

const scenario = loadShipped('two-hats');

function atDispute(seed: number): GameState {
  let game = createGame(scenario, seed);
  while (game.dispute?.status !== 'open') game = resolveQuarter(scenario, game, { moves: [] });
  return game;
}

describe('the words for the model’s refusals', () => {
  it.for([
    [{ code: 'game-over' }, 'The game is over.'],
    [{ code: 'dispute-open' }, 'The discontinuation dispute must be settled first.'],
    [{ code: 'unknown-move', kind: 'bribery' }, 'Unknown move "bribery".'],
    [{ code: 'move-unavailable', kind: 'discounting' }, 'Discounting is not available in this scenario.'],
    [{ code: 'bad-points', kind: 'research' }, 'Market research: effort must be a whole number of points, at least 1.'],
    [{ code: 'target-not-taken', kind: 'brand' }, 'Brand building takes no target.'],
    [{ code: 'unknown-product', kind: 'campaign', target: 'green-tea' }, 'Campaign for a product line: unknown product line "green-tea".'],
    [{ code: 'product-discontinued', kind: 'improve', product: 'decaf' }, 'Product improvement: "decaf" has been discontinued.'],
    [{ code: 'unknown-account', kind: 'service', target: 'nobody' }, 'Servicing an account: unknown account "nobody".'],
    [{ code: 'account-lost', kind: 'relationship', account: 'harbor-health', name: 'Harbor Health' }, 'Relationship building: "Harbor Health" is no longer a customer.'],
    [{ code: 'price-missing', kind: 'price' }, 'Price change: give the new price in whole cents.'],
    [{ code: 'price-out-of-range', kind: 'price', minShare: 0.5, maxShare: 2 }, 'Price change: the price must stay between 50% and 200% of the list price.'],
    [{ code: 'price-not-taken', kind: 'closing' }, 'Closing (pull revenue forward) takes no price.'],
    [{ code: 'planned-twice', kind: 'referrals', target: 'harbor-health' }, 'Asking for referrals for "harbor-health" is planned twice; plan each move once.'],
    [{ code: 'planned-twice', kind: 'alignment', target: null }, 'Alignment meeting is planned twice; plan each move once.'],
    [{ code: 'over-budget', planned: 12, available: 10, reserved: 0 }, 'Over budget: 12 effort points planned, 10 available this quarter.'],
    [{ code: 'over-budget', planned: 9, available: 8, reserved: 2 }, 'Over budget: 9 effort points planned, 8 available this quarter (the dispute takes the rest).'],
    [{ code: 'no-open-dispute' }, 'There is no open dispute to settle.'],
    [{ code: 'unknown-option', option: 'later' }, 'Unknown way to settle the dispute: "later". Choose one of: discontinue, keep, reprice, phase-out, investigate, joint-meeting.'],
    [{ code: 'option-over-budget', option: 'joint-meeting', needs: 2, left: 1 }, 'Hold a joint meeting: needs 2 effort points; 1 are left this quarter.'],
    [{ code: 'meeting-held' }, 'The joint meeting has already been held.'],
    [{ code: 'already-investigated' }, 'The account has already been investigated.'],
    [{ code: 'no-quarter-to-wait' }, 'Investigate first: there is no quarter left to wait for the findings.'],
    [{ code: 'phase-out-too-late' }, 'Phase out: fewer than two quarters are left, so the line would never stop.'],
    [{ code: 'price-at-ceiling' }, 'Reprice: the line is already at the highest price allowed.'],
  ] as [Refusal, string][])('%o reads as the screens show it', ([refusal, words]) => {
    expect(refusalText(refusal)).toBe(words);
  });

  it('word a refusal the model gives with its figures', () => {
    const game = createGame(scenario, 1);
    const verdict = validateDecision(scenario, game, { moves: [{ kind: 'prospecting', points: scenario.effortBudget + 1 }] });
    expect(verdict.ok ? '' : refusalText(verdict.refusal)).toBe(`Over budget: ${scenario.effortBudget + 1} effort points planned, ${scenario.effortBudget} available this quarter.`);
  });
});

describe('the words for moves and dispute options', () => {
  it('name every move and option', () => {
    expect(Object.keys(MOVE_LABEL).sort()).toStrictEqual([...MOVE_KINDS].sort());
    expect(Object.keys(DISPUTE_OPTION_TEXT).sort()).toStrictEqual([...DISPUTE_OPTIONS].sort());
    expect(DISPUTE_OPTIONS.map((o) => DISPUTE_OPTION_TEXT[o].label)).toStrictEqual([
      'Discontinue now',
      'Keep the line',
      'Reprice',
      'Phase out over two quarters',
      'Investigate first',
      'Hold a joint meeting',
    ]);
  });

  it('give each option’s cost from the model’s table, as the option cards show it', () => {
    const views = optionViews(scenario, atDispute(1));
    expect(views.map((v) => [v.option, v.cost])).toStrictEqual([
      ['discontinue', 'No effort'],
      ['keep', 'No effort'],
      ['reprice', 'No effort'],
      ['phase-out', '2 sales points this quarter and next'],
      ['investigate', '2 sales points and a quarter’s wait'],
      ['joint-meeting', '2 joint points this quarter'],
    ]);
  });
});
