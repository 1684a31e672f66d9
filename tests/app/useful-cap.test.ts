// Where a move's slider stops before the budget does, and the words for why: a price change's
// slider ends at its one point with the reason above it; a stop that moves with the plan (the
// last prospects, a stock at 100%, fixed costs at their floor) is marked on a full-length slider.
import { describe, expect, it } from 'vitest';
import { moveControls, planningView, pointsAllowed } from '../../src/app/planning-view';
import { usefulCap } from '../../src/app/useful-cap';
import { remainingBudget } from '../../src/flow/index';
import type { GameState } from '../../src/sim/index';
import { leadAsks } from '../../src/sim/index';
import { scenario, startGame } from '../flow/support';

const base = scenario;

function planning() {
  const actor = startGame(1);
  actor.send({ type: 'START' });
  return actor;
}

const flatControls = (game: GameState) => {
  const controls = moveControls(scenario, game);
  return [...controls.marketing, ...controls.sales, ...controls.joint];
};

describe('a slider’s stop where more points do nothing', () => {
  it('ends a price change at its one point, says why above it, and closes its +', () => {
    const actor = planning();
    const context = actor.getSnapshot().context;
    expect(pointsAllowed(context, { kind: 'price', target: 'decaf' })).toBe(1);
    expect(usefulCap(scenario, context.game, context.draft, 'price', 'decaf')).toEqual({
      points: 1,
      text: '1 point is all a price change needs: more change nothing',
      short: '1 point is all it needs',
      always: true,
    });
    actor.send({ type: 'SET_MOVE', move: { kind: 'price', target: 'decaf', points: 1, price: 2860 } });
    const controls = flatControls(context.game);
    const view = planningView(actor.getSnapshot(), controls, (kind) => (kind === 'price' ? 'decaf' : controls.find((c) => c.kind === kind)?.target?.options[0]?.id));
    const price = view.moves.get('price')!;
    expect(price.moreEnabled).toBe(false);
    expect(price.lessEnabled).toBe(true);
    expect(price.note).toEqual({ text: '1 point is all it needs', exhausted: false });
    // Every other move still has the budget's room.
    expect(view.moves.get('campaign')!.cap).toBeNull();
    expect(view.moves.get('campaign')!.moreEnabled).toBe(true);
    expect(pointsAllowed(actor.getSnapshot().context, { kind: 'campaign', target: 'decaf' })).toBe(remainingBudget(actor.getSnapshot().context));
  });

  it('stops prospecting and referrals at nothing once no prospects are left, and says so', () => {
    const context = planning().getSnapshot().context;
    const empty = { ...context, game: { ...context.game, prospectsLeft: 0 } };
    expect(pointsAllowed(empty, { kind: 'prospecting' })).toBe(0);
    expect(usefulCap(scenario, empty.game, [], 'prospecting', undefined)).toMatchObject({ points: 0, text: 'No prospects left: prospecting cannot win new accounts any more', always: false });
    const account = context.game.accounts[0]!.id;
    expect(pointsAllowed(empty, { kind: 'referrals', target: account })).toBe(0);
    expect(usefulCap(scenario, empty.game, [], 'referrals', account)?.text).toBe('No prospects left: referrals bring no new leads');
  });

  it('raises the stop to what a lead asks for: the points past the move’s own limit are still heard', () => {
    const context = planning().getSnapshot().context;
    const game = { ...context.game, prospectsLeft: 2, leads: 30 };
    const ask = leadAsks(scenario, game)!.sales!;
    expect(ask.kind).toBe('prospecting');
    const own = usefulCap({ ...scenario, people: undefined }, game, [], 'prospecting', undefined)!;
    expect(own.points).toBeLessThan(ask.points);
    const cap = usefulCap(scenario, game, [], 'prospecting', undefined)!;
    expect(cap.points).toBe(ask.points);
    expect(cap.text).toBe(`${ask.points} points meet what ${scenario.people!.sales.name} asked for; the move itself adds nothing past ${own.points} (${own.points} points win all 2 prospects left)`);
  });

  it('stops prospecting where it surely wins the last prospects, and referrals once the plan does', () => {
    const context = planning().getSnapshot().context;
    const game = { ...context.game, prospectsLeft: 2, leads: 30 };
    // Without people: no lead's ask lifts the stop (the test above has one).
    const scenario = { ...base, people: undefined };
    const cap = usefulCap(scenario, game, [], 'prospecting', undefined)!;
    expect(cap.points).toBeGreaterThan(0);
    expect(cap.text).toBe(`${cap.points} points win all 2 prospects left, even in a slow quarter: more win no more`);
    expect(cap.short).toBe(`${cap.points} points win all 2 prospects left`);
    const account = game.accounts[0]!.id;
    expect(usefulCap(scenario, game, [], 'referrals', account)).toBeNull();
    expect(usefulCap(scenario, game, [{ kind: 'prospecting', points: cap.points }], 'referrals', account)).toMatchObject({ points: 0, short: 'Prospecting wins every prospect left' });
    // Points a draft already holds past the stop stay until taken off; no more are added.
    const draft = [{ kind: 'prospecting' as const, points: cap.points + 2 }];
    expect(pointsAllowed({ ...context, game, draft }, { kind: 'prospecting' })).toBe(cap.points + 2);
  });

  it('names the line whose goodwill or quality a campaign or an improvement fills', () => {
    const context = planning().getSnapshot().context;
    const full = { ...context.game, products: context.game.products.map((p) => (p.id === 'house-blend' ? { ...p, goodwill: 0.97, quality: 0.99 } : p)) };
    const campaign = usefulCap(scenario, full, [], 'campaign', 'house-blend')!;
    expect(campaign.text).toBe(`${campaign.points} points take House Blend’s goodwill to 100%: more add nothing`);
    expect(campaign.short).toBe(`Goodwill full at ${campaign.points}`);
    expect(usefulCap(scenario, full, [], 'improve', 'house-blend')?.text).toMatch(/^\d+ points? take House Blend’s quality to 100%: more add nothing$/);
    // Brand building fills the same goodwill: with it in the plan, the campaign needs fewer points.
    const withBrand = usefulCap(scenario, full, [{ kind: 'brand', points: 6 }], 'campaign', 'house-blend')!;
    expect(withBrand.points).toBeLessThan(campaign.points);
  });

  it('says a review cuts no more once every line’s fixed costs are at their floor', () => {
    const context = planning().getSnapshot().context;
    const floored = { ...context.game, products: context.game.products.map((p, i) => ({ ...p, fixedCost: Math.round(0.6 * scenario.products[i]!.fixedCost) })) };
    expect(usefulCap(scenario, floored, [], 'portfolio-review', undefined)).toMatchObject({ points: 0, text: 'Every line’s fixed costs are at their floor: a review cuts no more' });
  });
});
