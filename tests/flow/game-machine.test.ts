// The game flow driven by events as a scene would: whole games, refusals, undo, the dispute,
// and the proof that the machine adds no rules — its final state is the model's own.
import { describe, expect, it } from 'vitest';
import { createActor, type Snapshot } from 'xstate';
import {
  disputeSitting,
  draftMove,
  gameMachine,
  isPlanning,
  lastRecord,
  phaseOf,
  remainingBudget,
  resumeGameActor,
  type GameFlowActor,
} from '../../src/flow/index';
import {
  BOTS,
  decideDispute,
  playBot,
  playSteps,
  resolveQuarter,
  validateDecision,
  type DisputeOption,
  type Move,
  type MoveKind,
  type MoveRefusal,
  type Scenario,
} from '../../src/sim/index';
import { refusalText } from '../../src/app/move-text';
import { eventsFor, saveAndRestore, scenario, sendAll, startGame } from './support';

const budget = scenario.effortBudget;

function planning(seed = scenario.defaultSeed): GameFlowActor {
  const actor = startGame(seed);
  actor.send({ type: 'START' });
  return actor;
}

/** Plays empty quarters until the model opens the dispute; the flow must then be in `dispute`. */
function untilDispute(actor: GameFlowActor): void {
  while (isPlanning(actor.getSnapshot())) {
    actor.send({ type: 'COMMIT' });
    actor.send({ type: 'NEXT' });
  }
}

/** Hears both cases and makes the choices, then leaves the sitting (what the dispute scene does). */
function settle(actor: GameFlowActor, ...options: DisputeOption[]): void {
  actor.send({ type: 'DISPUTE_NEXT' });
  if (disputeSitting(actor.getSnapshot())?.stage === 'salesCase') actor.send({ type: 'DISPUTE_NEXT' });
  for (const option of options) actor.send({ type: 'DECIDE_DISPUTE', option });
  actor.send({ type: 'DISPUTE_NEXT' });
}

/** The model's own verdict on the draft a SET_MOVE would make: the refusal the flow must keep. */
function modelRefusal(actor: GameFlowActor, moves: Move[]): MoveRefusal {
  const { context } = actor.getSnapshot();
  const verdict = validateDecision(context.scenario, context.game, { moves });
  if (verdict.ok) throw new Error('expected the model to refuse this draft');
  return verdict.refusal;
}

describe('a whole game through events', () => {
  for (const bot of BOTS) {
    for (const seed of [1, 7]) {
      it(`${bot.name}, seed ${seed}: reaches finished with the model's own final state`, () => {
        const played = playBot(scenario, seed, bot);
        const actor = startGame(seed);
        sendAll(actor, eventsFor(played.steps));
        const snapshot = actor.getSnapshot();
        expect(snapshot.value).toBe('finished');
        expect(snapshot.status).toBe('done');
        expect(phaseOf(snapshot)).toBe('finished');
        expect(snapshot.context.rejection).toBeNull();
        expect(snapshot.context.steps).toStrictEqual(played.steps);
        expect(snapshot.context.game).toStrictEqual(playSteps(scenario, seed, snapshot.context.steps));
        expect(snapshot.context.game).toStrictEqual(played.state);
        expect(snapshot.output).toStrictEqual({ game: snapshot.context.game, steps: snapshot.context.steps });
      });
    }
  }

  it('goes briefing → planning → review → planning, one quarter at a time', () => {
    const actor = startGame();
    expect(phaseOf(actor.getSnapshot())).toBe('briefing');
    actor.send({ type: 'SET_MOVE', move: { kind: 'research', points: 2 } });
    expect(actor.getSnapshot().context.draft).toStrictEqual([]);
    actor.send({ type: 'START' });
    expect(actor.getSnapshot().value).toStrictEqual({ quarter: 'planning' });
    expect(remainingBudget(actor.getSnapshot().context)).toBe(budget);
    expect(lastRecord(actor.getSnapshot().context)).toBeNull();

    const moves: Move[] = [
      { kind: 'campaign', target: 'house-blend', points: 4 },
      { kind: 'relationship', target: 'harbor-health', points: 3 },
    ];
    for (const move of moves) actor.send({ type: 'SET_MOVE', move });
    expect(remainingBudget(actor.getSnapshot().context)).toBe(budget - 7);
    const before = actor.getSnapshot().context.game;
    actor.send({ type: 'COMMIT' });
    const review = actor.getSnapshot();
    expect(review.value).toStrictEqual({ quarter: 'review' });
    expect(phaseOf(review)).toBe('review');
    expect(review.context.game).toStrictEqual(resolveQuarter(scenario, before, { moves }));
    expect(lastRecord(review.context)?.quarter).toBe(1);
    expect(review.context.draft).toStrictEqual([]);
    expect(review.context.steps).toStrictEqual([{ moves }]);

    actor.send({ type: 'SET_MOVE', move: { kind: 'research', points: 2 } });
    actor.send({ type: 'COMMIT' });
    expect(actor.getSnapshot()).toBe(review);

    actor.send({ type: 'NEXT' });
    expect(isPlanning(actor.getSnapshot())).toBe(true);
    expect(actor.getSnapshot().context.game.quarter).toBe(2);
  });
});

