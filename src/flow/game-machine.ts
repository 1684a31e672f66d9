// The game's flow as an XState machine: briefing → quarters (planning → resolving → review)
// → finished, with the discontinuation dispute between quarters when the model opens one.
// It only sequences: every figure and every verdict comes from the model's pure functions
// (validateDecision, resolveQuarter, decideDispute), so a game played through this machine
// ends in exactly the state playSteps computes from the recorded steps.
import { assertEvent, assign, createActor, setup, type Actor, type Snapshot, type SnapshotFrom } from 'xstate';
import {
  DISPUTE_OPTIONS,
  createGame,
  decideDispute,
  effortOf,
  resolveQuarter,
  validateDecision,
  type DisputeOption,
  type GameState,
  type Move,
  type QuarterRecord,
  type Scenario,
  type Step,
  type Verdict,
} from '../sim/index';
import { sameDraft, sameSlot, withMove, withoutMove, type MoveSlot } from './draft';

export interface GameFlowInput {
  scenario: Scenario;
  seed: number;
}

export interface GameFlowContext {
  /** Kept in the context so a persisted snapshot resumes on the scenario it was started with. */
  scenario: Scenario;
  game: GameState;
  /** The moves planned for the quarter `game.quarter`; always a valid decision. */
  draft: Move[];
  /** Earlier drafts of this quarter, newest last: what UNDO steps back through. */
  earlierDrafts: Move[][];
  /** Why the last SET_MOVE, COMMIT or DECIDE_DISPUTE was refused; null once an event is accepted. */
  rejection: string | null;
  /** The option chosen in the dispute just settled; it belongs to the next quarter's step. */
  settledDispute: DisputeOption | null;
  /** Every quarter played, in the shape of the model's Step: what a replay stores. */
  steps: Step[];
}

export type GameFlowEvent =
  | { type: 'START' }
  | { type: 'SET_MOVE'; move: Move }
  | { type: 'REMOVE_MOVE'; kind: MoveSlot['kind']; target?: string }
  | { type: 'CLEAR' }
  | { type: 'UNDO' }
  | { type: 'COMMIT' }
  | { type: 'NEXT' }
  | { type: 'DECIDE_DISPUTE'; option: DisputeOption };

export interface GameFlowOutput {
  game: GameState;
  steps: Step[];
}

// ---------------------------------------------------------------------------------------
// Pure helpers: the machine's guards and actions are thin wrappers around these.

function checkDraft(context: GameFlowContext, draft: readonly Move[]): Verdict {
  return validateDecision(context.scenario, context.game, { moves: [...draft] });
}

/** The draft a SET_MOVE would produce and the model's verdict on it. */
function proposeMove(context: GameFlowContext, move: Move): { draft: Move[]; verdict: Verdict } {
  const draft = withMove(context.draft, move);
  return { draft, verdict: checkDraft(context, draft) };
}

function reasonOf(verdict: Verdict): string | null {
  return verdict.ok ? null : verdict.reason;
}

/** An accepted edit: the old draft goes on the undo stack unless nothing changed. */
function edited(context: GameFlowContext, draft: Move[]): Partial<GameFlowContext> {
  if (sameDraft(context.draft, draft)) return { rejection: null };
  return { draft, earlierDrafts: [...context.earlierDrafts, context.draft], rejection: null };
}

function isDisputeOption(option: unknown): option is DisputeOption {
  return (DISPUTE_OPTIONS as readonly unknown[]).includes(option);
}

// ---------------------------------------------------------------------------------------

