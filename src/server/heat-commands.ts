// What may be logged: each command checks itself against the heat's current state (read inside
// the heat's write lock) and returns the one event to append, or throws a ServerRefusal that
// says why not. Every rule about who may do what when lives here; ./heat-state only folds.
import { ReplayMismatchError, playStep, type Step } from '../sim/index';
import { groupKey, groupNameProblem } from '../scoreboard/index';
import { refuse } from './errors';
import type { HeatEvent } from './heat-log';
import { currentState, isFinished, type GroupRecord, type HeatState } from './heat-state';

// C0 and C1 controls (newlines, escapes) and the bidirectional overrides that can disguise a name.
const UNSAFE_NAME = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** Why a group name cannot be used, or null: the result code's rules, and no control characters. */
export function nameProblem(name: string): string | null {
  return groupNameProblem(name) ?? (UNSAFE_NAME.test(name) ? 'a group name cannot hold control characters' : null);
}

export function joinCommand(heat: HeatState, name: string, tokenHash: string): HeatEvent {
  const problem = nameProblem(name);
  if (problem !== null) refuse('bad-name', problem, { field: 'name' });
  if (isFinished(heat) && heat.pacing === 'instructor') refuse('finished', 'the workshop is over: every round has closed');
  const key = groupKey(name);
  if (heat.listedGroups.length > 0 && !heat.listedGroups.some((listed) => groupKey(listed) === key)) {
    refuse('name-not-listed', `"${name}" is not one of this workshop's groups`, { groups: heat.listedGroups });
  }
  if (heat.groups.some((g) => groupKey(g.name) === key)) refuse('name-taken', `a group named "${name}" has already joined`);
  const listed = heat.listedGroups.find((l) => groupKey(l) === key);
  return { kind: 'joined', name: listed ?? name, tokenHash };
}

/** Plays the step on a copy of the group's game, so a plan the model refuses is refused now, with the model's reason. */
function checkStep(heat: HeatState, group: GroupRecord, step: Step): void {
  try {
    playStep(heat.scenario, currentState(group), step);
  } catch (error) {
    // playStep words every refusal of the model as a ReplayMismatchError, with the refusal when a rule refused.
    if (error instanceof ReplayMismatchError) refuse('refused-by-model', error.message, error.refusal === null ? {} : { refusal: error.refusal });
    throw error;
  }
}

export function submitCommand(heat: HeatState, group: GroupRecord, quarter: number, step: Step): HeatEvent {
  const state = currentState(group);
  if (state.finished) refuse('finished', 'your game is over: every quarter has been played');
  if (heat.pacing === 'instructor') {
    if (heat.round > heat.scenario.quarters) refuse('finished', 'the workshop is over: every round has closed');
    if (heat.paused) refuse('paused', 'the instructor has paused the workshop; submit when it resumes');
    if (quarter < heat.round) refuse('round-closed', `quarter ${quarter}'s round has closed; the open round is quarter ${heat.round}`, { round: heat.round });
  }
  if (quarter !== state.quarter) refuse('wrong-quarter', `this plan is for quarter ${quarter}, but your game is at quarter ${state.quarter}`, { quarter: state.quarter });
  checkStep(heat, group, step);
  return { kind: 'submitted', group: group.index, quarter, step };
}

function instructorPaced(heat: HeatState): void {
  if (heat.pacing !== 'instructor') refuse('not-instructor-paced', 'this workshop is self-paced: groups play at their own speed, there are no rounds');
}

function openRound(heat: HeatState, quarter: number): void {
  instructorPaced(heat);
  if (heat.round > heat.scenario.quarters) refuse('finished', 'the workshop is over: every round has closed');
  if (quarter !== heat.round) refuse('wrong-quarter', `the open round is quarter ${heat.round}, not ${quarter}`, { round: heat.round });
}

export function closeCommand(heat: HeatState, quarter: number): HeatEvent {
  openRound(heat, quarter);
  return { kind: 'closed', quarter };
}

export function rollbackCommand(heat: HeatState, quarter: number): HeatEvent {
  instructorPaced(heat);
  if (heat.round <= 1) refuse('nothing-to-roll-back', 'no round has closed yet');
  if (quarter !== heat.round - 1) refuse('wrong-quarter', `only the last closed round, quarter ${heat.round - 1}, can be rolled back`, { last: heat.round - 1 });
  return { kind: 'rolled-back', quarter };
}

export function pauseCommand(heat: HeatState, pause: boolean): HeatEvent {
  instructorPaced(heat);
  if (pause && heat.paused) refuse('paused', 'the workshop is already paused');
  if (!pause && !heat.paused) refuse('not-paused', 'the workshop is not paused');
  return pause ? { kind: 'paused' } : { kind: 'resumed' };
}

export function deadlineCommand(heat: HeatState, quarter: number, at: Date | null, now: Date): HeatEvent {
  openRound(heat, quarter);
  if (at !== null && at.getTime() <= now.getTime()) refuse('bad-deadline', 'the deadline must be in the future', { field: 'at' });
  return { kind: 'deadline', quarter, at: at === null ? null : at.toISOString() };
}

export function releaseCommand(heat: HeatState, quarter: number): HeatEvent {
  instructorPaced(heat);
  const closed = heat.round - 1;
  if (quarter > closed) refuse('wrong-quarter', `only closed rounds can be released; the last closed is quarter ${closed}`, { last: closed });
  return { kind: 'released', quarter };
}

export function addCodeCommand(code: string): HeatEvent {
  return { kind: 'code-added', code: code.trim() };
}
