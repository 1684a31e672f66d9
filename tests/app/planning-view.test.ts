// The planning screen's view-model over a running game actor: each side's enabled moves with their
// words, Undo and Commit open as the machine says (snapshot.can), a control's points and steppers,
// the budget split, the forecast, the pages of accounts, the price steps and the help's groups.
import { describe, expect, it } from 'vitest';
import { accountPage, firmFigures, hasJointWork, helpView, initialTarget, moveControls, planningView, pointsAllowed, priceChoices, productRows } from '../../src/app/planning-view';
import { quarterFacts } from '../../src/app/quarter-facts';
import { MOVE_KINDS, createGame, resolveQuarter, type GameState } from '../../src/sim/index';
import { loadShipped } from '../support/scenarios';
import { scenario, startGame } from '../flow/support';

function planning() {
  const actor = startGame(1);
  actor.send({ type: 'START' });
  return actor;
}

describe('the planning view', () => {
  it('offers the scenario’s enabled moves on each side, with their words and targets', () => {
    const { game } = planning().getSnapshot().context;
    const controls = moveControls(scenario, game);
    const all = [...controls.marketing, ...controls.sales, ...controls.joint];
    expect(all.map((c) => c.kind)).toEqual(MOVE_KINDS.filter((k) => scenario.moves[k].enabled));
    expect(controls.marketing.every((c) => c.side === 'marketing')).toBe(true);
    expect(controls.sales.every((c) => c.side === 'sales')).toBe(true);
    const campaign = controls.marketing.find((c) => c.kind === 'campaign')!;
    expect(campaign.target?.kind).toBe('product');
    expect(campaign.target?.options.map((o) => o.id)).toEqual(game.products.filter((p) => p.active).map((p) => p.id));
    expect(campaign.sliderLabel).toBe(`${campaign.label}, effort points`);
    const service = controls.sales.find((c) => c.kind === 'service')!;
    expect(service.target?.kind).toBe('account');
    expect(service.target?.options).toHaveLength(game.accounts.filter((a) => a.active).length);
  });

  it('opens Undo only once there is something to undo, as the machine says', () => {
    const actor = planning();
    const controls = moveControls(scenario, actor.getSnapshot().context.game);
    const flat = [...controls.marketing, ...controls.sales, ...controls.joint];
    const view = () => planningView(actor.getSnapshot(), flat, (kind) => flat.find((c) => c.kind === kind)?.target?.options[0]?.id);
    expect(view().undoEnabled).toBe(false);
    expect(view().commitEnabled).toBe(true);
    actor.send({ type: 'SET_MOVE', move: { kind: 'research', points: 2 } });
    expect(view().undoEnabled).toBe(true);
    expect(view().moves.get('research')!.points).toBe(2);
    expect(view().moves.get('research')!.lessEnabled).toBe(true);
    expect(view().split.marketing).toBe(2);
    actor.send({ type: 'UNDO' });
    expect(view().undoEnabled).toBe(false);
    expect(view().moves.get('research')!.lessEnabled).toBe(false);
  });

  it('closes every + once the budget is spent, and says what is left', () => {
    const actor = planning();
    const context = actor.getSnapshot().context;
    const controls = moveControls(scenario, context.game);
    const flat = [...controls.marketing, ...controls.sales, ...controls.joint];
    const budget = pointsAllowed(context, { kind: 'research' });
    actor.send({ type: 'SET_MOVE', move: { kind: 'research', points: budget } });
    const view = planningView(actor.getSnapshot(), flat, () => undefined);
    expect(view.remaining).toBe(0);
    expect([...view.moves.values()].every((m) => !m.moreEnabled)).toBe(true);
    expect(view.budgetText).toBe(`Effort left: 0 of ${scenario.effortBudget} · marketing ${budget}, sales 0, joint 0`);
  });

  it('shows a picker’s points per target and starts it on the first target with points', () => {
    const actor = planning();
    const controls = moveControls(scenario, actor.getSnapshot().context.game);
    const campaign = controls.marketing.find((c) => c.kind === 'campaign')!;
    const second = campaign.target!.options[1]!;
    actor.send({ type: 'SET_MOVE', move: { kind: 'campaign', target: second.id, points: 3 } });
    const context = actor.getSnapshot().context;
    expect(initialTarget(context, campaign)).toBe(second.id);
    const view = planningView(actor.getSnapshot(), [campaign], () => second.id);
    const state = view.moves.get('campaign')!;
    expect(state.optionTexts[1]).toBe(`${second.name} — 3`);
    expect(state.optionTexts[0]).toBe(campaign.target!.options[0]!.name);
    expect(state.valueText).toBe(`3 points on ${second.name}`);
  });

  it('offers prices in 5% steps of the list price and shows the nearest to the current one', () => {
    const context = planning().getSnapshot().context;
    const product = scenario.products[0]!;
    const choices = priceChoices(context, product.id)!;
    expect(choices.options[0]!.cents).toBe(Math.round(product.price * 0.5));
    expect(choices.options.at(-1)!.cents).toBe(Math.round(product.price * 2));
    expect(choices.options).toHaveLength(31);
    expect(choices.selected).toBe(product.price);
    expect(priceChoices(context, 'no-such-line')).toBeNull();
  });

  it('pages the accounts and keeps the page within those there are', () => {
    const { game } = planning().getSnapshot().context;
    const many: GameState = { ...game, accounts: Array.from({ length: 20 }, (_, i) => ({ ...game.accounts[0]!, id: `a${i}`, name: `Account ${i}`, active: true, key: i === 0 })) };
    const first = accountPage(scenario, many, 0, 14);
    expect(first.accounts).toHaveLength(14);
    expect(first.accounts[0]!.name).toBe('★ Account 0');
    expect(first.range).toBe('1–14 of 20');
    expect([first.previousEnabled, first.nextEnabled]).toEqual([false, true]);
    const beyond = accountPage(scenario, many, 5, 14);
    expect(beyond.page).toBe(1);
    expect(beyond.range).toBe('15–20 of 20');
    expect([beyond.previousEnabled, beyond.nextEnabled]).toEqual([true, false]);
  });

  it('lists the firm’s figures and every product line', () => {
    const context = planning().getSnapshot().context;
    expect(firmFigures(context.scenario, context.game).map((f) => f.term)).toEqual(['Cash', 'Leads', 'Active accounts', 'Collaboration']);
    const rows = productRows(context);
    expect(rows).toHaveLength(context.game.products.length);
    expect(rows[0]!.revenue).toBe('—');
  });

  it('shows a one-person firm no collaboration and no joint effort: there is nobody to work with', () => {
    const solo = loadShipped('solo-founder');
    const game = createGame(solo, 1);
    expect(firmFigures(solo, game).map((f) => f.term)).toEqual(['Cash', 'Leads', 'Active accounts']);
    expect(hasJointWork(solo)).toBe(false);
    expect(hasJointWork(scenario)).toBe(true);
    const record = resolveQuarter(solo, game, { moves: [{ kind: 'prospecting', points: 2 }] }).history[0]!;
    const facts = quarterFacts(solo, game, record).join(' ');
    expect(facts).toContain('Effort: marketing 0, sales 2 points.');
    expect(facts).not.toMatch(/joint|Collaboration/);
  });

  it('explains every move the model knows, by side', () => {
    const help = helpView();
    expect(help.groups.map((g) => g.side)).toEqual(['marketing', 'sales', 'joint']);
    expect(help.groups.flatMap((g) => g.moves).length).toBe(MOVE_KINDS.length);
  });
});
