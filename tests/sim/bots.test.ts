// The bot players: every bot in BOTS, over 200 seeds of the shipped Two Hats scenario, makes
// only decisions that validateDecision accepts (and settles the dispute with a real option,
// without mutating the state it reads), and playBot finishes every game with state.finished,
// one history record and one step per quarter, and steps that replay to the same state.
//
// Why: the balance report and the simulate tool trust these bots to play legal games; a bot
// that slips an invalid move past resolveValidQuarter would make the balance figures fiction.
import { describe, expect, it } from 'vitest';
import {
  BOTS,
  DISPUTE_OPTIONS,
  botNamed,
  isFinalOption,
  playBot,
  playSteps,
  stateHash,
  validateDecision,
  type Bot,
  type DisputeOption,
} from '../../src/sim/index';
import { deepFreeze, twoHats } from './helpers';

const scenario = twoHats();
const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);

/** The same bot (same name, so the same rng stream), checking every decision it makes. */
function checked(bot: Bot, problems: string[], seed: number): Bot {
  return {
    name: bot.name,
    description: bot.description,
    decide(s, state, rng) {
      deepFreeze(state); // a bot that writes to the state it reads throws here
      const decision = bot.decide(s, state, rng);
      const verdict = validateDecision(s, state, decision);
      if (!verdict.ok) problems.push(`${bot.name} seed ${seed} quarter ${state.quarter}: ${JSON.stringify(verdict.refusal)} — ${JSON.stringify(decision.moves)}`);
      const spent = decision.moves.reduce((sum, m) => sum + m.points, 0);
      if (spent > s.effortBudget) problems.push(`${bot.name} seed ${seed} quarter ${state.quarter}: ${spent} points`);
      return decision;
    },
    settleDispute(s, state, rng) {
      deepFreeze(state);
      const option = bot.settleDispute(s, state, rng);
      if (!(DISPUTE_OPTIONS as readonly string[]).includes(option)) problems.push(`${bot.name} seed ${seed}: dispute option ${String(option)}`);
      return option;
    },
  };
}

/** Whether a scenario event opens the dispute on a fixed quarter before the last (so every game has one). */
const disputeAlwaysOpens = scenario.events.some(
  (e) => 'quarter' in e.trigger && e.trigger.quarter < scenario.quarters && e.effects.some((x) => x.type === 'dispute'),
);

describe('bots', () => {
  it('BOTS has unique names that botNamed finds', () => {
    expect(BOTS.length).toBeGreaterThan(0);
    expect(new Set(BOTS.map((b) => b.name)).size).toBe(BOTS.length);
    for (const bot of BOTS) expect(botNamed(bot.name)).toBe(bot);
    expect(botNamed('no-such-bot')).toBeUndefined();
  });

  for (const bot of BOTS) {
    it(`${bot.name}: only valid decisions over ${SEEDS.length} seeds, and every game finishes`, () => {
      const problems: string[] = [];
      for (const seed of SEEDS) {
        const { state, steps } = playBot(scenario, seed, checked(bot, problems, seed));
        expect(state.finished).toBe(true);
        expect(state.quarter).toBe(scenario.quarters + 1);
        expect(state.history).toHaveLength(scenario.quarters);
        expect(steps).toHaveLength(scenario.quarters);
        expect(state.history.map((r) => r.quarter)).toEqual(Array.from({ length: scenario.quarters }, (_, i) => i + 1));
        if (disputeAlwaysOpens) expect(state.dispute?.status).toBe('decided');
        // The wrapper must not have changed the bot's play: same game as the bare bot.
        if (seed % 20 === 0) {
          const bare = playBot(scenario, seed, bot);
          expect(stateHash(bare.state)).toBe(stateHash(state));
          expect(stateHash(playSteps(scenario, seed, steps))).toBe(stateHash(state));
        }
      }
      expect(problems.slice(0, 10)).toEqual([]);
    });
  }

  it('a forced dispute option overrides the bot’s own choice', () => {
    for (const bot of BOTS) {
      for (const option of DISPUTE_OPTIONS) {
        for (const seed of [1, 2, 3]) {
          const { state, steps } = playBot(scenario, seed, bot, { disputeOption: option as DisputeOption });
          const settled = steps.filter((s) => s.dispute !== undefined);
          if (!state.dispute) continue;
          // The forced choice comes first; after a meeting or an investigation the bot decides.
          expect(settled[0]!.dispute![0]).toBe(option);
          if (isFinalOption(option)) expect(state.dispute.option).toBe(option);
          else expect(state.dispute.option).not.toBeNull();
          if (option === 'investigate') expect(settled).toHaveLength(2);
          if (option === 'joint-meeting') expect(state.dispute.jointMeetingQuarter).toBe(state.dispute.openedInQuarter + 1);
          const line = state.products.find((p) => p.id === state.dispute?.product)!;
          if (option === 'discontinue' || option === 'phase-out') expect(line.active).toBe(false);
          if (option === 'keep' || option === 'reprice') expect(line.active).toBe(true);
        }
      }
    }
  });
});
