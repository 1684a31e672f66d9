// The words an LMS records of a finished game (cmi.comments, src/app/lms.ts): a few lines an
// instructor reads in the LMS's report — the score against par and what the LMS's score means,
// the scorecard, the totals, the dispute's course and the result code — in the final results
// screen's own words (final-view.ts), so the LMS and the screen never tell two stories.
import type { GameState, Scenario } from '../sim/index';
import { finalView } from './final-view';
import { formatPoints } from './format';

/**
 * The summary of a finished game; `lmsScore` is the score the LMS records (0–100), `mastery` the one
 * par maps to, `code` the game's result code (an instructor checks it with npm run verify-results).
 */
export function lmsSummary(scenario: Scenario, game: GameState, lmsScore: number, mastery: number, code: string | null): string {
  const view = finalView(scenario, game);
  const passed = view.total >= view.par;
  return [
    `${scenario.title}, seed ${game.seed}: ${formatPoints(view.total)} points against par ${view.par}, ${view.verdict} (${passed ? 'passed' : 'failed'}).`,
    `LMS score ${lmsScore.toFixed(1)} of 100: par makes ${mastery}, twice par or more 100.`,
    `Scorecard: ${view.rows.map((row) => `${row.label} ${row.points} ${row.weight}`).join('; ')}.`,
    view.totals,
    view.dispute,
    code === null ? null : `Result code (npm run verify-results replays it): ${code}`,
  ]
    .filter((line): line is string => line !== null)
    // One line: some LMSs check CMIString4096 with a pattern whose '.' matches no line break.
    .join(' ');
}
