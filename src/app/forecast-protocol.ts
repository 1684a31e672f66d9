// The messages between the page and the forecast's worker (src/app/forecast-worker.ts). The game
// state goes once per quarter; each plan after it names the state it is for by its key. Once the
// plan is played, the quarter report asks for the forecast against the actual the same way.
import type { ForecastGap } from '../debrief/forecast-gap';
import type { Forecast, GameState, Move, Refusal, Scenario } from '../sim/index';

export type ToForecastWorker =
  | { type: 'game'; key: number; scenario: Scenario; state: GameState }
  | { type: 'plan'; id: number; key: number; moves: Move[]; futures: number }
  | { type: 'explain'; id: number; key: number; moves: Move[]; futures: number };

export type FromForecastWorker =
  | { type: 'forecast'; id: number; forecast: Forecast; done: boolean; /** The step's time in the worker, ms. */ workMs: number }
  | { type: 'explained'; id: number; gap: ForecastGap }
  | { type: 'refused'; id: number; refusal: Refusal }
  | { type: 'error'; id: number; message: string };
