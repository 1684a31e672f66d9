// The game's flow as an XState machine: briefing → quarters (planning → resolving → review)
// → finished, with the discontinuation dispute between quarters when the model opens one.
// It only sequences: every figure and every verdict comes from the model's pure functions
// (validateDecision, resolveQuarter, decideDispute), so a game played through this machine
// ends in exactly the state playSteps computes from the recorded steps.
import { assertEvent, assign, createActor, sendTo, setup, type Actor, type Snapshot, type SnapshotFrom } from 'xstate';
import {
  createGame,
  playSteps,
  effortAvailable,
  effortOf,
  resolveQuarter,
  validateDecision,
  type DisputeOption,
  type GameState,
  type Move,
  type MoveRefusal,
  type QuarterRecord,
  type Scenario,
  type Step,
  type Verdict,
} from '../sim/index';
import { DISPUTE_STAGES, disputeMachine, type DisputeFlowContext, type DisputeFlowEvent, type DisputeFlowOutput, type DisputeStage } from './dispute-machine';
import { sameDraft, sameSlot, withMove, withoutMove, type MoveSlot } from './draft';

export interface GameFlowInput {
  scenario: Scenario;
  seed: number;
  /**
   * Quarters already played elsewhere (a live workshop's server holds a group's game): the game
   * starts after them, as playSteps leaves it. Throws a ReplayMismatchError if they do not fit.
   */
  steps?: readonly Step[];
}

