// A game started from steps already played (a live workshop group rejoining on a device, or put
// back in line with the server's record) is the game playSteps gives, at the right screen.
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { gameMachine, phaseOf } from '../../src/flow/index';
import { botNamed, playBot, playSteps } from '../../src/sim/index';
import { loadShipped } from '../support/scenarios';

const scenario = loadShipped('two-hats');
const played = playBot(scenario, 31, botNamed('balanced')!);

function startAt(count: number) {
  const actor = createActor(gameMachine, { input: { scenario, seed: 31, steps: played.steps.slice(0, count) } });
  actor.start();
  actor.send({ type: 'START' });
  return actor.getSnapshot();
}

describe('a game started from steps already played', () => {
  it('plans the next quarter with the state playSteps gives and the steps kept for its result code', () => {
    const snapshot = startAt(2);
    expect(phaseOf(snapshot)).toBe('planning');
    expect(snapshot.context.game).toEqual(playSteps(scenario, 31, played.steps.slice(0, 2)));
    expect(snapshot.context.steps).toEqual(played.steps.slice(0, 2));
  });

  it('opens the dispute when the steps leave one open, and the final results when they end the game', () => {
    const opensAt = played.steps.findIndex((step) => step.dispute !== undefined);
    expect(opensAt).toBeGreaterThan(0);
    expect(phaseOf(startAt(opensAt))).toBe('dispute');
    const over = startAt(played.steps.length);
    expect(phaseOf(over)).toBe('finished');
    expect(over.context.game).toEqual(played.state);
  });

  it('starts with no steps exactly as a new game does', () => {
    const fresh = createActor(gameMachine, { input: { scenario, seed: 31 } }).start();
    fresh.send({ type: 'START' });
    expect(startAt(0).context).toEqual(fresh.getSnapshot().context);
  });
});
