// The scorecard's words: each component's name on the final results (with the run it counts
// for) and its short column heading on the scoreboard. Which components there are, and in what
// order, is the model's table (SCORE_COMPONENTS); only the words live here.
import { SCORE_COMPONENTS, type ScoreComponent, type ScoreRun } from '../sim/score';

const WORDS: Record<ScoreComponent, { name: string; column: string }> = {
  profit: { name: 'Profit', column: 'Profit' },
  revenue: { name: 'Revenue', column: 'Revenue' },
  customerEquity: { name: 'Customer equity', column: 'Cust. equity' },
  portfolioHealth: { name: 'Portfolio health', column: 'Portfolio' },
  collaboration: { name: 'Collaboration', column: 'Collab.' },
};

const RUN_SUFFIX: Record<ScoreRun, string> = { short: ' (short run)', long: ' (long run)', average: '' };

export interface ScoreComponentWords {
  key: ScoreComponent;
  run: ScoreRun;
  /** The full name with its run: "Profit (short run)". */
  label: string;
  /** The scoreboard's column heading: "Cust. equity". */
  column: string;
}

/** Every component in the model's order, with its words. */
export const SCORE_COMPONENT_WORDS: readonly ScoreComponentWords[] = SCORE_COMPONENTS.map(({ key, run }) => ({
  key,
  run,
  label: `${WORDS[key].name}${RUN_SUFFIX[run]}`,
  column: WORDS[key].column,
}));
