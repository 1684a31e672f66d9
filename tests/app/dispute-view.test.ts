// The dispute screen's list of who buys the disputed line: every active buyer, with its share of
// the line's units, biggest first, so dropping a line shows everyone it touches.
import { describe, expect, it } from 'vitest';
import { lineBuyers, lineBuyersText } from '../../src/app/dispute-view';
import { botNamed, playBot, playSteps, type GameState } from '../../src/sim/index';
import { accountNames } from '../../src/scenario/account-names';
import { loadShipped } from '../support/scenarios';

const scenario = loadShipped('two-hats');

/** The game as the dispute opens, with the balanced bot's quarters before it. */
function atDispute(): GameState {
  const { steps } = playBot(scenario, 5, botNamed('balanced')!);
  const opens = steps.findIndex((s) => s.dispute !== undefined);
  // The steps before the one that settles the dispute leave it open.
  return playSteps(scenario, 5, steps.slice(0, opens));
}

describe('who buys the disputed line', () => {
  it('lists every active buyer of the line with its share of the units, the shares adding to one', () => {
    const game = atDispute();
    expect(game.dispute?.status).toBe('open');
    const buyers = lineBuyers(scenario, game);
    const product = game.dispute!.product;
    const expected = game.accounts.filter((a) => a.active && (a.buys.find((b) => b.product === product)?.units ?? 0) > 0);
    // Each by the name the player reads (a won account's from the names pool, not "New account N").
    const names = accountNames(scenario, game);
    expect(buyers.map((b) => b.name).sort()).toEqual(expected.map((a) => names.get(a.id)).sort());
    expect(buyers.reduce((sum, b) => sum + b.share, 0)).toBeCloseTo(1, 9);
    expect(buyers.map((b) => b.share)).toEqual([...buyers.map((b) => b.share)].sort((a, b) => b - a));
    // The account the dispute is about is among them.
    const anchor = game.accounts.find((a) => a.id === game.dispute!.account)!;
    expect(buyers.some((b) => b.name === anchor.name)).toBe(true);
  });

  it('words the list, key accounts marked', () => {
    expect(lineBuyersText([{ name: 'Harbor Health', key: true, share: 0.625 }, { name: 'Lakeside', key: false, share: 0.375 }])).toMatch(/^Harbor Health \(key account\) 6\d(\.\d)?%, Lakeside 3\d(\.\d)?%$/);
    expect(lineBuyersText([])).toBe('no active account');
    // Past three, the rest are counted with their share, so the line fits the dispute screen.
    const five = [0.4, 0.2, 0.15, 0.15, 0.1].map((share, i) => ({ name: `Buyer ${i + 1}`, key: false, share }));
    expect(lineBuyersText(five)).toBe('Buyer 1 40%, Buyer 2 20%, Buyer 3 15% and 2 others 25%');
    expect(lineBuyersText(five.slice(0, 4))).toBe('Buyer 1 40%, Buyer 2 20%, Buyer 3 15%, Buyer 4 15%');
  });
});
