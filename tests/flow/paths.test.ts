// Path tests: the shortest event paths from the briefing reach every state node of the game
// machine, and a real actor driven along each path ends where the search says. The set of
// states is read from the machine definition, so a new state without a path fails.
//
// The search is xstate/graph's breadth-first one, run on real actors: the game machine invokes
// the dispute machine, and xstate/graph's pure traversal does not run invoked actors, so it
// could never get through a dispute sitting. (The dispute machine, which invokes nothing, has
// its own xstate/graph path test in dispute-paths.test.ts.)
import { describe, expect, it } from 'vitest';
import { createActor, type AnyStateNode, type StateValue } from 'xstate';
import { disputeSitting, gameMachine, type GameFlowEvent, type GameFlowSnapshot } from '../../src/flow/index';
import { scenario } from './support';

const seed = scenario.defaultSeed;
const budget = scenario.effortBudget;

/** One of each kind of event a player can send, accepted and refused alike. */
const EVENTS: GameFlowEvent[] = [
  { type: 'START' },
  { type: 'SET_MOVE', move: { kind: 'campaign', target: 'house-blend', points: 5 } },
  { type: 'SET_MOVE', move: { kind: 'prospecting', points: budget + 1 } },
  { type: 'REMOVE_MOVE', kind: 'campaign', target: 'house-blend' },
  { type: 'CLEAR' },
  { type: 'UNDO' },
  { type: 'COMMIT' },
  { type: 'NEXT' },
  { type: 'DISPUTE_NEXT' },
  { type: 'DISPUTE_BACK' },
  { type: 'DECIDE_DISPUTE', option: 'keep' },
  { type: 'DECIDE_DISPUTE', option: 'investigate' },
  { type: 'DECIDE_DISPUTE', option: 'joint-meeting' },
  { type: 'DECIDE_DISPUTE', option: 'maybe' as never },
];

/**
 * The graph's notion of "the same state": where the game is, not every figure in it. The
 * figures come from the model; the flow's own choices depend only on these fields, and
 * keeping them few keeps the graph finite (the undo stack alone could grow without end).
 */
function abstractState(snapshot: GameFlowSnapshot): string {
  const { context } = snapshot;
  return JSON.stringify({
    value: snapshot.value,
    quarter: context.game.quarter,
    dispute: context.game.dispute?.status ?? null,
    // Where the dispute sitting is (its own machine's stage and choices), so the graph sees it move.
    sitting: disputeSitting(snapshot) && { stage: disputeSitting(snapshot)!.stage, choices: disputeSitting(snapshot)!.context.choices },
    draft: context.draft,
    canUndo: context.earlierDrafts.length > 0,
    rejection: context.rejection,
  });
}

/** Every state node's path ("quarter.planning"), from the machine definition. */
function definedStates(): Set<string> {
  const paths = new Set<string>();
  const visit = (node: AnyStateNode) => {
    for (const child of Object.values(node.states) as AnyStateNode[]) {
      paths.add(child.path.join('.'));
      visit(child);
    }
  };
  visit(gameMachine.root);
  return paths;
}

/** The state node paths a state value is in, ancestors included. */
function statesIn(value: StateValue, prefix: string[] = []): string[] {
  if (typeof value === 'string') return [[...prefix, value].join('.')];
  return Object.entries(value).flatMap(([key, child]) => [
    [...prefix, key].join('.'),
    ...(child === undefined ? [] : statesIn(child, [...prefix, key])),
  ]);
}

interface Path {
  state: GameFlowSnapshot;
  steps: { event: GameFlowEvent; state: GameFlowSnapshot }[];
}

function play(events: readonly GameFlowEvent[]) {
  const actor = createActor(gameMachine, { input: { scenario, seed } }).start();
  for (const event of events) actor.send(event);
  return actor;
}

/** Breadth-first over abstract states: the shortest event path to each, as xstate/graph finds them. */
function shortestPaths(): Path[] {
  const start = play([]);
  const found = new Map<string, Path>([[abstractState(start.getSnapshot()), { state: start.getSnapshot(), steps: [] }]]);
  start.stop();
  let frontier = [...found.values()];
  while (frontier.length > 0) {
    const next: Path[] = [];
    for (const path of frontier) {
      if (path.state.status === 'done') continue;
      for (const event of EVENTS) {
        const actor = play(path.steps.map((s) => s.event));
        actor.send(event);
        const state = actor.getSnapshot();
        actor.stop();
        const key = abstractState(state);
        if (found.has(key)) continue;
        const extended = { state, steps: [...path.steps, { event, state }] };
        found.set(key, extended);
        next.push(extended);
      }
    }
    frontier = next;
  }
  return [...found.values()];
}

describe('every state of the game machine is reachable', () => {
  const paths = shortestPaths();

  it('finds paths to the briefing, planning, review, the dispute and the end', () => {
    const ends = new Set(paths.flatMap((path) => statesIn(path.state.value)));
    expect(ends).toContain('dispute');
    expect(ends).toContain('finished');
    expect(ends).toContain('quarter.review');
  });

  it('reaches every state node the machine defines, passing through the transient ones', () => {
    const reached = new Set<string>();
    for (const path of paths) {
      // A real actor, inspected microstep by microstep: transient states (resolving) never
      // rest in a snapshot, but the actor passes through them and the inspector sees it.
      const actor = createActor(gameMachine, {
        input: { scenario, seed },
        inspect: (inspection) => {
          // The game machine's own steps only, not its dispute sitting's (tested on its own).
          const own = inspection.actorRef.sessionId === inspection.rootId;
          if (own && (inspection.type === '@xstate.microstep' || inspection.type === '@xstate.snapshot')) {
            for (const state of statesIn((inspection.snapshot as GameFlowSnapshot).value)) reached.add(state);
          }
        },
      }).start();
      for (const step of path.steps) actor.send(step.event);
      expect(abstractState(actor.getSnapshot())).toBe(abstractState(path.state));
      actor.stop();
    }
    expect([...reached].sort()).toStrictEqual([...definedStates()].sort());
  });

  it('never rests in resolving: a save can not catch a half-resolved quarter', () => {
    const resting = paths.flatMap((path) => [path.state, ...path.steps.map((step) => step.state)]);
    expect(resting.some((snapshot) => snapshot.matches({ quarter: 'resolving' }))).toBe(false);
    expect(resting.some((snapshot) => snapshot.matches({ quarter: 'planning' }))).toBe(true);
  });

  it('the shortest way to the end plays every quarter and settles the dispute once', () => {
    const toEnd = paths.find((path) => path.state.matches('finished'))!;
    const types = toEnd.steps.map((step) => step.event.type);
    expect(types.filter((t) => t === 'COMMIT')).toHaveLength(scenario.quarters);
    expect(types.filter((t) => t === 'DECIDE_DISPUTE')).toHaveLength(1);
    expect(toEnd.state.status).toBe('done');
  });
});
