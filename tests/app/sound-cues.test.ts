// The game's sound cues, worked out from the snapshots a whole game sends, checked against the
// model's own records: one commit and one reveal (gain or loss on the quarter before) per quarter,
// the key-account alarm exactly in the quarters a key account was lost, the dispute's call each
// time a sitting opens, par's fanfare only when the score climbs over par or the game ends above
// it, and nothing at all for a game opened from its save.
import { describe, expect, it } from 'vitest';
import { cueStateOf, cuesBetween, type CueState, type SoundCue } from '../../src/app/sound-cues';
import { GameSession } from '../../src/app/session';
import type { GameFlowSnapshot } from '../../src/flow/index';
import { botNamed, playBot, type Scenario, type Step } from '../../src/sim/index';
import { eventsFor } from '../flow/support';
import { loadShipped } from '../support/scenarios';
import { MemoryStorage } from './memory-storage';

interface Heard {
  /** Cues by the quarter whose commit (or, for the dispute, whose planning) brought them. */
  byStep: { quarter: number; cues: SoundCue[] }[];
  final: GameFlowSnapshot;
}

async function playAndListen(scenario: Scenario, seed: number, steps: readonly Step[]): Promise<Heard> {
  const session = new GameSession(new MemoryStorage());
  let last: CueState | null = null;
  const byStep: Heard['byStep'] = [];
  session.bus.on('started', (snapshot) => (last = cueStateOf(snapshot)));
  session.bus.on('snapshot', (snapshot) => {
    const now = cueStateOf(snapshot);
    const cues = cuesBetween(last, now);
    if (cues.length > 0) byStep.push({ quarter: now.game.history.length, cues });
    last = now;
  });
  expect(await session.newGame(scenario, seed)).toEqual({ ok: true });
  for (const event of eventsFor(steps)) session.bus.emit('flow', event);
  return { byStep, final: session.snapshot()! };
}

const all = (heard: Heard) => heard.byStep.flatMap((s) => s.cues);

describe('sound cues', () => {
  for (const id of ['two-hats', 'solo-founder', 'divisions']) {
    it(`${id}: one commit and one reveal a quarter, the reveal's sign the profit's change`, async () => {
      const scenario = loadShipped(id);
      const played = playBot(scenario, 3, botNamed('balanced')!);
      const heard = await playAndListen(scenario, 3, played.steps);
      const history = heard.final.context.game.history;
      expect(history.length).toBe(scenario.quarters);
      expect(all(heard).filter((c) => c === 'commit')).toHaveLength(scenario.quarters);
      for (const record of history) {
        const step = heard.byStep.find((s) => s.quarter === record.quarter && s.cues[0] === 'commit')!;
        const before = history[record.quarter - 2]?.profit ?? 0;
        expect(step.cues[1], `quarter ${record.quarter}`).toBe(record.profit >= before ? 'gain' : 'loss');
      }
      // The dispute's call once per sitting the game held.
      expect(all(heard).filter((c) => c === 'dispute-opens')).toHaveLength(played.steps.filter((s) => s.dispute !== undefined).length);
    });
  }

  it('the key-account alarm sounds in exactly the quarters a key account was lost', async () => {
    const scenario = loadShipped('two-hats');
    // A bot that never services its accounts loses a key account on some seed: find the first.
    let found: { seed: number; steps: Step[] } | null = null;
    for (let seed = 1; seed <= 60 && found === null; seed++) {
      const played = playBot(scenario, seed, botNamed('all-marketing')!);
      const keys = new Set(played.state.accounts.filter((a) => a.key).map((a) => a.id));
      if (played.state.history.some((r) => r.lostAccounts.some((id) => keys.has(id)))) found = { seed, steps: played.steps };
    }
    expect(found, 'a seed on which a key account is lost').not.toBeNull();
    const heard = await playAndListen(scenario, found!.seed, found!.steps);
    const game = heard.final.context.game;
    const keys = new Set(game.accounts.filter((a) => a.key).map((a) => a.id));
    const lostQuarters = game.history.filter((r) => r.lostAccounts.some((id) => keys.has(id))).map((r) => r.quarter);
    expect(lostQuarters.length).toBeGreaterThan(0);
    expect(heard.byStep.filter((s) => s.cues.includes('key-account-lost')).map((s) => s.quarter)).toEqual(lostQuarters);
  });

  it("par's fanfare: only when the score climbs over par, or the game ends at or above it", async () => {
    const scenario = loadShipped('two-hats');
    for (const bot of ['balanced', 'all-sales', 'adaptive']) {
      const played = playBot(scenario, 5, botNamed(bot)!);
      const heard = await playAndListen(scenario, 5, played.steps);
      const history = heard.final.context.game.history;
      const par = scenario.scoring.par;
      const expected = history
        .filter((r, i) => r.score.total >= par && (i === history.length - 1 || (i > 0 && history[i - 1]!.score.total < par)))
        .map((r) => r.quarter);
      expect(heard.byStep.filter((s) => s.cues.includes('par-passed')).map((s) => s.quarter), bot).toEqual(expected);
    }
  });

  it('a game opened from its save, or another game started, sounds nothing', () => {
    const scenario = loadShipped('two-hats');
    const a = playBot(scenario, 1, botNamed('balanced')!).state;
    const b = playBot(scenario, 2, botNamed('balanced')!).state;
    const state = (game: typeof a): CueState => ({ phase: 'review', game, par: scenario.scoring.par });
    expect(cuesBetween(null, state(a))).toEqual([]);
    expect(cuesBetween(state(a), state(b))).toEqual([]);
    // The same game one quarter on does sound (the check above is not vacuous).
    const earlier = { ...a, history: a.history.slice(0, -1) };
    expect(cuesBetween(state(earlier), state(a))[0]).toBe('commit');
  });
});