describe('planning refuses a move the model refuses', () => {
  /** Sends the move, checks the flow refused it with the model's refusal, and returns the words a screen shows for it. */
  function refuses(actor: GameFlowActor, move: Move): string {
    const before = actor.getSnapshot();
    const refusal = modelRefusal(actor, [...before.context.draft.filter((m) => m.kind !== move.kind || m.target !== move.target), move]);
    actor.send({ type: 'SET_MOVE', move });
    const after = actor.getSnapshot();
    expect(after.value).toStrictEqual({ quarter: 'planning' });
    expect(after.context.draft).toStrictEqual(before.context.draft);
    expect(after.context.earlierDrafts).toStrictEqual(before.context.earlierDrafts);
    expect(after.context.game).toBe(before.context.game);
    expect(after.context.rejection).toStrictEqual(refusal);
    return refusalText(refusal);
  }

  function withDraft(): GameFlowActor {
    const actor = planning();
    actor.send({ type: 'SET_MOVE', move: { kind: 'campaign', target: 'house-blend', points: budget - 3 } });
    actor.send({ type: 'SET_MOVE', move: { kind: 'prospecting', points: 2 } });
    return actor;
  }

  it('over budget', () => {
    const actor = withDraft();
    expect(refuses(actor, { kind: 'service', target: 'harbor-health', points: 2 })).toMatch(/budget/i);
    expect(remainingBudget(actor.getSnapshot().context)).toBe(1);
  });

  it('over budget when raising a move already planned, but a raise that fits replaces it', () => {
    const actor = withDraft();
    refuses(actor, { kind: 'prospecting', points: 4 });
    actor.send({ type: 'SET_MOVE', move: { kind: 'prospecting', points: 3 } });
    const { context } = actor.getSnapshot();
    expect(context.rejection).toBeNull();
    expect(context.draft).toStrictEqual([
      { kind: 'campaign', target: 'house-blend', points: budget - 3 },
      { kind: 'prospecting', points: 3 },
    ]);
    expect(remainingBudget(context)).toBe(0);
  });

  it('an unknown kind of move', () => {
    expect(refuses(withDraft(), { kind: 'bribery' as MoveKind, points: 1 })).toMatch(/unknown move "bribery"/i);
  });

  it('an unknown target', () => {
    const actor = withDraft();
    expect(refuses(actor, { kind: 'campaign', target: 'green-tea', points: 1 })).toMatch(/unknown product line "green-tea"/i);
    expect(refuses(actor, { kind: 'service', target: 'nobody-inc', points: 1 })).toMatch(/unknown account "nobody-inc"/i);
  });

  it('an inactive target: a product line discontinued in the dispute', () => {
    const actor = planning();
    untilDispute(actor);
    settle(actor, 'discontinue');
    const reason = refuses(actor, { kind: 'campaign', target: 'decaf', points: 2 });
    expect(reason).toMatch(/decaf.*discontinued/i);
  });

  it('bad points, a stray target or price, a move the scenario does not offer', () => {
    const actor = withDraft();
    expect(refuses(actor, { kind: 'research', points: 1.5 })).toMatch(/whole number/i);
    expect(refuses(actor, { kind: 'research', points: -1 })).toMatch(/at least 1/i);
    expect(refuses(actor, { kind: 'research', target: 'house-blend', points: 1 })).toMatch(/no target/i);
    expect(refuses(actor, { kind: 'price', target: 'decaf', points: 1 })).toMatch(/price/i);

    const noDiscounts: Scenario = { ...scenario, moves: { ...scenario.moves, discounting: { ...scenario.moves.discounting, enabled: false } } };
    const other = createActor(gameMachine, { input: { scenario: noDiscounts, seed: 1 } }).start();
    other.send({ type: 'START' });
    expect(refuses(other, { kind: 'discounting', points: 1 })).toMatch(/not available/i);
  });

  it('clears the reason on the next accepted event', () => {
    for (const accepted of [
      { type: 'SET_MOVE', move: { kind: 'research', points: 1 } },
      { type: 'REMOVE_MOVE', kind: 'prospecting' },
      { type: 'CLEAR' },
      { type: 'UNDO' },
    ] as const) {
      const actor = withDraft();
      refuses(actor, { kind: 'research', points: 99 });
      actor.send(accepted);
      expect(actor.getSnapshot().context.rejection).toBeNull();
    }
  });

  it('0 points removes a move; removing what is not there changes nothing', () => {
    const actor = withDraft();
    actor.send({ type: 'SET_MOVE', move: { kind: 'campaign', target: 'house-blend', points: 0 } });
    expect(actor.getSnapshot().context.draft).toStrictEqual([{ kind: 'prospecting', points: 2 }]);
    const depth = actor.getSnapshot().context.earlierDrafts.length;
    actor.send({ type: 'REMOVE_MOVE', kind: 'brand' });
    expect(actor.getSnapshot().context.draft).toStrictEqual([{ kind: 'prospecting', points: 2 }]);
    expect(actor.getSnapshot().context.earlierDrafts).toHaveLength(depth);
  });

  it('keeps only a move’s own fields, so the recorded step is plain data', () => {
    const actor = planning();
    const sloppy = { kind: 'research', points: 2, target: undefined, note: 'from a slider' } as Move;
    actor.send({ type: 'SET_MOVE', move: sloppy });
    expect(actor.getSnapshot().context.draft).toStrictEqual([{ kind: 'research', points: 2 }]);
    expect(draftMove(actor.getSnapshot().context, { kind: 'research' })).toStrictEqual({ kind: 'research', points: 2 });
  });

  it('COMMIT refuses a draft the model refuses (a save edited by hand) and stays in planning', () => {
    const actor = planning();
    const saved = JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as { context: { draft: Move[] } };
    saved.context.draft = [{ kind: 'prospecting', points: budget + 5 }];
    const tampered = resumeGameActor(saved as unknown as Snapshot<unknown>).start();
    const before = tampered.getSnapshot();
    tampered.send({ type: 'COMMIT' });
    const after = tampered.getSnapshot();
    expect(after.value).toStrictEqual({ quarter: 'planning' });
    expect(after.context.game).toStrictEqual(before.context.game);
    expect(after.context.steps).toStrictEqual([]);
    expect(after.context.rejection).toStrictEqual(modelRefusal(tampered, saved.context.draft));
  });
});