export interface GameFlowContext {
  /** Kept in the context so a persisted snapshot resumes on the scenario it was started with. */
  scenario: Scenario;
  game: GameState;
  /** The moves planned for the quarter `game.quarter`; always a valid decision. */
  draft: Move[];
  /** Earlier drafts of this quarter, newest last: what UNDO steps back through. */
  earlierDrafts: Move[][];
  /**
   * The slot the latest edits changed, one after another: further edits of it extend that one
   * change (five presses of + are one change to undo, not five). Absent in saves made before it.
   */
  editing?: MoveSlot | null;
  /**
   * Why the last SET_MOVE or COMMIT was refused (the model's refusal; src/app words it); null
   * once an event is accepted. (The dispute machine keeps its own.)
   */
  rejection: MoveRefusal | null;
  /** The choices made in the dispute sitting just ended; they belong to the next quarter's step. */
  settledDispute: DisputeOption[] | null;
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
  | DisputeFlowEvent;

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

function refusalOf(verdict: Verdict): MoveRefusal | null {
  return verdict.ok ? null : verdict.refusal;
}

/**
 * An accepted edit: the old draft goes on the undo stack unless nothing changed, or unless the
 * edit goes on changing the slot the last one changed (then it is part of that change).
 */
function edited(context: GameFlowContext, draft: Move[], slot: MoveSlot | null = null): Partial<GameFlowContext> {
  if (sameDraft(context.draft, draft)) return { rejection: null };
  const continues = slot !== null && context.editing != null && context.earlierDrafts.length > 0 && sameSlot(context.editing, slot);
  if (continues) return { draft, rejection: null };
  return { draft, earlierDrafts: [...context.earlierDrafts, context.draft], rejection: null, editing: slot };
}

// ---------------------------------------------------------------------------------------

export const gameMachine = setup({
  types: {
    input: {} as GameFlowInput,
    context: {} as GameFlowContext,
    events: {} as GameFlowEvent,
    output: {} as GameFlowOutput,
  },
  actors: { disputeMachine },
  guards: {
    moveFits: ({ context, event }) => {
      assertEvent(event, 'SET_MOVE');
      return proposeMove(context, event.move).verdict.ok;
    },
    draftIsValid: ({ context }) => checkDraft(context, context.draft).ok,
    canUndo: ({ context }) => context.earlierDrafts.length > 0,
    gameOver: ({ context }) => context.game.finished,
    disputeOpen: ({ context }) => context.game.dispute?.status === 'open',
  },
  actions: {
    setMove: assign(({ context, event }) => {
      assertEvent(event, 'SET_MOVE');
      const { kind, target } = event.move;
      return edited(context, proposeMove(context, event.move).draft, target === undefined ? { kind } : { kind, target });
    }),
    rejectMove: assign(({ context, event }) => {
      assertEvent(event, 'SET_MOVE');
      return { rejection: refusalOf(proposeMove(context, event.move).verdict) };
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
      editing: null,
    })),
    rejectDraft: assign(({ context }) => ({ rejection: refusalOf(checkDraft(context, context.draft)) })),
    clearRejection: assign({ rejection: null }),
    resolveDraft: assign(({ context }) => {
      const step: Step =
        context.settledDispute === null ? { moves: context.draft } : { dispute: context.settledDispute, moves: context.draft };
      return {
        game: resolveQuarter(context.scenario, context.game, { moves: context.draft }),
        steps: [...context.steps, step],
        draft: [],
        earlierDrafts: [],
        editing: null,
        settledDispute: null,
        rejection: null,
      };
    }),
    forwardToDispute: sendTo('dispute', ({ event }) => event as DisputeFlowEvent),
  },
}).createMachine({
  id: 'game',
  context: ({ input }) => ({
    scenario: input.scenario,
    game: input.steps === undefined ? createGame(input.scenario, input.seed) : playSteps(input.scenario, input.seed, input.steps),
    draft: [],
    earlierDrafts: [],
    editing: null,
    rejection: null,
    settledDispute: null,
    steps: input.steps === undefined ? [] : input.steps.map((step) => ({ ...step })),
  }),
  initial: 'briefing',
  states: {
    briefing: {
      // A game started from steps already played may be over, or at an open dispute.
      on: { START: [{ guard: 'gameOver', target: 'finished' }, { guard: 'disputeOpen', target: 'dispute' }, { target: 'quarter' }] },
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
    // scenario event — so the flow holds no trigger of its own. The sitting is the dispute
    // machine's; its output (the game after the choices, and the choices) starts the next quarter.
    dispute: {
      invoke: {
        id: 'dispute',
        src: 'disputeMachine',
        input: ({ context }) => ({ scenario: context.scenario, game: context.game }),
        onDone: {
          target: 'quarter.planning',
          actions: assign(({ event }) => {
            const output = event.output as DisputeFlowOutput;
            return { game: output.game, settledDispute: output.choices, rejection: null };
          }),
        },
      },
      on: {
        DISPUTE_NEXT: { actions: 'forwardToDispute' },
        DISPUTE_BACK: { actions: 'forwardToDispute' },
        DECIDE_DISPUTE: { actions: 'forwardToDispute' },
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
  return createActor(gameMachine, { snapshot: withRefusalsReadable(saved), input: { scenario: context.scenario, seed: context.game.seed } });
}

interface SavedMachine {
  context?: { rejection?: unknown };
  children?: Record<string, { snapshot?: SavedMachine } | undefined>;
}

/**
 * The save with every `rejection` a refusal or null. A save can hold a sentence there instead
 * (saves of the game's first versions kept the refusal's words in the flow); a sentence is read
 * as no refusal, so the game resumes with nothing refused yet. Returns `saved` itself when there
 * is nothing to change; never writes into it.
 */
export function withRefusalsReadable<S>(saved: S): S {
  const machine = saved as SavedMachine;
  if (typeof machine !== 'object' || machine === null) return saved;
  let out: SavedMachine = machine;
  const rejection = machine.context?.rejection;
  if (rejection !== undefined && rejection !== null && typeof rejection !== 'object') out = { ...out, context: { ...machine.context, rejection: null } };
  const children = machine.children;
  if (children && typeof children === 'object') {
    let changed = false;
    const next: Record<string, { snapshot?: SavedMachine } | undefined> = {};
    for (const [id, child] of Object.entries(children)) {
      const snapshot = child?.snapshot;
      const readable = snapshot === undefined ? snapshot : withRefusalsReadable(snapshot);
      next[id] = readable === snapshot ? child : { ...child, snapshot: readable };
      if (readable !== snapshot) changed = true;
    }
    if (changed) out = { ...out, children: next };
  }
  return out as S;
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
  return effortAvailable(context.scenario, context.game) - effortOf({ moves: context.draft });
}

/** The dispute sitting's snapshot while the game is in the dispute, else null. */
export function disputeSitting(snapshot: GameFlowSnapshot): { stage: DisputeStage; context: DisputeFlowContext } | null {
  const child = snapshot.children.dispute;
  if (!child) return null;
  const sitting = child.getSnapshot();
  const stage = DISPUTE_STAGES.find((s) => sitting.matches(s));
  return stage ? { stage, context: sitting.context } : null;
}

/** The quarter just resolved, as the review screen shows it; null before the first. */
export function lastRecord(context: GameFlowContext): QuarterRecord | null {
  return context.game.history[context.game.history.length - 1] ?? null;
}

/** The draft's move in a slot, for a planning widget to show its current points. */
export function draftMove(context: GameFlowContext, slot: MoveSlot): Move | undefined {
  return context.draft.find((m) => sameSlot(m, slot));
}
