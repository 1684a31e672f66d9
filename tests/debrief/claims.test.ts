// Every claim of the debrief matches the model's records: many seeds, every bot, several ways of
// settling the dispute; each figure in the timeline, the dispute summary, the swings' chains and
// the ideas is recomputed from playSteps' records by tests/debrief/claims.ts.
import { describe, expect, it } from 'vitest';
import { BOTS, playBot, type DisputeOption } from '../../src/sim/index';
import { buildDebrief, debriefJson } from '../../src/debrief/index';
import { loadShipped } from '../support/scenarios';
import { checkDebrief } from './claims';

const FORCED: DisputeOption[] = ['discontinue', 'reprice', 'phase-out', 'investigate', 'joint-meeting', 'keep'];

/** The bot's own choice, discontinuing, and one more forced option that rotates with the seed. */
const optionsFor = (seed: number): (DisputeOption | undefined)[] => [undefined, 'discontinue', FORCED[1 + (seed % (FORCED.length - 1))]];

describe('every claim in a debrief matches the records', () => {
  it('two-hats: 50 seeds × every bot × three ways to settle the dispute (the bot’s own, discontinue, one rotating)', () => {
    const scenario = loadShipped('two-hats');
    const kinds = new Set<string>();
    let anchoredChains = 0;
    for (let seed = 1; seed <= 50; seed++) {
      for (const bot of BOTS) {
        for (const option of optionsFor(seed)) {
          const { steps } = playBot(scenario, seed, bot, option === undefined ? {} : { disputeOption: option });
          const debrief = buildDebrief(scenario, seed, steps);
          checkDebrief(scenario, seed, steps, debrief);
          expect(() => debriefJson(debrief)).not.toThrow();
          for (const s of debrief.swings) for (const l of s.chain) kinds.add(l.kind);
          anchoredChains += debrief.swings.filter((s) => s.chain.some((l) => l.kind === 'account-lost' && l.text.includes('was an anchor'))).length;
          if (debrief.dispute?.decision) expect(debrief.ideas.map((i) => i.idea)).toEqual([1, 2, 3, 4, 5, 7]);
        }
      }
    }
    // The checks above reached every kind of link, anchored losses included.
    for (const kind of ['decision', 'discontinued', 'account-lost', 'account-won', 'revenue-ended', 'event', 'effort', 'line-change', 'line-loss', 'morale', 'pull-forward', 'discount', 'relationships']) {
      expect(kinds, kind).toContain(kind);
    }
    expect(anchoredChains).toBeGreaterThan(20);
  });

  it.each(['solo-founder', 'divisions'])('%s: 15 seeds × every bot', (id) => {
    const scenario = loadShipped(id);
    for (let seed = 1; seed <= 15; seed++) {
      for (const bot of BOTS) {
        const { steps } = playBot(scenario, seed, bot);
        const debrief = buildDebrief(scenario, seed, steps);
        checkDebrief(scenario, seed, steps, debrief);
        expect(debrief.ideas.some((i) => i.idea === 6)).toBe(scenario.firm.structure === 'solo');
      }
    }
  });
});