describe('undo within the quarter', () => {
  it('steps back through every edit, in reverse', () => {
    const actor = planning();
    const a: Move = { kind: 'campaign', target: 'house-blend', points: 4 };
    const b: Move = { kind: 'prospecting', points: 5 };
    const drafts: Move[][] = [];
    const edit = (event: Parameters<GameFlowActor['send']>[0]) => {
      drafts.push(actor.getSnapshot().context.draft);
      actor.send(event);
    };
    edit({ type: 'SET_MOVE', move: a });
    edit({ type: 'SET_MOVE', move: b });
    edit({ type: 'SET_MOVE', move: { ...a, points: 6 } });
    edit({ type: 'REMOVE_MOVE', kind: 'prospecting' });
    edit({ type: 'CLEAR' });
    expect(actor.getSnapshot().context.draft).toStrictEqual([]);

    // A refusal is not an edit: nothing to undo.
    actor.send({ type: 'SET_MOVE', move: { kind: 'research', points: budget + 1 } });
    expect(actor.getSnapshot().context.earlierDrafts).toHaveLength(drafts.length);

    while (drafts.length > 0) {
      expect(actor.getSnapshot().can({ type: 'UNDO' })).toBe(true);
      actor.send({ type: 'UNDO' });
      expect(actor.getSnapshot().context.draft).toStrictEqual(drafts.pop());
    }
    expect(actor.getSnapshot().can({ type: 'UNDO' })).toBe(false);
    const bottom = actor.getSnapshot();
    actor.send({ type: 'UNDO' });
    expect(actor.getSnapshot()).toBe(bottom);
  });

  it('takes edits of one slot in a row as one change: five presses of + are undone at once', () => {
    const actor = planning();
    actor.send({ type: 'SET_MOVE', move: { kind: 'prospecting', points: 2 } });
    const before = actor.getSnapshot().context.draft;
    for (let points = 1; points <= 5; points++) actor.send({ type: 'SET_MOVE', move: { kind: 'campaign', target: 'house-blend', points } });
    // Another target of the same kind is another slot: a change of its own.
    actor.send({ type: 'SET_MOVE', move: { kind: 'campaign', target: 'cold-brew', points: 1 } });
    actor.send({ type: 'SET_MOVE', move: { kind: 'campaign', target: 'cold-brew', points: 2 } });
    expect(actor.getSnapshot().context.earlierDrafts).toHaveLength(3);
    actor.send({ type: 'UNDO' });
    expect(actor.getSnapshot().context.draft).toStrictEqual([...before, { kind: 'campaign', target: 'house-blend', points: 5 }]);
    actor.send({ type: 'UNDO' });
    expect(actor.getSnapshot().context.draft).toStrictEqual(before);
    // After an undo, a further edit of the same slot starts a new change.
    actor.send({ type: 'SET_MOVE', move: { kind: 'prospecting', points: 3 } });
    actor.send({ type: 'UNDO' });
    expect(actor.getSnapshot().context.draft).toStrictEqual(before);
  });

  it('stops at the commit: a resolved quarter cannot be undone', () => {
    const actor = planning();
    actor.send({ type: 'SET_MOVE', move: { kind: 'research', points: 3 } });
    actor.send({ type: 'COMMIT' });
    expect(actor.getSnapshot().can({ type: 'UNDO' })).toBe(false);
    const review = actor.getSnapshot();
    actor.send({ type: 'UNDO' });
    expect(actor.getSnapshot()).toBe(review);
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().can({ type: 'UNDO' })).toBe(false);
    expect(actor.getSnapshot().context.draft).toStrictEqual([]);
  });
});

