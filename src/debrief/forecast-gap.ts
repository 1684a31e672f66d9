// The quarter report's forecast against the actual: what the planning screen's forecast said for
// the quarter just played, and where the actual landed against it. The forecast is made again
// with the function the planning screen's band comes from (forecastQuarter is the first quarter of
// forecastPlan's futures), on the state the plan was made in (after the quarter's dispute
// choices) and the plan committed, over the same futures: so these are the very figures the
// trainee saw at commit. Codes and numbers only; the words are src/app's.
import { FORECAST_FUTURES, forecastQuarter, type Band, type Scenario, type Step } from '../sim/index';
import { replayGame, type PlayedQuarter } from './replay';

export type GapMeasure = 'revenue' | 'profit';

export const GAP_MEASURES: readonly GapMeasure[] = ['revenue', 'profit'];

/** Where the actual fell against the forecast's 10–90% range (the ends count as inside). */
export type GapPosition = 'below' | 'inside' | 'above';

export interface MeasureAgainstForecast {
  /** The forecast's mean over its futures and its 10–90% range, in cents. */
  forecast: Band;
  actual: number;
  /** The actual less the forecast's mean. */
  gap: number;
  position: GapPosition;
}

export interface ForecastGap {
  quarter: number;
  /** How many futures the forecast played. */
  futures: number;
  revenue: MeasureAgainstForecast;
  profit: MeasureAgainstForecast;
}

export function positionIn(band: Band, actual: number): GapPosition {
  if (actual < band.p10) return 'below';
  if (actual > band.p90) return 'above';
  return 'inside';
}

function against(band: Band, actual: number): MeasureAgainstForecast {
  return { forecast: band, actual, gap: actual - band.mean, position: positionIn(band, actual) };
}

/** The forecast of `played`'s plan against what the quarter did. */
export function forecastGapOf(scenario: Scenario, played: PlayedQuarter, futures = FORECAST_FUTURES): ForecastGap {
  const said = forecastQuarter(scenario, played.beforeMoves, { moves: played.step.moves }, futures);
  return {
    quarter: played.quarter,
    futures: said.futures,
    revenue: against(said.revenue, played.record.revenue),
    profit: against(said.profit, played.record.profit),
  };
}

/** The forecast against the actual for the last quarter of `steps` (a game still being played). */
export function forecastGap(scenario: Scenario, seed: number, steps: readonly Step[], futures = FORECAST_FUTURES): ForecastGap | null {
  if (steps.length === 0) return null;
  const game = replayGame(scenario, seed, steps, true);
  return forecastGapOf(scenario, game.quarters[game.quarters.length - 1]!, futures);
}
