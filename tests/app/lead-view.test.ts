// The leads on screen (src/app/lead-view.ts, lead-text.ts): each card names the lead, says what
// they ask for in their plan's terms with the model's own figure, how much of it the plan gives
// (and the move that gives it), what the bonus is paid on and how it paid, and morale with what it
// does to their side's work — flagged when it costs the firm. After a quarter each lead reacts in
// their scenario's words, with the figures. A firm without people shows none of it.
import { describe, expect, it } from 'vitest';
import { DEFAULT_VOICE, askText } from '../../src/app/lead-text';
import { MORALE_COSTLY, leadCards, leadReactions } from '../../src/app/lead-view';
import { createGame, leadAsks, moraleFactors, resolveQuarter, type GameState } from '../../src/sim/index';
import { loadArchived, loadShipped } from '../support/scenarios';

const scenario = loadShipped('two-hats');
const people = scenario.people!;

describe('the leads’ cards', () => {
  const start = createGame(scenario, 1);
  const asks = leadAsks(scenario, start)!;

  it('say who asks for what, how much the plan gives, and give the rest in one move', () => {
    const none = leadCards(scenario, start, [])!;
    expect(none.map((c) => c.name)).toEqual([people.marketing.name, people.sales.name]);
    const sales = none[1]!;
    expect(sales.opener).toBe(people.sales.voice.ask);
    expect(sales.ask).toBe(askText(scenario, start, asks.sales!));
    expect(sales.ask).toContain(`${asks.sales!.points} points of prospecting`);
    expect(sales.ask).toContain(`${start.prospectsLeft} prospects`);
    expect(sales.heardText).toBe('Your plan gives none of it yet.');
    expect(sales.give).toEqual({ kind: 'prospecting', points: asks.sales!.points });
    const half = leadCards(scenario, start, [{ kind: 'prospecting', points: 2 }])![1]!;
    expect(half.given).toBe(2);
    expect(half.heardText).toBe(`Your plan gives 2 of ${asks.sales!.points}.`);
    const all = leadCards(scenario, start, [{ kind: 'prospecting', points: 9 }])![1]!;
    expect(all.give).toBeNull();
    expect(all.heardText).toBe('Your plan gives all of it.');
  });

  it('show the bonus plan with its weights, and last quarter’s pay-out once there is one', () => {
    const first = leadCards(scenario, start, [])![1]!;
    expect(first.bonus.plan).toBe('Bonus paid on this quarter’s revenue 70% · new accounts 30%');
    expect(first.bonus.last).toBeNull();
    const next = resolveQuarter(scenario, start, { moves: [] });
    const card = leadCards(scenario, next, [])![1]!;
    expect(card.bonus.last).toBe(next.history[0]!.people!.sales.bonus);
    expect(card.bonus.lastText).toBe(`Last quarter paid ${Math.round(card.bonus.last! * 100)}% of target`);
  });

  it('say when morale is costing the firm', () => {
    let state: GameState = start;
    for (let q = 0; q < 3; q++) state = resolveQuarter(scenario, state, { moves: [] });
    const cards = leadCards(scenario, state, [])!;
    for (const card of cards) {
      expect(card.factor).toBe(moraleFactors(state)[card.side]);
      expect(card.costly).toBe(card.factor < MORALE_COSTLY);
    }
    const low = cards.find((c) => c.costly)!;
    expect(low.moraleText).toMatch(/low morale is costing the firm$/);
    expect(low.mood === 'worried' || low.mood === 'upset').toBe(true);
  });

  it('are absent for a firm without people', () => {
    const v1 = loadArchived('two-hats', 1);
    expect(leadCards(v1, createGame(v1, 1), [])).toBeNull();
  });
});

describe('the leads’ reactions', () => {
  const start = createGame(scenario, 1);
  const asks = leadAsks(scenario, start)!;

  it('a lead heard and on plan is pleased; one not heard says so, with the figures', () => {
    const heard = resolveQuarter(scenario, start, { moves: [{ kind: 'prospecting', points: asks.sales!.points }, { kind: 'relationship', target: 'harbor-health', points: 6 }] });
    const [marketing, sales] = leadReactions(scenario, heard, heard.history[0]!)!;
    const q = heard.history[0]!.people!;
    expect(q.sales.heard).toBe(1);
    expect(sales!.line).toBe(q.sales.bonus >= 1 ? people.sales.voice.pleased : people.sales.voice.worried);
    expect(sales!.facts[0]).toBe(`Heard: you gave the ${asks.sales!.points} points of prospecting asked for.`);
    expect(marketing!.line).toBe(people.marketing.voice.unheard);
    expect(marketing!.facts[0]).toBe(`Not heard: none of the ${asks.marketing!.points} points of market research asked for.`);
    expect(marketing!.summary).toBe(`Heard 0/${asks.marketing!.points} · bonus ${Math.round(q.marketing.bonus * 100)}% · morale 60% → ${Math.round(q.marketing.morale * 100)}%`);
  });

  it('a lead with no line of their own speaks the game’s default words', () => {
    const bare = { ...scenario, people: { ...people, marketing: { ...people.marketing, voice: {} } } };
    const next = resolveQuarter(bare, createGame(bare, 1), { moves: [] });
    expect(leadReactions(bare, next, next.history[0]!)![0]!.line).toBe(DEFAULT_VOICE.marketing.unheard);
  });
});
