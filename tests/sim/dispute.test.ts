// The dispute's consequences, option by option, on chosen seeds: what each choice does to the
// line, the account, the effort of the quarters after, collaboration and morale, and that the
// hidden anchor decides how discontinuing turns out (strong anchor against weak).
import { describe, expect, it } from 'vitest';
import {
  DISPUTE_OPTIONS,
  createGame,
  decideDispute,
  effortAvailable,
  reactionOf,
  resolveQuarter,
  validateDisputeOption,
  type DisputeOption,
  type DisputeRefusal,
  type GameState,
} from '../../src/sim/index';
import { disputeRefusalText } from '../../src/debrief/dispute-text';
import {
  INVESTIGATION_EFFORT,
  INVESTIGATION_NOISE,
  JOINT_MEETING_COLLABORATION,
  JOINT_MEETING_EFFORT,
  MIGRATION_EFFORT,
  MIGRATION_RELIEF,
  MORALE_AFTER,
  OVERRULE_COLLABORATION_COST,
  REPRICE_SHARE,
} from '../../src/sim/model';
import { loadShipped } from '../support/scenarios';

const scenario = loadShipped('two-hats');

/** Empty quarters until the dispute opens. */
function atDispute(seed: number): GameState {
  let game = createGame(scenario, seed);
  while (game.dispute?.status !== 'open' && !game.finished) game = resolveQuarter(scenario, game, { moves: [] });
  return game;
}

/** The rest of the game with a modest fixed plan, so accounts stay in play. */
function playOut(game: GameState): GameState {
  let state = game;
  while (!state.finished) {
    const budget = effortAvailable(scenario, state);
    const harbor = state.accounts.find((a) => a.id === 'harbor-health' && a.active);
    const moves = [{ kind: 'prospecting' as const, points: Math.min(4, budget) }];
    if (harbor && budget > 4) moves.push({ kind: 'relationship', target: 'harbor-health', points: Math.min(3, budget - 4) } as never);
    state = resolveQuarter(scenario, state, { moves });
  }
  return state;
}

const harborOf = (g: GameState) => g.accounts.find((a) => a.id === 'harbor-health')!;
const decafOf = (g: GameState) => g.products.find((p) => p.id === 'decaf')!;

