// The goal in view and the events as banners (src/app/goal-view.ts): the briefing's scorecard
// read from the scenario's scoring section, the score so far against par, each score part's move
// in a quarter read from the model's ScoreCard records, and the banners of a quarter's events
// (the scenario's own title and news text) with a lost key account as an alert, with the sales lead's reaction.
import { describe, expect, it } from 'vitest';
import { formatMoney, formatPoints, formatSignedPoints } from '../../src/app/format';
import { ordinaryLosses, planningBanners, quarterBanners, salesLeadReaction, scoreMoves, scoreSoFar, scorecardView } from '../../src/app/goal-view';
import { BOTS, createGame, type GameState, type Scenario } from '../../src/sim/index';
import { playBot } from '../../src/sim/play';
import { SCORE_COMPONENTS } from '../../src/sim/score';
import { loadShipped } from '../support/scenarios';

const twoHats = loadShipped('two-hats');
const balanced = BOTS.find((b) => b.name === 'balanced')!;

function played(scenario: Scenario, seed = 1): GameState {
  return playBot(scenario, seed, balanced).state;
}

/** The state as it stood after `quarters` quarters: the history cut there (what the next planning screen sees). */
function after(state: GameState, quarters: number): GameState {
  return { ...state, quarter: quarters + 1, history: state.history.slice(0, quarters) };
}

describe('the briefing’s scorecard', () => {
  it('names every part in the model’s order with its weight, share and target, and states par', () => {
    const card = scorecardView(twoHats);
    const { weights, targets, par } = twoHats.scoring;
    expect(card.rows.map((r) => r.key)).toEqual(SCORE_COMPONENTS.map((c) => c.key));
    const sum = SCORE_COMPONENTS.reduce((s, c) => s + weights[c.key], 0);
    for (const row of card.rows) expect(row.weight).toBe(`× ${weights[row.key]} · ${Math.round((100 * weights[row.key]) / sum)}%`);
    expect(card.rows.find((r) => r.key === 'profit')!.measure).toContain(`${formatMoney(targets.profit)} scores 100`);
    expect(card.rows.find((r) => r.key === 'revenue')!.measure).toContain(`${formatMoney(targets.revenue)} scores 100`);
    expect(card.rows.find((r) => r.key === 'customerEquity')!.measure).toContain(`${formatMoney(targets.customerEquity)} scores 100`);
    expect(card.rows.find((r) => r.key === 'profit')!.measure).toContain(`over the ${twoHats.quarters} quarters`);
    expect(card.par).toContain(`Par: ${par} points`);
  });

  it('says a part with no weight is not counted (solo founder has no collaboration to manage)', () => {
    const solo = loadShipped('solo-founder');
    expect(solo.scoring.weights.collaboration).toBe(0);
    const row = scorecardView(solo).rows.find((r) => r.key === 'collaboration')!;
    expect(row).toMatchObject({ weight: 'not counted', counts: false });
  });
});

describe('the score so far', () => {
  it('has no score before the first quarter, and states par', () => {
    const view = scoreSoFar(twoHats, createGame(twoHats, 1));
    expect(view.score).toBe('—');
    expect(view.par).toBe(String(twoHats.scoring.par));
    expect(view.aria).toMatch(/no quarter played/);
  });

  it('is the model’s scorecard total after the last quarter played, against par', () => {
    const state = after(played(twoHats), 4);
    const total = state.history[3]!.score.total;
    const par = twoHats.scoring.par;
    const view = scoreSoFar(twoHats, state);
    expect(view.score).toBe(formatPoints(total));
    expect(view.belowPar).toBe(total < par);
    expect(view.verdict).toBe(total >= par ? `${formatPoints(total - par)} above par` : `${formatPoints(par - total)} below par`);
    expect(view.note).toContain('after quarter 4 of 10');
  });
});

describe('the report’s score moves', () => {
  it('gives each weighted part’s points after the quarter and its move on the quarter before, from the records', () => {
    const { history } = played(twoHats);
    const view = scoreMoves(twoHats, history, 6);
    const now = history[5]!.score;
    const before = history[4]!.score;
    expect(view.total).toMatchObject({ points: formatPoints(now.total), change: formatSignedPoints(now.total - before.total) });
    expect(view.parts.map((p) => p.key)).toEqual(SCORE_COMPONENTS.map((c) => c.key));
    for (const part of view.parts) {
      const key = part.key as Exclude<typeof part.key, 'total'>;
      expect(part.points).toBe(formatPoints(now[key]));
      expect(part.change).toBe(formatSignedPoints(now[key] - before[key]));
      expect(part.down).toBe(Math.round((now[key] - before[key]) * 10) < 0);
      expect(part.label).toBe(`${{ profit: 'Profit', revenue: 'Revenue', customerEquity: 'Cust. equity', portfolioHealth: 'Portfolio', collaboration: 'Collab.' }[key]} ×${twoHats.scoring.weights[key]}`);
    }
    expect(view.par).toBe(`par ${twoHats.scoring.par}`);
    expect(view.aria).toContain(`Score after quarter 6: ${formatPoints(now.total)}`);
  });

  it('shows the first quarter’s points with no move, and leaves out a part with no weight', () => {
    const solo = loadShipped('solo-founder');
    const view = scoreMoves(solo, played(solo).history, 1);
    expect(view.total.change).toBeNull();
    expect(view.parts.every((p) => p.change === null)).toBe(true);
    expect(view.parts.map((p) => p.key)).not.toContain('collaboration');
  });
});

