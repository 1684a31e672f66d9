// Shared test helpers for the flow: turn recorded steps into the events a player would send,
// drive an actor with them, and compare snapshots the way a saved game must match.
import { createActor, type Snapshot } from 'xstate';
import { gameMachine, resumeGameActor, type GameFlowActor, type GameFlowEvent } from '../../src/flow/index';
import type { Step } from '../../src/sim/index';
import { loadShipped } from '../support/scenarios';

export const scenario = loadShipped('two-hats');

export function startGame(seed = scenario.defaultSeed): GameFlowActor {
  return createActor(gameMachine, { input: { scenario, seed } }).start();
}

/** The events a player sends to play `steps`, from the briefing to the finished screen. */
export function eventsFor(steps: readonly Step[]): GameFlowEvent[] {
  const events: GameFlowEvent[] = [{ type: 'START' }];
  let investigated = false;
  for (const step of steps) {
    if (step.dispute !== undefined) {
      // A first sitting hears both cases; a return after an investigation opens on the findings.
      events.push({ type: 'DISPUTE_NEXT' });
      if (!investigated) events.push({ type: 'DISPUTE_NEXT' });
      for (const option of step.dispute) events.push({ type: 'DECIDE_DISPUTE', option });
      events.push({ type: 'DISPUTE_NEXT' });
      investigated ||= step.dispute.includes('investigate');
    }
    for (const move of step.moves) events.push({ type: 'SET_MOVE', move });
    events.push({ type: 'COMMIT' }, { type: 'NEXT' });
  }
  return events;
}

export function sendAll(actor: GameFlowActor, events: readonly GameFlowEvent[]): void {
  for (const event of events) actor.send(event);
}

/** A save as it would reach storage and come back: through JSON text. */
export function saveAndRestore(actor: GameFlowActor): GameFlowActor {
  const saved = JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as Snapshot<unknown>;
  return resumeGameActor(saved).start();
}

/** What a scene can see of an actor: its state, its data, whether it is done and its output. */
export function visible(actor: GameFlowActor) {
  const snapshot = actor.getSnapshot();
  return { value: snapshot.value, status: snapshot.status, context: snapshot.context, output: snapshot.output };
}