describe('each way to act on the dispute', () => {
  // The first seed where Harbor Health is still a customer when the dispute opens, with a real anchor.
  const open = Array.from({ length: 50 }, (_, i) => atDispute(i + 1)).find((g) => g.dispute?.status === 'open' && harborOf(g).active && g.dispute.anchorStrength > 0.3)!;
  const q = open.quarter;

  it('opens once, over decaf and Harbor Health, with the hidden anchor recorded from the account', () => {
    expect(open.dispute).toMatchObject({ product: 'decaf', account: 'harbor-health', status: 'open', choices: [] });
    expect(open.dispute!.anchorStrength).toBe(harborOf(open).buys.find((b) => b.product === 'decaf')!.anchor);
  });

  it('discontinue: the line stops now, the account is shaken, sales is overruled', () => {
    const next = decideDispute(scenario, open, 'discontinue');
    expect(decafOf(next)).toMatchObject({ active: false, discontinuedInQuarter: q });
    expect(harborOf(next).satisfaction).toBeLessThan(harborOf(open).satisfaction);
    expect(next.collaboration).toBeCloseTo(open.collaboration - OVERRULE_COLLABORATION_COST, 6);
    expect(next.dispute!.morale).toStrictEqual({ marketing: MORALE_AFTER.prevailed, sales: MORALE_AFTER.overruled });
    expect(reactionOf(next.dispute!, 'sales')).toBe('overruled');
  });

  it('reprice: the price rises, the line stays, both sides meet half-way', () => {
    const next = decideDispute(scenario, open, 'reprice');
    expect(decafOf(next).price).toBe(Math.round(decafOf(open).price * (1 + REPRICE_SHARE)));
    expect(decafOf(next).active).toBe(true);
    expect(reactionOf(next.dispute!, 'marketing')).toBe('compromise');
    expect(reactionOf(next.dispute!, 'sales')).toBe('compromise');
  });

  it('phase-out: two more quarters with a migration plan charged to sales, then the line stops with the anchor defused', () => {
    let game = decideDispute(scenario, open, 'phase-out');
    const anchor = game.dispute!.anchorStrength;
    expect(effortAvailable(scenario, game)).toBe(scenario.effortBudget - MIGRATION_EFFORT);
    game = resolveQuarter(scenario, game, { moves: [] });
    expect(game.history.at(-1)!.effortSales).toBe(MIGRATION_EFFORT);
    expect(decafOf(game).active).toBe(true);
    expect(effortAvailable(scenario, game)).toBe(scenario.effortBudget - MIGRATION_EFFORT);
    game = resolveQuarter(scenario, game, { moves: [] });
    expect(decafOf(game)).toMatchObject({ active: false, discontinuedInQuarter: q + 2 });
    expect(effortAvailable(scenario, game)).toBe(scenario.effortBudget);
    if (harborOf(game).active) expect(harborOf(game).buys.find((b) => b.product === 'decaf')!.anchor).toBeCloseTo(anchor * (1 - MIGRATION_RELIEF), 6);
  });

  it('investigate: a quarter of sales effort, then the findings, within the stated noise of the truth', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const start = atDispute(seed);
      let game = decideDispute(scenario, start, 'investigate');
      expect(game.dispute!.status).toBe('investigating');
      const { estimate, low, high } = game.dispute!.investigation!;
      expect(Math.abs(estimate - game.dispute!.anchorStrength)).toBeLessThanOrEqual(INVESTIGATION_NOISE + 1e-9);
      expect(low).toBeLessThanOrEqual(game.dispute!.anchorStrength + 1e-9);
      expect(high).toBeGreaterThanOrEqual(game.dispute!.anchorStrength - 1e-9);
      expect(() => resolveQuarter(scenario, game, { moves: [{ kind: 'prospecting', points: scenario.effortBudget }] })).toThrow(expect.objectContaining({ refusal: expect.objectContaining({ code: 'over-budget' }) }));
      // The layers without the app's words pass the message on: the code with its figures.
      expect(() => resolveQuarter(scenario, game, { moves: [{ kind: 'prospecting', points: scenario.effortBudget }] })).toThrow(
        `over-budget (planned ${scenario.effortBudget}, available ${scenario.effortBudget - INVESTIGATION_EFFORT}, reserved ${INVESTIGATION_EFFORT})`,
      );
      game = resolveQuarter(scenario, game, { moves: [] });
      expect(game.dispute!.status).toBe('open');
      expect(validateDisputeOption(scenario, game, 'investigate')).toStrictEqual({ ok: false, refusal: { code: 'already-investigated' } });
      expect(disputeRefusalText({ code: 'already-investigated' })).toMatch(/already been investigated/);
    }
  });

  it('joint meeting: collaboration up instead of an overrule, and the loser says they were heard', () => {
    let game = decideDispute(scenario, open, 'joint-meeting');
    expect(game.collaboration).toBeCloseTo(open.collaboration + JOINT_MEETING_COLLABORATION, 6);
    expect(effortAvailable(scenario, game)).toBe(scenario.effortBudget - JOINT_MEETING_EFFORT);
    game = decideDispute(scenario, game, 'keep');
    expect(game.collaboration).toBeCloseTo(open.collaboration + JOINT_MEETING_COLLABORATION, 6);
    expect(reactionOf(game.dispute!, 'marketing')).toBe('heard');
    expect(reactionOf(game.dispute!, 'sales')).toBe('prevailed');
    expect(game.dispute!.morale.marketing).toBe(MORALE_AFTER.heard);
  });

  it('refuses what is not open, with a reason, and leaves the state alone', () => {
    const unknown = validateDisputeOption(scenario, open, 'postpone');
    expect(unknown).toStrictEqual({ ok: false, refusal: { code: 'unknown-option', option: 'postpone' } });
    expect(disputeRefusalText((unknown as { refusal: DisputeRefusal }).refusal)).toMatch(/unknown way/i);
    const decided = decideDispute(scenario, open, 'keep');
    for (const option of DISPUTE_OPTIONS) expect(validateDisputeOption(scenario, decided, option).ok).toBe(false);
    expect(() => decideDispute(scenario, decided, 'discontinue')).toThrow(expect.objectContaining({ refusal: { code: 'no-open-dispute' } }));
    expect(disputeRefusalText({ code: 'no-open-dispute' })).toMatch(/no open dispute/);
  });
});

