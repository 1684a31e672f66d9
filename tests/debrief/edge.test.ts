// Debriefs of unusual games: the extreme bots, random play, a scenario variant whose dispute never
// opens (no dispute summary, no idea 4, the fork refuses) and steps that do not replay. How long
// a debrief takes to build is `npm run bench`'s figure.
import { describe, expect, it } from 'vitest';
import { botNamed, playBot, type Bot, type Scenario, type Step } from '../../src/sim/index';
import { DebriefError, buildDebrief, debriefJson, forkAtDispute } from '../../src/debrief/index';
import { loadShipped, nameOf } from '../support/scenarios';
import { checkDebrief } from './claims';

const scenario = loadShipped('two-hats');
const calm: Scenario = { ...scenario, events: scenario.events.filter((e) => !e.effects.some((x) => x.type === 'dispute')) };

describe('debriefs of unusual games', () => {
  it.each(['all-marketing', 'all-sales', 'random', 'short-run-greedy'])('%s: works and every claim holds', (name) => {
    for (let seed = 1; seed <= 10; seed++) {
      const { steps } = playBot(scenario, seed, botNamed(name)!);
      const debrief = buildDebrief(scenario, seed, steps);
      checkDebrief(scenario, seed, steps, debrief);
      expect(debrief.timeline).toHaveLength(scenario.quarters);
      expect(debrief.ideas.map((i) => i.idea)).toEqual(expect.arrayContaining([1, 2, 3, 5, 7]));
    }
  });

  it('an idle game (no moves at all) still gives a finite debrief whose claims hold', () => {
    const idle: Bot = { name: 'idle', description: 'Does nothing.', decide: () => ({ moves: [] }), settleDispute: () => 'keep' };
    for (const s of [scenario, calm]) {
      const { steps } = playBot(s, 5, idle);
      const debrief = buildDebrief(s, 5, steps);
      checkDebrief(s, 5, steps, debrief);
      expect(() => debriefJson(debrief)).not.toThrow();
      expect(debrief.ideas.find((i) => i.idea === 3)!.figures.marketingShare).toBe(0);
    }
  });

  it('all-marketing: idea 3 shows the missing half (no prospecting)', () => {
    const { steps } = playBot(scenario, 1, botNamed('all-marketing')!);
    const three = buildDebrief(scenario, 1, steps).ideas.find((i) => i.idea === 3)!;
    expect(three.figures.salesShare).toBe(0);
    expect(three.figures.prospectingPoints).toBe(0);
    expect(three.figures.wonWithBoth).toBe(0);
  });

  it('a game without a dispute: no dispute summary, no idea 4, and the fork refuses clearly', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const { steps, state } = playBot(calm, seed, botNamed('balanced')!);
      expect(state.dispute).toBeNull();
      const debrief = buildDebrief(calm, seed, steps);
      checkDebrief(calm, seed, steps, debrief);
      expect(debrief.dispute).toBeNull();
      expect(debrief.ideas.map((i) => i.idea)).toEqual([1, 2, 3, 5, 7]);
      for (const t of debrief.timeline) expect(t.dispute).toEqual([]);
      expect(() => forkAtDispute(calm, seed, steps, 'keep')).toThrow(/No dispute took place in this game/);
    }
  });

  it('steps that do not replay throw a DebriefError that says where', () => {
    const { steps } = playBot(scenario, 2, botNamed('balanced')!);
    expect(() => buildDebrief(scenario, 2, steps.slice(0, 5))).toThrow(/cover 5 of 10 quarters/);
    const over: Step[] = steps.map((s, i) => (i === 0 ? { moves: [...s.moves, { kind: 'prospecting', points: 30 }] } : s));
    expect(() => buildDebrief(scenario, 2, over)).toThrow(DebriefError);
    expect(() => buildDebrief(scenario, 2, over)).toThrow(/quarter 1: /);
    const noSettle = steps.map(({ moves }) => ({ moves }));
    expect(() => buildDebrief(scenario, 2, noSettle)).toThrow(/a dispute was open but the step settles none/);
    expect(() => buildDebrief(scenario, 2, [...steps, { moves: [] }])).toThrow(/after the game is over/);
  });

  it('the timeline shows the dispute choices and a phase-out taking effect', () => {
    const { steps, state } = playBot(scenario, 3, botNamed('balanced')!, { disputeOption: 'joint-meeting' });
    const debrief = buildDebrief(scenario, 3, steps);
    const sitting = debrief.timeline.find((t) => t.dispute.length > 0)!;
    expect(sitting.dispute[0]).toBe('Held a joint meeting');
    expect(debrief.dispute!.heard).toBe(true);
    expect(debrief.dispute!.reactions!.marketing.kind).toBe(state.dispute!.option === 'discontinue' ? 'prevailed' : state.dispute!.option === 'keep' ? 'heard' : 'compromise');
    const phased = playBot(scenario, 3, botNamed('balanced')!, { disputeOption: 'phase-out' });
    const at = phased.state.dispute!.phaseOutQuarter!;
    expect(buildDebrief(scenario, 3, phased.steps).timeline[at - 1]!.dispute).toEqual([`${nameOf(scenario.products, scenario.dispute!.product)} stopped (phase-out)`]);
  });

});