describe('the discontinuation dispute', () => {
  it('is entered when the model opens it (by quarter 5 in two-hats): marketing’s case, sales’ case, the options, the consequences', () => {
    const actor = planning();
    untilDispute(actor);
    const inDispute = actor.getSnapshot();
    expect(inDispute.value).toBe('dispute');
    expect(phaseOf(inDispute)).toBe('dispute');
    const game = inDispute.context.game;
    expect(game.dispute?.status).toBe('open');
    expect(game.dispute!.openedInQuarter).toBeLessThanOrEqual(5);
    expect(game.quarter).toBe(game.dispute!.openedInQuarter + 1);
    const stage = () => disputeSitting(actor.getSnapshot())?.stage;
    expect(stage()).toBe('marketingCase');

    // Nothing else moves the game on while the dispute is open, and no choice before the cases are heard.
    for (const event of [{ type: 'SET_MOVE', move: { kind: 'research', points: 1 } }, { type: 'COMMIT' }, { type: 'NEXT' }, { type: 'START' }, { type: 'DECIDE_DISPUTE', option: 'keep' }] as const) {
      actor.send(event);
      expect(actor.getSnapshot().context.game).toBe(game);
      expect(stage()).toBe('marketingCase');
    }
    actor.send({ type: 'DISPUTE_NEXT' });
    expect(stage()).toBe('salesCase');
    actor.send({ type: 'DISPUTE_BACK' });
    expect(stage()).toBe('marketingCase');
    actor.send({ type: 'DISPUTE_NEXT' });
    actor.send({ type: 'DISPUTE_NEXT' });
    expect(stage()).toBe('options');

    actor.send({ type: 'DECIDE_DISPUTE', option: 'shrug' as never });
    expect(stage()).toBe('options');
    expect(refusalText(disputeSitting(actor.getSnapshot())!.context.rejection!)).toMatch(/unknown way to settle the dispute: "shrug"/i);

    // A joint meeting first: the sitting stays on the options, with collaboration up.
    actor.send({ type: 'DECIDE_DISPUTE', option: 'joint-meeting' });
    expect(stage()).toBe('options');
    const sitting = disputeSitting(actor.getSnapshot())!.context;
    expect(sitting.rejection).toBeNull();
    expect(sitting.game.collaboration).toBeGreaterThan(game.collaboration);
    actor.send({ type: 'DECIDE_DISPUTE', option: 'joint-meeting' });
    expect(refusalText(disputeSitting(actor.getSnapshot())!.context.rejection!)).toMatch(/already been held/);

    actor.send({ type: 'DECIDE_DISPUTE', option: 'keep' });
    expect(stage()).toBe('consequences');
    actor.send({ type: 'DISPUTE_NEXT' });
    const after = actor.getSnapshot();
    expect(after.value).toStrictEqual({ quarter: 'planning' });
    expect(after.context.game).toStrictEqual(decideDispute(scenario, decideDispute(scenario, game, 'joint-meeting'), 'keep'));
    // The meeting's two points are taken from the quarter's budget.
    expect(remainingBudget(after.context)).toBe(scenario.effortBudget - 2);

    actor.send({ type: 'COMMIT' });
    expect(actor.getSnapshot().context.steps.at(-1)).toStrictEqual({ dispute: ['joint-meeting', 'keep'], moves: [] });
    actor.send({ type: 'NEXT' });
    expect(isPlanning(actor.getSnapshot())).toBe(true);
  });

  it('investigating first brings the dispute back a quarter later, opening on the findings', () => {
    const actor = planning();
    untilDispute(actor);
    settle(actor, 'investigate');
    expect(isPlanning(actor.getSnapshot())).toBe(true);
    expect(actor.getSnapshot().context.game.dispute?.status).toBe('investigating');
    actor.send({ type: 'COMMIT' });
    actor.send({ type: 'NEXT' });
    expect(phaseOf(actor.getSnapshot())).toBe('dispute');
    expect(disputeSitting(actor.getSnapshot())?.stage).toBe('findings');
    const findings = actor.getSnapshot().context.game.dispute!.investigation!;
    expect(findings.low).toBeLessThanOrEqual(findings.estimate);
    expect(findings.high).toBeGreaterThanOrEqual(findings.estimate);
    settle(actor, 'phase-out');
    const steps = actor.getSnapshot().context;
    expect(steps.game.dispute?.option).toBe('phase-out');
    actor.send({ type: 'COMMIT' });
    expect(actor.getSnapshot().context.steps.filter((s) => s.dispute !== undefined).map((s) => s.dispute)).toStrictEqual([['investigate'], ['phase-out']]);
  });

  it('a save taken mid-sitting resumes at the same stage with the same choices', () => {
    const actor = planning();
    untilDispute(actor);
    actor.send({ type: 'DISPUTE_NEXT' });
    actor.send({ type: 'DISPUTE_NEXT' });
    actor.send({ type: 'DECIDE_DISPUTE', option: 'joint-meeting' });
    const resumed = saveAndRestore(actor);
    const sitting = disputeSitting(resumed.getSnapshot())!;
    expect(sitting.stage).toBe('options');
    expect(sitting.context.choices).toStrictEqual(['joint-meeting']);
    resumed.send({ type: 'DECIDE_DISPUTE', option: 'discontinue' });
    resumed.send({ type: 'DISPUTE_NEXT' });
    expect(isPlanning(resumed.getSnapshot())).toBe(true);
    expect(resumed.getSnapshot().context.game.dispute?.option).toBe('discontinue');
  });

  it('is reached by every bot, and the decision lands in the next quarter’s step', () => {
    for (const bot of BOTS) {
      const played = playBot(scenario, 3, bot);
      const actor = startGame(3);
      let sawDispute = false;
      for (const event of eventsFor(played.steps)) {
        if (event.type === 'DECIDE_DISPUTE') {
          expect(actor.getSnapshot().value).toBe('dispute');
          sawDispute = true;
        }
        actor.send(event);
      }
      expect(sawDispute).toBe(true);
      expect(actor.getSnapshot().context.steps.filter((s) => s.dispute !== undefined)).toStrictEqual(played.steps.filter((s) => s.dispute !== undefined));
      expect(actor.getSnapshot().context.game).toStrictEqual(played.state);
    }
  });
});
