// Saved games: a snapshot from getPersistedSnapshot(), sent through JSON text and restored
// with createActor, must resume exactly — same screen, same data, and the same future.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GameFlowActor, GameFlowEvent } from '../../src/flow/index';
import { phaseOf } from '../../src/flow/index';
import { botNamed, playBot, playSteps } from '../../src/sim/index';
import { eventsFor, saveAndRestore, scenario, sendAll, startGame, visible } from './support';

const seed = 1;
const balanced = botNamed('balanced')!;
const played = playBot(scenario, seed, balanced);
const events = eventsFor(played.steps);

/** The events with a refused move and an undo slipped into the first quarter's planning. */
function withDetour(): { events: GameFlowEvent[]; midPlanning: number } {
  const firstCommit = events.findIndex((e) => e.type === 'COMMIT');
  const detour: GameFlowEvent[] = [
    { type: 'SET_MOVE', move: { kind: 'alignment', points: 1 } },
    { type: 'UNDO' },
    { type: 'SET_MOVE', move: { kind: 'research', points: scenario.effortBudget + 1 } },
  ];
  // Cut before the last of the first quarter's moves: a draft, an undo stack and a refusal.
  const at = firstCommit - 1;
  return { events: [...events.slice(0, at), ...detour, ...events.slice(at)], midPlanning: at + detour.length };
}

function resumesExactly(all: readonly GameFlowEvent[], cut: number): { original: GameFlowActor; restored: GameFlowActor } {
  const original = startGame(seed);
  sendAll(original, all.slice(0, cut));
  const restored = saveAndRestore(original);
  expect(visible(restored)).toStrictEqual(visible(original));
  sendAll(original, all.slice(cut));
  sendAll(restored, all.slice(cut));
  expect(visible(restored)).toStrictEqual(visible(original));
  return { original, restored };
}

describe('a saved game resumes exactly', () => {
  const detour = withDetour();
  const firstReview = detour.events.findIndex((e) => e.type === 'COMMIT') + 1;
  const dispute = detour.events.findIndex((e) => e.type === 'DECIDE_DISPUTE');
  const checkpoints: [string, number, string][] = [
    ['briefing', 0, 'briefing'],
    ['mid-planning with a draft, undo stack and refusal', detour.midPlanning, 'planning'],
    ['review', firstReview, 'review'],
    ['dispute', dispute, 'dispute'],
    ['finished', detour.events.length, 'finished'],
  ];

  for (const [name, cut, phase] of checkpoints) {
    it(`from ${name}`, () => {
      const probe = startGame(seed);
      sendAll(probe, detour.events.slice(0, cut));
      expect(phaseOf(probe.getSnapshot())).toBe(phase);
      if (name.startsWith('mid-planning')) {
        const { context } = probe.getSnapshot();
        expect(context.draft.length).toBeGreaterThan(0);
        expect(context.earlierDrafts.length).toBeGreaterThan(0);
        expect(context.rejection).not.toBeNull();
      }

      const { restored } = resumesExactly(detour.events, cut);
      const end = restored.getSnapshot();
      expect(end.status).toBe('done');
      expect(end.context.steps).toStrictEqual(played.steps);
      expect(end.context.game).toStrictEqual(playSteps(scenario, seed, end.context.steps));
    });
  }

  it('after a refused dispute option, with the reason still showing', () => {
    const all: GameFlowEvent[] = [...detour.events.slice(0, dispute), { type: 'DECIDE_DISPUTE', option: 'later' as never }, ...detour.events.slice(dispute)];
    const { original } = resumesExactly(all, dispute + 1);
    expect(original.getSnapshot().status).toBe('done');
  });

  it('a save of a save is the same save', () => {
    const original = startGame(seed);
    sendAll(original, detour.events.slice(0, detour.midPlanning));
    const once = saveAndRestore(original);
    const twice = saveAndRestore(once);
    expect(JSON.stringify(twice.getPersistedSnapshot())).toBe(JSON.stringify(once.getPersistedSnapshot()));
  });

  it('from any point of any game (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: events.length }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (cut, otherSeed) => {
        const game = playBot(scenario, otherSeed, balanced);
        const all = eventsFor(game.steps);
        const original = startGame(otherSeed);
        sendAll(original, all.slice(0, Math.min(cut, all.length)));
        const restored = saveAndRestore(original);
        expect(visible(restored)).toStrictEqual(visible(original));
        sendAll(restored, all.slice(Math.min(cut, all.length)));
        expect(restored.getSnapshot().context.game).toStrictEqual(game.state);
      }),
      { numRuns: 40 },
    );
  });
});
