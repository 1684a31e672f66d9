// The same-draw fork: identical randomness, only the decision differs. The fork's state before
// the dispute is the original's, the luck tables are equal, forking to the original decision
// reproduces the original game exactly, another decision changes nothing before the dispute
// quarter, and on strong-anchor seeds keeping instead of discontinuing keeps the account more often.
import { describe, expect, it } from 'vitest';
import { BOTS, FINAL_DISPUTE_OPTIONS, botNamed, createGame, isFinalOption, playBot, playSteps, stateHash, type DisputeOption, type Scenario } from '../../src/sim/index';
import { DebriefError, forkAlternatives, forkAtDispute, isActualChoice, playFork, skippedBeforeDecision } from '../../src/debrief/index';
import { loadShipped } from '../support/scenarios';

const scenario = loadShipped('two-hats');
const balanced = botNamed('balanced')!;

describe('the same-draw fork', () => {
  it('starts from the original state before the dispute, with the same luck table, on every bot and option', () => {
    for (let seed = 1; seed <= 10; seed++) {
      for (const bot of BOTS) {
        const { steps, state } = playBot(scenario, seed, bot);
        if (!steps.some((s) => s.dispute)) continue;
        for (const alternative of FINAL_DISPUTE_OPTIONS) {
          let fork;
          try {
            fork = playFork(scenario, seed, steps, alternative);
          } catch (error) {
            // Only an option not open at that sitting may refuse, with the reason.
            expect(error).toBeInstanceOf(DebriefError);
            expect((error as Error).message).toMatch(/cannot choose/);
            continue;
          }
          const before = playSteps(scenario, seed, steps.slice(0, fork.at));
          expect(stateHash(fork.beforeDispute)).toBe(stateHash(before));
          expect(fork.final.luck).toEqual(state.luck);
          expect(fork.final.luck).toEqual(createGame(scenario, seed).luck);
          expect(fork.final.finished).toBe(true);
          expect(fork.final.history).toHaveLength(scenario.quarters);
          expect(fork.final.dispute!.option).toBe(alternative);
        }
      }
    }
  });

  it('forking to the original decision reproduces the original game exactly, with no move dropped', () => {
    let checked = 0;
    for (let seed = 1; seed <= 30; seed++) {
      for (const option of ['discontinue', 'keep', 'reprice', 'phase-out', 'joint-meeting'] as DisputeOption[]) {
        const { steps, state } = playBot(scenario, seed, balanced, { disputeOption: option });
        const first = steps.find((s) => s.dispute)?.dispute;
        if (!first) continue;
        const decision = first[first.length - 1]!;
        if (!isFinalOption(decision)) continue;
        const fork = forkAtDispute(scenario, seed, steps, decision, first[0] === 'joint-meeting');
        expect(fork.fork.stateHash).toBe(stateHash(state));
        expect(fork.original.stateHash).toBe(stateHash(state));
        expect(fork.fork).toEqual(fork.original);
        expect(fork.droppedMoves).toBe(0);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('another decision differs only from the dispute quarter on', () => {
    let differed = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const { steps, state } = playBot(scenario, seed, balanced, { disputeOption: 'discontinue' });
      const fork = playFork(scenario, seed, steps, 'keep');
      const from = fork.beforeDispute.quarter;
      expect(fork.final.history.slice(0, from - 1)).toEqual(state.history.slice(0, from - 1));
      expect(fork.final.dispute!.choices).toEqual([{ quarter: from, option: 'keep' }]);
      const summary = forkAtDispute(scenario, seed, steps, 'keep');
      expect(summary.fromQuarter).toBe(from);
      expect(summary.original.perQuarter.slice(0, from - 1)).toEqual(summary.fork.perQuarter.slice(0, from - 1));
      if (summary.fork.stateHash !== summary.original.stateHash) differed++;
      expect(summary.original.choices).toEqual(['discontinue']);
      expect(summary.fork.choices).toEqual(['keep']);
      expect(summary.rule).toMatch(/dropped/);
    }
    expect(differed).toBe(30);
  });

  it('counts moves that no longer fit: phase-out takes migration effort, so later plans are cut', () => {
    let dropped = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const { steps } = playBot(scenario, seed, balanced, { disputeOption: 'keep' });
      const fork = forkAtDispute(scenario, seed, steps, 'phase-out');
      // The balanced bot plans the full budget; two quarters of a migration plan take 2 points each.
      expect(fork.droppedMoves).toBeGreaterThan(0);
      dropped += fork.droppedMoves;
    }
    expect(dropped).toBeGreaterThan(10);
  });

  it('skips later sittings of the original: an investigated game forks at the investigation', () => {
    const { steps, state } = playBot(scenario, 4, balanced, { disputeOption: 'investigate' });
    expect(state.dispute!.choices.length).toBeGreaterThanOrEqual(2);
    const fork = playFork(scenario, 4, steps, 'discontinue');
    expect(fork.beforeDispute.quarter).toBe(state.dispute!.choices[0]!.quarter);
    expect(fork.final.dispute!.choices).toEqual([{ quarter: fork.beforeDispute.quarter, option: 'discontinue' }]);
    expect(fork.final.finished).toBe(true);
  });

  it('on strong-anchor seeds, keeping instead of discontinuing keeps the account more often', () => {
    let original = 0;
    let forked = 0;
    let games = 0;
    for (let seed = 1; games < 60 && seed <= 1000; seed++) {
      const harbor = createGame(scenario, seed).accounts.find((a) => a.id === 'harbor-health')!;
      if (harbor.buys.find((b) => b.product === 'decaf')!.anchor < 0.7) continue;
      const { steps } = playBot(scenario, seed, balanced, { disputeOption: 'discontinue' });
      if (!steps.some((s) => s.dispute)) continue;
      const fork = forkAtDispute(scenario, seed, steps, 'keep');
      games++;
      if (fork.original.accountLost) original++;
      if (fork.fork.accountLost) forked++;
    }
    expect(games).toBe(60);
    // Measured: about 56 of 60 lost after discontinuing, about 21 after keeping.
    expect(forked).toBeLessThan(original * 0.75);
  });

  it('refuses with a clear error when there was no dispute, or the alternative is not open there', () => {
    const calm: Scenario = { ...scenario, events: scenario.events.filter((e) => !e.effects.some((x) => x.type === 'dispute')) };
    const { steps } = playBot(calm, 1, balanced);
    expect(() => forkAtDispute(calm, 1, steps, 'keep')).toThrow(/No dispute took place/);
    // A dispute settled in Q9 leaves no room for a two-quarter phase-out.
    const late: Scenario = {
      ...scenario,
      events: scenario.events
        .filter((e) => e.id !== 'decaf-review')
        .map((e) => (e.id === 'decaf-deadline' ? { ...e, trigger: { quarter: 8 } } : e)),
    };
    const game = playBot(late, 1, balanced, { disputeOption: 'keep' });
    expect(game.state.dispute!.choices[0]!.quarter).toBe(9);
    // The screen offers only what the fork can do there.
    expect(forkAlternatives(late, 1, game.steps)).toEqual(['discontinue', 'keep', 'reprice']);
    expect(forkAlternatives(scenario, 1, playBot(scenario, 1, balanced).steps)).toEqual(['discontinue', 'keep', 'reprice', 'phase-out']);
    expect(forkAlternatives(calm, 1, steps)).toEqual([]);
    expect(() => forkAtDispute(late, 1, game.steps, 'phase-out')).toThrow(/cannot choose “Phase out over two quarters” in Q9: Phase out: fewer than two quarters are left/);
  });

  it('knows which fork would replay the game itself: only the first sitting’s exact choices', () => {
    const kept = playBot(scenario, 1, balanced, { disputeOption: 'keep' }).steps;
    expect(FINAL_DISPUTE_OPTIONS.filter((o) => isActualChoice(kept, o))).toEqual(['keep']);
    // After a joint meeting, deciding the same without the meeting is a different game.
    const heard = playBot(scenario, 1, balanced, { disputeOption: 'joint-meeting' }).steps;
    const decided = heard.find((s) => s.dispute)!.dispute!;
    expect(decided[0]).toBe('joint-meeting');
    expect(FINAL_DISPUTE_OPTIONS.filter((o) => isActualChoice(heard, o))).toEqual([]);
    expect(FINAL_DISPUTE_OPTIONS.filter((o) => isActualChoice(heard, o, true))).toEqual([decided[1]]);
    // An investigation decided nothing at the first sitting: every decision there is a fork.
    const investigated = playBot(scenario, 1, balanced, { disputeOption: 'investigate' }).steps;
    expect(investigated.find((s) => s.dispute)!.dispute).toEqual(['investigate']);
    expect(FINAL_DISPUTE_OPTIONS.filter((o) => isActualChoice(investigated, o))).toEqual([]);
    // Those forks include the game's own decision taken at once, which leaves out what came first.
    expect(FINAL_DISPUTE_OPTIONS.map((o) => skippedBeforeDecision(kept, o))).toEqual([null, null, null, null]);
    expect(FINAL_DISPUTE_OPTIONS.filter((o) => skippedBeforeDecision(heard, o) === 'joint-meeting')).toEqual([decided[1]]);
    const finalChoice = investigated.filter((s) => s.dispute).at(-1)!.dispute!.at(-1)!;
    expect(FINAL_DISPUTE_OPTIONS.map((o) => skippedBeforeDecision(investigated, o))).toEqual(FINAL_DISPUTE_OPTIONS.map((o) => (o === finalChoice ? 'investigate' : null)));
  });
});
