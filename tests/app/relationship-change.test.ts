// Why each account's relationship moved last quarter, as the planning screen's account list says
// it: on games played through the flow on chosen seeds (with an investigation, whose visits are
// calls too), the parts in whole points add up to the change of the percentages shown.
import { describe, expect, it } from 'vitest';
import { accountPage } from '../../src/app/planning-view';
import { apportion, relationshipChanges } from '../../src/app/relationship-change';
import { botNamed, playBot, type GameState } from '../../src/sim/index';
import { eventsFor, scenario, startGame } from '../flow/support';

/** Plays a bot's game through the flow; after each commit, the changes it shows and the game before the quarter. */
function quartersOf(seed: number, bot: string, option: 'investigate' | 'phase-out') {
  const { steps } = playBot(scenario, seed, botNamed(bot)!, { disputeOption: option });
  const actor = startGame(seed);
  const out: { before: GameState; after: GameState; changes: ReturnType<typeof relationshipChanges> }[] = [];
  for (const event of eventsFor(steps)) {
    const before = actor.getSnapshot().context.game;
    actor.send(event);
    if (event.type === 'COMMIT') out.push({ before, after: actor.getSnapshot().context.game, changes: relationshipChanges(actor.getSnapshot().context) });
  }
  return out;
}

const percent = (r: number) => Math.round(r * 100);

describe('why relationships moved last quarter', () => {
  it('adds up, in whole points, to the change of the percentages shown, on chosen seeds', () => {
    let explained = 0;
    let visits = 0;
    for (const [seed, bot, option] of [[1, 'balanced', 'investigate'], [7, 'adaptive', 'phase-out'], [42, 'all-sales', 'investigate']] as const) {
      for (const { before, after, changes } of quartersOf(seed, bot, option)) {
        for (const account of after.accounts.filter((a) => a.active && a.wonInQuarter < after.quarter - 1)) {
          const change = changes.get(account.id)!;
          const was = before.accounts.find((a) => a.id === account.id)!.relationship;
          const label = `seed ${seed}, quarter ${before.quarter}, ${account.id}`;
          expect(change.points, label).toBe(percent(account.relationship) - percent(was));
          expect(change.parts.reduce((sum, p) => sum + p.points, 0), label).toBe(change.points);
          expect(change.text.startsWith(`Relationship ${percent(account.relationship)}% (`), label).toBe(true);
          if (change.parts.some((p) => p.name === 'investigation visits')) visits++;
          explained++;
        }
        // Accounts won in the quarter have nothing to explain yet.
        for (const account of after.accounts.filter((a) => a.wonInQuarter === after.quarter - 1)) expect(changes.has(account.id)).toBe(false);
      }
    }
    expect(explained).toBeGreaterThan(200);
    expect(visits).toBeGreaterThan(0);
  });

  it('names decay and routine contact for an account left alone, and the calls for one called on', () => {
    const actor = startGame(1);
    actor.send({ type: 'START' });
    actor.send({ type: 'SET_MOVE', move: { kind: 'relationship', target: 'bean-there', points: 4 } });
    actor.send({ type: 'COMMIT' });
    const changes = relationshipChanges(actor.getSnapshot().context);
    // Carry-over 0.7 keeps 70%: Harbor Health at 65% loses 19.5 points, routine contact (the curve's 0.25) gives 7.5 back.
    expect(changes.get('harbor-health')!.text).toBe('Relationship 53% (−12: decay −20, routine contact +8)');
    const called = changes.get('bean-there')!;
    expect(called.parts.map((p) => p.name)).toEqual(['calls', 'decay', 'routine contact']);
    expect(called.down).toBe(false);
    expect(relationshipChanges({ ...actor.getSnapshot().context, steps: [] }).size).toBe(0);
  });

  it('is what the account list shows beside each account', () => {
    const actor = startGame(1);
    actor.send({ type: 'START' });
    actor.send({ type: 'COMMIT' });
    const context = actor.getSnapshot().context;
    const changes = relationshipChanges(context);
    const page = accountPage(scenario, context.game, 0, 14, changes);
    expect(page.accounts[0]!.change).toBe(changes.get(context.game.accounts[0]!.id)!.change);
    expect(page.accounts[0]!.why).toBe(changes.get(context.game.accounts[0]!.id)!.text);
    // The line under the list explains the biggest change on the page first.
    const biggest = [...changes.entries()].reduce((best, entry) => (Math.abs(entry[1].points) > Math.abs(best[1].points) ? entry : best));
    const name = scenario.accounts.find((a) => a.id === biggest[0])!;
    expect(page.explained).toBe(`${name.key ? '★ ' : ''}${name.name}: ${biggest[1].short}`);
    const before = accountPage(scenario, context.game, 0, 14);
    expect(before.accounts[0]!.change).toBeNull();
    expect(before.explained).toBeNull();
  });

  it('rounds parts to whole points that keep their total', () => {
    expect(apportion([-19.5, 7.5], -12)).toEqual([-20, 8]);
    expect(apportion([0.4, 0.4, 0.4], 1)).toEqual([1, 0, 0]);
    expect(apportion([-0.6, 2.2], 2)).toEqual([0, 2]);
    expect(apportion([], 0)).toEqual([]);
  });
});