export const gameMachine = setup({
  types: {
    input: {} as GameFlowInput,
    context: {} as GameFlowContext,
    events: {} as GameFlowEvent,
    output: {} as GameFlowOutput,
  },
  guards: {
    moveFits: ({ context, event }) => {
      assertEvent(event, 'SET_MOVE');
      return proposeMove(context, event.move).verdict.ok;
    },
    draftIsValid: ({ context }) => checkDraft(context, context.draft).ok,
    canUndo: ({ context }) => context.earlierDrafts.length > 0,
    gameOver: ({ context }) => context.game.finished,
    disputeOpen: ({ context }) => context.game.dispute?.status === 'open',
    knownDisputeOption: ({ event }) => {
      assertEvent(event, 'DECIDE_DISPUTE');
      return isDisputeOption(event.option);
    },
  },
  actions: {
    setMove: assign(({ context, event }) => {
      assertEvent(event, 'SET_MOVE');
      return edited(context, proposeMove(context, event.move).draft);
    }),
    rejectMove: assign(({ context, event }) => {
      assertEvent(event, 'SET_MOVE');
      return { rejection: reasonOf(proposeMove(context, event.move).verdict) };
    }),
    removeMove: assign(({ context, event }) => {
      assertEvent(event, 'REMOVE_MOVE');
      return edited(context, withoutMove(context.draft, event));
    }),
    clearDraft: assign(({ context }) => edited(context, [])),
    undoDraft: assign(({ context }) => ({
      draft: context.earlierDrafts[context.earlierDrafts.length - 1] ?? [],
      earlierDrafts: context.earlierDrafts.slice(0, -1),
      rejection: null,
    })),
    rejectDraft: assign(({ context }) => ({ rejection: reasonOf(checkDraft(context, context.draft)) })),
    clearRejection: assign({ rejection: null }),
    resolveDraft: assign(({ context }) => {
      const step: Step =
        context.settledDispute === null ? { moves: context.draft } : { dispute: context.settledDispute, moves: context.draft };
      return {
        game: resolveQuarter(context.scenario, context.game, { moves: context.draft }),
        steps: [...context.steps, step],
        draft: [],
        earlierDrafts: [],
        settledDispute: null,
        rejection: null,
      };
    }),
    settleDispute: assign(({ context, event }) => {
      assertEvent(event, 'DECIDE_DISPUTE');
      return {
        game: decideDispute(context.scenario, context.game, event.option),
        settledDispute: event.option,
        rejection: null,
      };
    }),
    rejectDisputeOption: assign(({ event }) => {
      assertEvent(event, 'DECIDE_DISPUTE');
      return { rejection: `Unknown dispute option "${String(event.option)}": choose one of ${DISPUTE_OPTIONS.join(', ')}.` };
    }),
  },
}).createMachine({
  id: 'game',
  context: ({ input }) => ({
    scenario: input.scenario,
    game: createGame(input.scenario, input.seed),
    draft: [],
    earlierDrafts: [],
    rejection: null,
    settledDispute: null,
    steps: [],
  }),
  initial: 'briefing',
  states: {
    briefing: {
      on: { START: 'quarter' },
    },
    quarter: {
      initial: 'planning',
      states: {
        planning: {
          on: {
            SET_MOVE: [{ guard: 'moveFits', actions: 'setMove' }, { actions: 'rejectMove' }],
            REMOVE_MOVE: { actions: 'removeMove' },
            CLEAR: { actions: 'clearDraft' },
            UNDO: { guard: 'canUndo', actions: 'undoDraft' },
            COMMIT: [{ guard: 'draftIsValid', target: 'resolving' }, { actions: 'rejectDraft' }],
          },
        },
        // Transient: the model resolves a quarter synchronously, so no snapshot ever rests
        // here and a save can never catch a half-resolved quarter. Scenes animate on review.
        resolving: {
          entry: 'resolveDraft',
          always: 'review',
        },
        review: {
          on: {
            NEXT: [
              { guard: 'gameOver', target: '#game.finished' },
              { guard: 'disputeOpen', target: '#game.dispute' },
              { target: 'planning' },
            ],
          },
        },
      },
    },
    // The discontinuation dispute. Entered whenever the model has opened one — by whichever
    // scenario event (a quarter or a loss streak) — so the flow holds no trigger of its own.
    // The dispute issue grows this into a child machine (arguments, hearing, investigation)
    // invoked here, whose done event replaces DECIDE_DISPUTE's transition to planning.
    dispute: {
      on: {
        DECIDE_DISPUTE: [
          { guard: 'knownDisputeOption', target: 'quarter.planning', actions: 'settleDispute' },
          { actions: 'rejectDisputeOption' },
        ],
      },
    },
    finished: {
      type: 'final',
    },
  },
  output: ({ context }) => ({ game: context.game, steps: context.steps }),
});

export type GameFlowSnapshot = SnapshotFrom<typeof gameMachine>;
export type GameFlowActor = Actor<typeof gameMachine>;

/**
 * An actor (not yet started) resuming a save from `actor.getPersistedSnapshot()`, typically
 * after a trip through JSON. The save carries its own scenario, so it resumes the game it was.
 */
export function resumeGameActor(saved: Snapshot<unknown>): GameFlowActor {
  const context = (saved as { context?: Partial<GameFlowContext> }).context;
  if (!context?.scenario || !context.game) throw new Error('Not a saved game: it has no scenario or game state.');
  // XState ignores input when it restores a snapshot; the save's own keeps the types honest.
  return createActor(gameMachine, { snapshot: saved, input: { scenario: context.scenario, seed: context.game.seed } });
}

// ---------------------------------------------------------------------------------------
// What a screen reads from a snapshot.

/** Which screen the game is on. `resolving` never shows: it is passed through within COMMIT. */
export type Phase = 'briefing' | 'planning' | 'review' | 'dispute' | 'finished';

export function phaseOf(snapshot: GameFlowSnapshot): Phase {
  if (snapshot.matches('briefing')) return 'briefing';
  if (snapshot.matches({ quarter: 'planning' })) return 'planning';
  if (snapshot.matches('dispute')) return 'dispute';
  if (snapshot.matches('finished')) return 'finished';
  return 'review';
}

export function isPlanning(snapshot: GameFlowSnapshot): boolean {
  return snapshot.matches({ quarter: 'planning' });
}

/** Effort points still free in the draft (the model's effortOf against the scenario's budget). */
export function remainingBudget(context: GameFlowContext): number {
  return context.scenario.effortBudget - effortOf({ moves: context.draft });
}

export function canUndo(context: GameFlowContext): boolean {
  return context.earlierDrafts.length > 0;
}

/** The quarter just resolved, as the review screen shows it; null before the first. */
export function lastRecord(context: GameFlowContext): QuarterRecord | null {
  return context.game.history[context.game.history.length - 1] ?? null;
}

/** The draft's move in a slot, for a planning widget to show its current points. */
export function draftMove(context: GameFlowContext, slot: MoveSlot): Move | undefined {
  return context.draft.find((m) => sameSlot(m, slot));
}