describe('the hidden anchor decides what discontinuing costs', () => {
  // Seeds of two-hats where the dispute opens, split by the drawn anchor.
  const games = Array.from({ length: 400 }, (_, i) => atDispute(i + 1)).filter((g) => g.dispute?.status === 'open');
  const weak = games.filter((g) => g.dispute!.anchorStrength < 0.25);
  const strong = games.filter((g) => g.dispute!.anchorStrength > 0.75);
  const lostAfter = (g: GameState, option: DisputeOption) => !harborOf(playOut(decideDispute(scenario, g, option))).active;
  const share = (list: GameState[], option: DisputeOption) => list.filter((g) => lostAfter(g, option)).length / list.length;

  it('finds both kinds of seed', () => {
    expect(weak.length).toBeGreaterThan(40);
    expect(strong.length).toBeGreaterThan(40);
  });

  it('a strong anchor makes the account leave far more often after a discontinuation than a weak one', () => {
    expect(share(strong, 'discontinue')).toBeGreaterThan(share(weak, 'discontinue') + 0.3);
  });

  it('keeping the line protects a strongly anchored account; phasing out protects it more than dropping the line', () => {
    expect(share(strong, 'keep')).toBeLessThan(share(strong, 'discontinue') - 0.3);
    expect(share(strong, 'phase-out')).toBeLessThan(share(strong, 'discontinue'));
  });

  it('when the account leaves, it takes every line it buys, and the record names the lost anchor', () => {
    const g = strong.find((s) => lostAfter(s, 'discontinue'))!;
    const end = playOut(decideDispute(scenario, g, 'discontinue'));
    const loss = end.history.flatMap((r) => r.losses).find((l) => l.account === 'harbor-health')!;
    expect(loss.anchorProduct).toBe('decaf');
    expect(loss.anchorChurn).toBeGreaterThan(0);
    expect(loss.products).toStrictEqual(scenario.accounts.find((a) => a.id === 'harbor-health')!.buys.map((b) => b.product));
    const lostIn = end.history.find((r) => r.lostAccounts.includes('harbor-health'))!.quarter;
    const slot = end.accounts.findIndex((a) => a.id === 'harbor-health');
    for (const r of end.history.filter((r) => r.quarter >= lostIn)) expect(r.accountRevenue[slot]).toBe(0);
  });
});

describe('the dispute opened by a condition on an account', () => {
  it('opens once the account buys more than the stated share of the revenue, and not before', () => {
    const events = scenario.events.filter((e) => !e.effects.some((x) => x.type === 'dispute'));
    const at = (share: number) => ({
      ...scenario,
      events: [...events, { id: 'big-buyer', title: 'Harbor Health is a big share of sales', trigger: { accountRevenueShare: { account: 'harbor-health', share } }, effects: [{ type: 'dispute' as const }] }],
    });
    const firstQuarter = (s: typeof scenario) => {
      let game = createGame(s, 5);
      while (!game.finished && game.dispute === null) game = resolveQuarter(s, game, { moves: [] });
      return game;
    };
    const low = firstQuarter(at(0.05));
    expect(low.dispute?.openedInQuarter).toBe(1);
    const record = low.history[0]!;
    const slot = low.accounts.findIndex((a) => a.id === 'harbor-health');
    expect(record.accountRevenue[slot]! / record.revenue).toBeGreaterThan(0.05);
    // A share it never reaches never opens the dispute.
    const never = firstQuarter(at(0.99));
    expect(never.dispute).toBeNull();
    for (const r of never.history) expect(r.accountRevenue[slot]! / r.revenue).toBeLessThanOrEqual(0.99);
  });
});