describe('events as banners', () => {
  it('shows a fired event with the scenario’s title and its news text, on the report and on the next planning screen', () => {
    const state = played(twoHats);
    const event = twoHats.events.find((e) => e.id === 'cold-brew-boom')!;
    const news = event.effects.find((e) => e.type === 'news')!;
    expect(state.history[5]!.events).toContain(event.title);
    const banners = quarterBanners(twoHats, state, 6).filter((b) => b.kind === 'event');
    expect(banners).toEqual([{ kind: 'event', title: event.title, label: `Event in quarter 6: ${event.title}`, lines: [news.type === 'news' ? news.text : ''] }]);
    expect(planningBanners(twoHats, after(state, 6)).filter((b) => b.kind === 'event')).toEqual(banners);
    // Nothing before the first quarter, and a quarter with no event has no event banner.
    expect(planningBanners(twoHats, createGame(twoHats, 1))).toEqual([]);
    const quiet = state.history.find((r) => r.events.length === 0)!;
    expect(quarterBanners(twoHats, state, quiet.quarter).filter((b) => b.kind === 'event')).toEqual([]);
  });

  it('gives an event without a news text a sentence from src/app for each effect', () => {
    const state = played(twoHats);
    const dispute = state.history.find((r) => r.events.some((t) => twoHats.events.find((e) => e.title === t)!.effects.every((f) => f.type === 'dispute')))!;
    const banner = quarterBanners(twoHats, state, dispute.quarter).find((b) => b.kind === 'event')!;
    const product = twoHats.products.find((p) => p.id === twoHats.dispute!.product)!.name;
    expect(banner.lines).toEqual([`Marketing and sales disagree over ${product}: the dispute comes before the next plan.`]);
  });

  it('makes a lost key account an alert, with what it bought, and keeps it out of the ordinary losses', () => {
    const state = played(twoHats);
    const key = state.accounts.find((a) => a.key)!;
    const other = state.accounts.find((a) => !a.key)!;
    const record = state.history[2]!;
    const lost = {
      ...record,
      lostAccounts: [key.id, other.id],
      losses: [{ account: key.id, ordinaryChurn: 0.1, anchorChurn: 0, anchorProduct: null, revenueBefore: 1_234_500, products: [twoHats.products[0]!.id] }],
    };
    const game = { ...state, history: state.history.map((r) => (r === record ? lost : r)) };
    const alerts = quarterBanners(twoHats, game, record.quarter).filter((b) => b.kind === 'alert');
    const sales = twoHats.dispute!.sales;
    expect(alerts).toEqual([
      {
        kind: 'alert',
        title: `Key account lost: ${key.name}`,
        label: `In quarter ${record.quarter}: Key account lost: ${key.name}`,
        lines: [
          `It bought ${twoHats.products[0]!.name}: ${formatMoney(1_234_500)} the quarter before.`,
          `${sales.name}, ${sales.role}: “We lost touch with ${key.name}: too few calls, not enough service.”`,
        ],
      },
    ]);
    expect(ordinaryLosses(game, lost)).toEqual([other.id]);
    // Lost in the first quarter: there is no quarter before to give its worth.
    const first = { ...state.history[0]!, lostAccounts: [key.id], losses: [{ ...lost.losses[0]!, revenueBefore: 0 }] };
    const early = { ...state, history: state.history.map((r, i) => (i === 0 ? first : r)) };
    expect(quarterBanners(twoHats, early, 1).find((b) => b.kind === 'alert')!.lines[0]).toBe(`It bought ${twoHats.products[0]!.name}.`);
  });

  it("gives the sales lead's reaction by the model's split of the risk: the line it relied on, or the relationship", () => {
    const sales = twoHats.dispute!.sales;
    const decaf = twoHats.products.find((p) => p.id === twoHats.dispute!.product)!;
    const loss = { account: 'a', ordinaryChurn: 0.05, anchorChurn: 0.4, anchorProduct: decaf.id, revenueBefore: 100, products: [decaf.id] };
    expect(salesLeadReaction(twoHats, 'Harbor Health', loss)).toBe(`${sales.name}, ${sales.role}: “Harbor Health bought from us for ${decaf.name}. Once it went, so did they.”`);
    // The anchor smaller than the ordinary risk: the relationship is the reason given.
    expect(salesLeadReaction(twoHats, 'Harbor Health', { ...loss, anchorChurn: 0.01 })).toMatch(/We lost touch with Harbor Health/);
    // A firm without a sales lead has no one to react.
    const noLeads = { ...twoHats, dispute: undefined };
    expect(salesLeadReaction(noLeads, 'Harbor Health', loss)).toBeNull();
  });
});
