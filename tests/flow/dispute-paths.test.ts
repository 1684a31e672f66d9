// Path tests of the dispute machine on its own (xstate/graph): from a first sitting and from a
// return after an investigation, the shortest event paths reach every state node it defines,
// and each path's end is where a real actor driven along it ends. Read from the definition, so
// a new stage without a way in fails here.
import { describe, expect, it } from 'vitest';
import { createActor, type AnyStateNode, type StateValue } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { disputeMachine, type DisputeFlowEvent } from '../../src/flow/index';
import { createGame, decideDispute, resolveQuarter, type GameState } from '../../src/sim/index';
import { scenario } from './support';

/** Empty quarters until two-hats opens its dispute. */
function gameWithOpenDispute(): GameState {
  let game = createGame(scenario, scenario.defaultSeed);
  while (game.dispute?.status !== 'open') game = resolveQuarter(scenario, game, { moves: [] });
  return game;
}

const first = gameWithOpenDispute();
const afterInvestigation = resolveQuarter(scenario, decideDispute(scenario, first, 'investigate'), { moves: [] });

const EVENTS: DisputeFlowEvent[] = [
  { type: 'DISPUTE_NEXT' },
  { type: 'DISPUTE_BACK' },
  { type: 'DECIDE_DISPUTE', option: 'keep' },
  { type: 'DECIDE_DISPUTE', option: 'investigate' },
  { type: 'DECIDE_DISPUTE', option: 'joint-meeting' },
  { type: 'DECIDE_DISPUTE', option: 'maybe' as never },
];

function definedStates(): string[] {
  const paths: string[] = [];
  const visit = (node: AnyStateNode) => {
    for (const child of Object.values(node.states) as AnyStateNode[]) {
      paths.push(child.path.join('.'));
      visit(child);
    }
  };
  visit(disputeMachine.root);
  return paths.sort();
}

function stateOf(value: StateValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

describe('every state of the dispute machine is reachable', () => {
  it('from a first sitting and a return with findings, through the transient states too', () => {
    // Starting an actor enters the initial (transient) node; the inspector reports only what follows.
    const reached = new Set<string>([String(disputeMachine.config.initial)]);
    for (const game of [first, afterInvestigation]) {
      expect(game.dispute?.status).toBe('open');
      const input = { scenario, game };
      const paths = getShortestPaths(disputeMachine, {
        input,
        events: EVENTS,
        serializeState: (s) => JSON.stringify({ value: s.value, choices: s.context.choices, rejection: s.context.rejection }),
      });
      for (const path of paths) {
        const actor = createActor(disputeMachine, {
          input,
          inspect: (i) => {
            if (i.type === '@xstate.microstep' || i.type === '@xstate.snapshot') reached.add(stateOf((i.snapshot as unknown as { value: StateValue }).value));
          },
        }).start();
        for (const step of path.steps) actor.send(step.event);
        expect(actor.getSnapshot().value).toStrictEqual(path.state.value);
        expect(actor.getSnapshot().context.choices).toStrictEqual(path.state.context.choices);
        actor.stop();
      }
    }
    expect([...reached].sort()).toStrictEqual(definedStates());
  });

  it('ends a sitting only after a decision or an investigation, and outputs the choices in order', () => {
    const actor = createActor(disputeMachine, { input: { scenario, game: first } }).start();
    for (const event of [{ type: 'DISPUTE_NEXT' }, { type: 'DISPUTE_NEXT' }, { type: 'DECIDE_DISPUTE', option: 'joint-meeting' }, { type: 'DISPUTE_NEXT' }] as const) actor.send(event);
    expect(actor.getSnapshot().status).toBe('active');
    actor.send({ type: 'DECIDE_DISPUTE', option: 'reprice' });
    expect(actor.getSnapshot().value).toBe('consequences');
    actor.send({ type: 'DISPUTE_NEXT' });
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().output!.choices).toStrictEqual(['joint-meeting', 'reprice']);
    expect(actor.getSnapshot().output!.game.dispute?.option).toBe('reprice');
  });
});
