// The debrief's public surface, used by the Debrief scene: build a debrief from a game's steps,
// fork the game at the dispute, and write either as JSON. Pure and headless: it imports only the
// model, so the same debrief comes out in the browser, in Node and in the tests.
import { stateHash, type Scenario, type Step } from '../sim/index';
import { groupCauses } from './causes';
import { buildSwings } from './chains';
import { buildDisputeSummary } from './dispute-summary';
import { buildIdeas } from './ideas';
import { buildLessons } from './lessons';
import { replayGame } from './replay';
import { buildTimeline } from './timeline';
import { DEBRIEF_FORMAT, type Debrief, type Fork } from './types';

export * from './types';
export { DebriefError, replayGame, type ReplayedGame, type PlayedQuarter } from './replay';
export { forkAtDispute, forkAlternatives, isActualChoice, skippedBeforeDecision, playFork, fitMoves, FORK_RULE, type PlayedFork } from './fork';
export { IDEA_TITLES } from './ideas';
export { LESSON_COUNT, LESSON_KINDS, PAYOFF_GAP, lessonCandidates } from './lessons';
export { playWithout, stepsWithout } from './without';
export { quarterCauses, type QuarterCauses } from './quarter-causes';
export { SWING_MEASURES, SWINGS_PER_MEASURE, SWING_SHARE } from './chains';
export { money, percent, price } from './format';

/** Replays `steps` and explains the game. Throws a DebriefError when the steps do not replay to the end. */
export function buildDebrief(scenario: Scenario, seed: number, steps: readonly Step[]): Debrief {
  const game = replayGame(scenario, seed, steps);
  const last = game.final.history[game.final.history.length - 1]!;
  const dispute = buildDisputeSummary(scenario, game);
  const swings = buildSwings(scenario, game);
  const { lessons, nextTime } = buildLessons(scenario, seed, steps, game, swings);
  return {
    format: DEBRIEF_FORMAT,
    scenarioId: scenario.id,
    scenarioTitle: scenario.title,
    firmName: scenario.firm.name,
    seed,
    quarters: scenario.quarters,
    par: scenario.scoring.par,
    score: { ...last.score },
    stateHash: stateHash(game.final),
    timeline: buildTimeline(scenario, game),
    dispute,
    lessons,
    nextTime,
    swings,
    causes: groupCauses(swings),
    ideas: buildIdeas(scenario, game, dispute),
    notes: [...scenario.debrief],
    objectives: [...scenario.objectives],
  };
}

/** A non-finite number would turn into null in JSON and silently lose a figure: refuse it. */
function finiteOnly(key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`debrief figure "${key}" is ${value}`);
  return value;
}

/** The debrief (and any forks) as pretty JSON, with the format field first. */
export function debriefJson(debrief: Debrief, fork?: Fork[]): string {
  const value = fork === undefined ? debrief : { ...debrief, forks: fork };
  return JSON.stringify(value, finiteOnly, 2);
}
