// The chips beside a targeted move's slider: every target the draft has points on, shown as soon
// as the picker's own target does not tell the whole story (points on another line or account).
import { describe, expect, it } from 'vitest';
import { moveControls, planningView } from '../../src/app/planning-view';
import { targetChips } from '../../src/app/target-chips';
import { scenario, startGame } from '../flow/support';

function planning() {
  const actor = startGame(1);
  actor.send({ type: 'START' });
  return actor;
}

const nameOf = (id: string) => scenario.products.find((p) => p.id === id)?.name ?? scenario.accounts.find((a) => a.id === id)!.name;

describe('the targets with points, as chips', () => {
  it('lists every line a campaign has points on, in the picker’s order, with the shown one marked', () => {
    const actor = planning();
    actor.send({ type: 'SET_MOVE', move: { kind: 'campaign', target: 'cold-brew', points: 2 } });
    actor.send({ type: 'SET_MOVE', move: { kind: 'campaign', target: 'house-blend', points: 4 } });
    const controls = moveControls(scenario, actor.getSnapshot().context.game);
    const campaign = controls.marketing.find((c) => c.kind === 'campaign')!;
    const chips = targetChips(actor.getSnapshot().context, 'campaign', campaign.target!.options, 'house-blend')!;
    expect(chips.chips).toEqual([
      { name: nameOf('house-blend'), value: '4', shown: true },
      { name: nameOf('cold-brew'), value: '2', shown: false },
    ]);
    expect(chips.text).toBe(`Campaign: ${nameOf('house-blend')} 4 · ${nameOf('cold-brew')} 2`);
  });

  it('shows a move with points only on another target as not empty', () => {
    const actor = planning();
    actor.send({ type: 'SET_MOVE', move: { kind: 'service', target: 'summit-gym', points: 3 } });
    const controls = moveControls(scenario, actor.getSnapshot().context.game);
    const flat = [...controls.marketing, ...controls.sales, ...controls.joint];
    const view = planningView(actor.getSnapshot(), flat, (kind) => flat.find((c) => c.kind === kind)?.target?.options[0]?.id);
    const service = view.moves.get('service')!;
    expect(service.points).toBe(0);
    expect(service.chips?.text).toBe(`Service: ${nameOf('summit-gym')} 3`);
    expect(service.chips?.chips[0]!.shown).toBe(false);
  });

  it('says nothing when the picker shows the only target with points, or there are none', () => {
    const actor = planning();
    const controls = moveControls(scenario, actor.getSnapshot().context.game);
    const campaign = controls.marketing.find((c) => c.kind === 'campaign')!;
    expect(targetChips(actor.getSnapshot().context, 'campaign', campaign.target!.options, 'house-blend')).toBeNull();
    actor.send({ type: 'SET_MOVE', move: { kind: 'campaign', target: 'house-blend', points: 4 } });
    expect(targetChips(actor.getSnapshot().context, 'campaign', campaign.target!.options, 'house-blend')).toBeNull();
    expect(targetChips(actor.getSnapshot().context, 'campaign', campaign.target!.options, 'decaf')?.text).toBe(`Campaign: ${nameOf('house-blend')} 4`);
  });

  it('puts the picker’s own target first, and past three chips says how many more', () => {
    const actor = planning();
    const ids = ['harbor-health', 'lakeside-offices', 'bean-there', 'grind-house', 'metro-cowork'];
    ids.forEach((id, i) => actor.send({ type: 'SET_MOVE', move: { kind: 'service', target: id, points: i + 1 } }));
    const controls = moveControls(scenario, actor.getSnapshot().context.game);
    const service = controls.sales.find((c) => c.kind === 'service')!;
    const chips = targetChips(actor.getSnapshot().context, 'service', service.target!.options, 'grind-house')!;
    expect(chips.chips).toEqual([
      { name: nameOf('grind-house'), value: '4', shown: true },
      { name: nameOf('harbor-health'), value: '1', shown: false },
      { name: '+3 more', value: '', shown: false },
    ]);
    // The text a screen reader hears names them all.
    expect(chips.text).toBe(`Service: ${nameOf('grind-house')} 4 · ${nameOf('harbor-health')} 1 · ${nameOf('lakeside-offices')} 2 · ${nameOf('bean-there')} 3 · ${nameOf('metro-cowork')} 5`);
  });

  it('names the new price of each line a price change is planned for', () => {
    const actor = planning();
    actor.send({ type: 'SET_MOVE', move: { kind: 'price', target: 'decaf', points: 1, price: 2860 } });
    const controls = moveControls(scenario, actor.getSnapshot().context.game);
    const price = controls.marketing.find((c) => c.kind === 'price')!;
    expect(targetChips(actor.getSnapshot().context, 'price', price.target!.options, 'house-blend')?.text).toBe(`Price: ${nameOf('decaf')} $28.60`);
  });
});
