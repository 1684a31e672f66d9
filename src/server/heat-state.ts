// A heat's state, folded from its log by the model: the same log gives the same state in any
// process, after any restart. `applyEvent` trusts the event (./heat-commands checked it before it
// was logged) but still plays every step through the model, so the standings are the model's.
import {
  availableDisputeOptions,
  createGame,
  decideDispute,
  isFinalOption,
  playStep,
  validateDecision,
  type GameState,
  type Scenario,
  type Step,
} from '../sim/index';
import type { HeatEvent, MissedRule, Pacing } from './heat-log';

export interface GroupRecord {
  index: number;
  name: string;
  tokenHash: string;
  /** states[k]: the group's game after k quarters; states[0] is the start. */
  states: GameState[];
  /** The steps played, one per quarter, the missed rule's included: the group's replay. */
  steps: Step[];
  /** Quarters the group missed the round's close and was given the missed rule. */
  missed: number[];
  /** Instructor-paced: the plan submitted for the open round, until it closes. */
  pending: Step | null;
  /** Counts the changes to this group's own record, so a screen is sent its view only when it changed. */
  version: number;
}

export interface HeatState {
  id: string;
  /** The last event folded in. */
  seq: number;
  scenario: Scenario;
  seed: number;
  pacing: Pacing;
  missed: MissedRule;
  listedGroups: string[];
  hold: boolean;
  secretHash: string;
  groups: GroupRecord[];
  byToken: Map<string, GroupRecord>;
  /** Instructor-paced: the quarter every group is planning; quarters + 1 once the last closed. */
  round: number;
  paused: boolean;
  deadline: string | null;
  /** Closed rounds whose results groups and the projector may see. */
  released: number;
  codes: string[];
}

export function currentState(group: GroupRecord): GameState {
  return group.states[group.states.length - 1]!;
}

export function isFinished(heat: HeatState): boolean {
  return heat.pacing === 'instructor' ? heat.round > heat.scenario.quarters : heat.groups.length > 0 && heat.groups.every((g) => currentState(g).finished);
}

export function initialHeat(id: string, event: Extract<HeatEvent, { kind: 'created' }>, scenario: Scenario): HeatState {
  return {
    id,
    seq: 1,
    scenario,
    seed: event.seed,
    pacing: event.pacing,
    missed: event.missed,
    listedGroups: event.groups,
    hold: event.hold,
    secretHash: event.secretHash,
    groups: [],
    byToken: new Map(),
    round: 1,
    paused: false,
    deadline: null,
    released: 0,
    codes: [],
  };
}

/**
 * What a group that missed a round's close plays: under 'carry' its last quarter's moves again,
 * less any the model no longer accepts (an account lost since, a budget now smaller: taken in
 * the plan's order, each kept if the plan so far still stands), and under 'none' nothing. An
 * open dispute is settled by keeping the line (the status quo when nobody decides), or by the
 * first final option the rules allow.
 */
export function missedStep(scenario: Scenario, state: GameState, rule: MissedRule, last: Step | undefined): Step {
  const step: Step = { moves: [] };
  let afterDispute = state;
  if (state.dispute?.status === 'open') {
    const open = availableDisputeOptions(scenario, state).filter(isFinalOption);
    const option = open.includes('keep') ? 'keep' : open[0]!;
    step.dispute = [option];
    afterDispute = decideDispute(scenario, state, option);
  }
  if (rule === 'carry' && last !== undefined) {
    for (const move of last.moves) {
      const trial = [...step.moves, { ...move }];
      if (validateDecision(scenario, afterDispute, { moves: trial }).ok) step.moves = trial;
    }
  }
  return step;
}

function play(heat: HeatState, group: GroupRecord, step: Step): void {
  group.states.push(playStep(heat.scenario, currentState(group), step));
  group.steps.push(step);
}

/** Folds one logged event into the heat, in place. */
export function applyEvent(heat: HeatState, event: HeatEvent, seq: number): void {
  heat.seq = seq;
  switch (event.kind) {
    case 'created':
      throw new Error(`heat ${heat.id}: a second 'created' event at ${seq}`);
    case 'joined': {
      const group: GroupRecord = {
        index: heat.groups.length,
        name: event.name,
        tokenHash: event.tokenHash,
        states: [createGame(heat.scenario, heat.seed)],
        steps: [],
        missed: [],
        pending: null,
        version: 0,
      };
      // A group joining an instructor-paced heat late has missed the rounds already closed.
      for (let q = 1; q < heat.round; q++) {
        play(heat, group, missedStep(heat.scenario, currentState(group), 'none', undefined));
        group.missed.push(q);
      }
      heat.groups.push(group);
      heat.byToken.set(group.tokenHash, group);
      return;
    }
    case 'submitted': {
      const group = heat.groups[event.group]!;
      if (heat.pacing === 'self') play(heat, group, event.step);
      else group.pending = event.step;
      group.version++;
      return;
    }
    case 'closed': {
      for (const group of heat.groups) {
        const step = group.pending ?? missedStep(heat.scenario, currentState(group), heat.missed, group.steps[group.steps.length - 1]);
        if (group.pending === null) group.missed.push(event.quarter);
        play(heat, group, step);
        group.pending = null;
        group.version++;
      }
      heat.round = event.quarter + 1;
      heat.deadline = null;
      if (!heat.hold) heat.released = event.quarter;
      return;
    }
    case 'rolled-back': {
      for (const group of heat.groups) {
        group.states.pop();
        group.steps.pop();
        group.missed = group.missed.filter((q) => q !== event.quarter);
        group.pending = null;
        group.version++;
      }
      heat.round = event.quarter;
      heat.deadline = null;
      heat.released = Math.min(heat.released, event.quarter - 1);
      return;
    }
    case 'paused':
      heat.paused = true;
      return;
    case 'resumed':
      heat.paused = false;
      return;
    case 'deadline':
      heat.deadline = event.at;
      return;
    case 'released':
      heat.released = event.quarter;
      return;
    case 'code-added':
      heat.codes.push(event.code);
      return;
    default: {
      const never: never = event;
      throw new Error(`unknown event ${JSON.stringify(never)}`);
    }
  }
}

