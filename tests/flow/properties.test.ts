// Property tests: whatever a player sends, in whatever order, the draft stays a decision the
// model accepts, and the game reached equals the model's own replay of the recorded steps.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { phaseOf, remainingBudget, type GameFlowEvent } from '../../src/flow/index';
import {
  DISPUTE_OPTIONS,
  MOVE_KINDS,
  decideDispute,
  playSteps,
  validateDecision,
  type DisputeOption,
  type Move,
  type MoveKind,
} from '../../src/sim/index';
import { scenario, startGame } from './support';

const targets = [undefined, ...scenario.products.map((p) => p.id), ...scenario.accounts.map((a) => a.id), 'nowhere'];

const move: fc.Arbitrary<Move> = fc
  .record({
    kind: fc.constantFrom<MoveKind>(...MOVE_KINDS, 'bogus' as MoveKind),
    target: fc.constantFrom(...targets),
    points: fc.oneof(fc.integer({ min: -1, max: scenario.effortBudget + 2 }), fc.constant(1.5)),
    price: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
  })
  .map(({ kind, target, points, price }) => {
    const m: Move = { kind, points };
    if (target !== undefined) m.target = target;
    if (price !== undefined) m.price = price;
    return m;
  });

const event: fc.Arbitrary<GameFlowEvent> = fc.oneof(
  { weight: 6, arbitrary: move.map((m) => ({ type: 'SET_MOVE' as const, move: m })) },
  { weight: 1, arbitrary: move.map((m) => ({ type: 'REMOVE_MOVE' as const, kind: m.kind, target: m.target })) },
  { weight: 1, arbitrary: fc.constantFrom<GameFlowEvent>({ type: 'CLEAR' }, { type: 'UNDO' }, { type: 'START' }) },
  { weight: 4, arbitrary: fc.constantFrom<GameFlowEvent>({ type: 'COMMIT' }, { type: 'NEXT' }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('keep', 'discontinue', 'later').map((option) => ({ type: 'DECIDE_DISPUTE' as const, option: option as 'keep' })),
  },
);

/**
 * A game's worth of play: each quarter some edits (stray and refused ones included), then the
 * events that move the game on, with a dispute option chosen in case one is open.
 */
const session: fc.Arbitrary<GameFlowEvent[]> = fc
  .array(fc.tuple(fc.array(event, { maxLength: 12 }), fc.constantFrom<DisputeOption>(...DISPUTE_OPTIONS)), {
    minLength: 1,
    maxLength: scenario.quarters + 2,
  })
  .map((quarters) => [
    { type: 'START' },
    ...quarters.flatMap(([edits, option]): GameFlowEvent[] => [
      ...edits,
      { type: 'COMMIT' },
      { type: 'NEXT' },
      // Enough to get through a sitting whichever way it opens; spare ones are refused or ignored.
      { type: 'DISPUTE_NEXT' },
      { type: 'DISPUTE_NEXT' },
      { type: 'DECIDE_DISPUTE', option },
      { type: 'DECIDE_DISPUTE', option: option === 'joint-meeting' ? 'keep' : option },
      { type: 'DISPUTE_NEXT' },
    ]),
  ]);

describe('any sequence of events', () => {
  it('keeps the draft valid and the game equal to the model’s replay of the steps', () => {
    const phasesSeen = new Set<string>();
    fc.assert(
      fc.property(session, fc.integer({ min: 0, max: 1000 }), (events, seed) => {
        const actor = startGame(seed);
        for (const e of events) {
          // A finished game is a final state: XState warns about events sent to it, so stop there.
          if (actor.getSnapshot().status === 'done') break;
          actor.send(e);
          const snapshot = actor.getSnapshot();
          const { context } = snapshot;
          expect(snapshot.status).not.toBe('error');
          phasesSeen.add(phaseOf(snapshot));
          if (phaseOf(snapshot) === 'planning') {
            expect(validateDecision(context.scenario, context.game, { moves: context.draft })).toStrictEqual({ ok: true });
            expect(remainingBudget(context)).toBeGreaterThanOrEqual(0);
          } else {
            expect(context.draft).toStrictEqual([]);
          }
        }
        // Steps hold whole quarters; a dispute settled since the last one waits in settledDispute.
        const { context } = actor.getSnapshot();
        const replayed = playSteps(scenario, seed, context.steps);
        const settled = context.settledDispute;
        expect(context.game).toStrictEqual(settled === null ? replayed : settled.reduce((game, option) => decideDispute(scenario, game, option), replayed));
      }),
      { numRuns: 150 },
    );
    // The generator is only worth its runs if they get through the whole game.
    expect([...phasesSeen].sort()).toStrictEqual(['dispute', 'finished', 'planning', 'review']);
  });
});
