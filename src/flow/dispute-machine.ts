// The discontinuation dispute as its own machine, invoked by the game machine while a dispute is
// open: marketing's case → sales' case → the options → what the choice sets in motion. After an
// investigation the dispute returns a quarter later and opens on the findings instead of the
// cases. Each choice is the model's decideDispute; the machine only sequences and refuses what
// the model refuses, with its refusal.
import { assertEvent, assign, setup } from 'xstate';
import {
  decideDispute,
  isFinalOption,
  validateDisputeOption,
  type DisputeOption,
  type DisputeRefusal,
  type GameState,
  type Scenario,
} from '../sim/index';

export interface DisputeFlowInput {
  scenario: Scenario;
  game: GameState;
}

export interface DisputeFlowContext {
  scenario: Scenario;
  /** The game as the choices so far leave it. */
  game: GameState;
  /** Choices made in this sitting, in order: what the quarter's step records. */
  choices: DisputeOption[];
  /** Why the last choice was refused (the model's refusal; src/app words it); null once one is accepted. */
  rejection: DisputeRefusal | null;
}

export type DisputeFlowEvent = { type: 'DISPUTE_NEXT' } | { type: 'DISPUTE_BACK' } | { type: 'DECIDE_DISPUTE'; option: DisputeOption };

export interface DisputeFlowOutput {
  game: GameState;
  choices: DisputeOption[];
}

export const disputeMachine = setup({
  types: {
    input: {} as DisputeFlowInput,
    context: {} as DisputeFlowContext,
    events: {} as DisputeFlowEvent,
    output: {} as DisputeFlowOutput,
  },
  guards: {
    returningWithFindings: ({ context }) => context.game.dispute?.investigation != null,
    optionOpen: ({ context, event }) => {
      assertEvent(event, 'DECIDE_DISPUTE');
      return validateDisputeOption(context.scenario, context.game, event.option).ok;
    },
    lastChoiceDecided: ({ context }) => {
      const last = context.choices[context.choices.length - 1];
      return last !== undefined && (isFinalOption(last) || last === 'investigate');
    },
  },
  actions: {
    choose: assign(({ context, event }) => {
      assertEvent(event, 'DECIDE_DISPUTE');
      return {
        game: decideDispute(context.scenario, context.game, event.option),
        choices: [...context.choices, event.option],
        rejection: null,
      };
    }),
    refuse: assign(({ context, event }) => {
      assertEvent(event, 'DECIDE_DISPUTE');
      const verdict = validateDisputeOption(context.scenario, context.game, event.option);
      return { rejection: verdict.ok ? null : verdict.refusal };
    }),
  },
}).createMachine({
  id: 'dispute',
  context: ({ input }) => ({ scenario: input.scenario, game: input.game, choices: [], rejection: null }),
  initial: 'opening',
  states: {
    // Transient: a first hearing starts with the cases, a return after an investigation with its findings.
    opening: {
      always: [{ guard: 'returningWithFindings', target: 'findings' }, { target: 'marketingCase' }],
    },
    marketingCase: {
      on: { DISPUTE_NEXT: 'salesCase' },
    },
    salesCase: {
      on: { DISPUTE_NEXT: 'options', DISPUTE_BACK: 'marketingCase' },
    },
    findings: {
      on: { DISPUTE_NEXT: 'options' },
    },
    options: {
      on: {
        DISPUTE_BACK: [{ guard: 'returningWithFindings', target: 'findings' }, { target: 'salesCase' }],
        DECIDE_DISPUTE: [{ guard: 'optionOpen', actions: 'choose', target: 'chosen' }, { actions: 'refuse' }],
      },
    },
    // Transient: a joint meeting leads back to the options; a decision or an investigation ends the sitting.
    chosen: {
      always: [{ guard: 'lastChoiceDecided', target: 'consequences' }, { target: 'options' }],
    },
    // What the choice sets in motion (and, for a decision, how each leader takes it).
    consequences: {
      on: { DISPUTE_NEXT: 'done' },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => ({ game: context.game, choices: context.choices }),
});

/** The stage of a sitting a screen shows. */
export type DisputeStage = 'marketingCase' | 'salesCase' | 'findings' | 'options' | 'consequences';
export const DISPUTE_STAGES: readonly DisputeStage[] = ['marketingCase', 'salesCase', 'findings', 'options', 'consequences'];
