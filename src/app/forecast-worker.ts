// The forecast's worker: plays the plan's futures off the page's thread (DESIGN.md, "The
// forecast"), so planning never waits on it. Only the newest plan is worked on: between two steps
// of a job (src/app/forecast-job.ts) the messages that came in are read, and a newer plan replaces
// the job in hand. Once a plan is played, the quarter report's forecast against the actual is
// worked out here too, at once: it plays the same futures again, and the page is drawing the report.
import { forecastGapOfPlan } from '../debrief/forecast-gap';
import { ForecastJob } from './forecast-job';
import type { FromForecastWorker, ToForecastWorker } from './forecast-protocol';
import { botNamed, type GameState, type Scenario } from '../sim/index';

const scope = self as unknown as { onmessage: ((event: MessageEvent<ToForecastWorker>) => void) | null; postMessage(message: FromForecastWorker): void };

let game: { key: number; scenario: Scenario; state: GameState } | null = null;
let job: { id: number; job: ForecastJob } | null = null;
let scheduled = false;
/**
 * A fresh worker's first plans ran several times slower than later ones (the engine compiles the
 * model's hot paths as they run), so the first game state also gets a bot's plan played on a few
 * futures, unseen, in the same small steps: a plan that comes meanwhile goes first.
 */
let warmUp: ForecastJob | null = null;
let warmed = false;
const WARM_FUTURES = 30;

function pump(): void {
  scheduled = false;
  if (job === null && warmUp !== null) {
    try {
      warmUp.step();
    } catch {
      // Only a warm-up: the plans asked for report their own errors.
      warmUp = null;
    }
    if (warmUp?.done) warmUp = null;
    schedule();
    return;
  }
  if (job === null) return;
  const { id } = job;
  try {
    const started = performance.now();
    const result = job.job.step();
    if (result.kind === 'refused') scope.postMessage({ type: 'refused', id, refusal: result.refusal });
    else scope.postMessage({ type: 'forecast', id, forecast: result.forecast, done: result.done, workMs: performance.now() - started });
  } catch (error) {
    scope.postMessage({ type: 'error', id, message: (error as Error).message });
    job = null;
    return;
  }
  if (job.job.done) job = null;
  else schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  // A task of its own: the messages that arrived meanwhile are handled before the next step.
  setTimeout(pump, 0);
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'game') {
    game = { key: message.key, scenario: message.scenario, state: message.state };
    job = null;
    if (!warmed) {
      warmed = true;
      const plan = botNamed('balanced')?.decide(game.scenario, game.state, () => 0.5).moves ?? [];
      warmUp = new ForecastJob(game.scenario, game.state, plan, WARM_FUTURES);
      schedule();
    }
    return;
  }
  if (game === null || game.key !== message.key) {
    scope.postMessage({ type: 'error', id: message.id, message: `${message.type} ${message.id} is for game state ${message.key}, which the worker does not have` });
    return;
  }
  if (message.type === 'explain') {
    try {
      scope.postMessage({ type: 'explained', id: message.id, gap: forecastGapOfPlan(game.scenario, game.state, message.moves, message.futures) });
    } catch (error) {
      scope.postMessage({ type: 'error', id: message.id, message: (error as Error).message });
    }
    return;
  }
  job = { id: message.id, job: new ForecastJob(game.scenario, game.state, message.moves, message.futures) };
  schedule();
};
