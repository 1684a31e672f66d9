// The page's side of the forecast: asks the forecast's worker (src/app/forecast-worker.ts) for the
// plan on screen and hands each answer to whoever listens (the planning screen, the test hook).
// Only the newest plan counts: an answer for an older one is dropped. The figures shown stay until
// the new plan's band arrives, marked as not yet for this plan, so the panel does not flicker.
// Where a page cannot start workers (or the worker fails) the same steps run on the page, one per
// task and on fewer futures, so no task is long.
//
// Once a plan is played, the quarter report asks here for the forecast against the actual
// (explain): worked out where the plans were, on as many futures, so its figures are the ones the
// planning screen showed, and off the page's thread while the report is drawn.
import { forecastGapOfPlan, type ForecastGap } from '../debrief/forecast-gap';
import { FORECAST_FUTURES, type Forecast, type GameState, type Move, type Refusal, type Scenario } from '../sim/index';
import { ForecastJob } from './forecast-job';
import type { FromForecastWorker, ToForecastWorker } from './forecast-protocol';

/** Futures when the steps run on the page: a band's step stays well under a long task there. */
export const PAGE_FUTURES = 60;

export interface ForecastShown {
  /** The plan on screen (planKey of its moves) and its quarter. */
  plan: string;
  quarter: number;
  /** The newest figures: for this plan when `fresh`, else still the previous plan's (or none yet). */
  forecast: Forecast | null;
  fresh: boolean;
  /** Every move's effect is in. */
  done: boolean;
  /** The model refuses this plan. */
  refused: Refusal | null;
  /** Milliseconds from the request to this plan's band, and to its last effect (null until then). */
  bandMs: number | null;
  doneMs: number | null;
  /** The worker's time on the band's step (ms; null until then, or on the page). */
  bandWorkMs: number | null;
  /** Where the futures are played: 'worker', or 'page' where workers cannot run. */
  runner: 'worker' | 'page';
}

/** The plan as a key: the same moves in the same order give the same key. */
export function planKey(moves: readonly Move[]): string {
  return JSON.stringify(moves.map((m) => [m.kind, m.target ?? null, m.points, m.price ?? null]));
}

type Listener = (shown: ForecastShown) => void;

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./forecast-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

export class ForecastClient {
  /** undefined until first needed; null when the page has to do the work. */
  private worker: Worker | null | undefined = undefined;
  private state: { key: number; scenario: Scenario; state: GameState } | null = null;
  private request_: { id: number; plan: string; moves: Move[]; at: number } | null = null;
  private nextId = 0;
  private nextKey = 0;
  private shown_: ForecastShown | null = null;
  private readonly listeners = new Set<Listener>();
  private pageJob: { id: number; job: ForecastJob } | null = null;
  private pageTimer: ReturnType<typeof setTimeout> | null = null;
  /** The quarter reports' questions still unanswered, by id. */
  private readonly explains = new Map<number, { scenario: Scenario; state: GameState; moves: Move[]; resolve: (gap: ForecastGap) => void; reject: (error: Error) => void }>();

  constructor(
    private readonly makeWorker: () => Worker | null = startWorker,
    private readonly futures = FORECAST_FUTURES,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** What the forecast shows now, or null before the first plan. */
  shown(): ForecastShown | null {
    return this.shown_;
  }

  /** Calls `listener` with every change of what the forecast shows; returns the call that stops it. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks for the forecast of `moves` on `state`; nothing is asked again for the plan already in hand. */
  request(scenario: Scenario, state: GameState, moves: readonly Move[]): void {
    const plan = planKey(moves);
    if (this.state?.state === state && this.request_?.plan === plan) return;
    if (this.worker === undefined) this.attach(this.makeWorker());
    if (this.state?.state !== state || this.state.scenario !== scenario) {
      this.state = { key: ++this.nextKey, scenario, state };
      this.post({ type: 'game', key: this.state.key, scenario, state });
    }
    const id = ++this.nextId;
    this.request_ = { id, plan, moves: moves.map((m) => ({ ...m })), at: this.now() };
    const previous = this.shown_;
    this.publish({
      plan,
      quarter: state.quarter,
      // The figures of the plan before stay up (marked stale) within the same quarter.
      forecast: previous && previous.quarter === state.quarter ? previous.forecast : null,
      fresh: false,
      done: false,
      refused: null,
      bandMs: null,
      doneMs: null,
      bandWorkMs: null,
      runner: this.worker ? 'worker' : 'page',
    });
    if (this.worker) this.post({ type: 'plan', id, key: this.state.key, moves: this.request_.moves, futures: this.futures });
    else this.startOnPage();
  }

  /**
   * The forecast against the actual for the quarter played with `moves` on `state` (the state the
   * plan was made in): in the worker, or on the page (on the page's fewer futures) where workers
   * cannot run. The plan in hand, if any, is over.
   */
  explain(scenario: Scenario, state: GameState, moves: readonly Move[]): Promise<ForecastGap> {
    if (this.worker === undefined) this.attach(this.makeWorker());
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      const asked = { scenario, state, moves: moves.map((m) => ({ ...m })), resolve, reject };
      this.explains.set(id, asked);
      if (!this.worker) {
        this.explainOnPage(id);
        return;
      }
      if (this.state?.state !== state || this.state.scenario !== scenario) {
        this.state = { key: ++this.nextKey, scenario, state };
        this.request_ = null;
        this.post({ type: 'game', key: this.state.key, scenario, state });
      }
      this.post({ type: 'explain', id, key: this.state.key, moves: asked.moves, futures: this.futures });
    });
  }

  /**
   * Starts the worker now, before any plan: its script then loads while the server that served the
   * page is surely there (a game goes on without it), and not on the way into the first quarter.
   */
  prepare(): void {
    if (this.worker === undefined) this.attach(this.makeWorker());
  }

  /** Stops the worker (a new one starts on the next request). */
  close(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.state = null;
    this.request_ = null;
    if (this.pageTimer !== null) clearTimeout(this.pageTimer);
    this.pageJob = null;
  }

  private attach(worker: Worker | null): void {
    this.worker = worker;
    if (!worker) return;
    worker.onmessage = (event: MessageEvent<FromForecastWorker>) => this.receive(event.data);
    // A worker that cannot start or fails (a page opened from a file, a browser without module
    // workers): the page takes the work over for the plan in hand and every later one.
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.fallBackToPage();
    };
  }

  private fallBackToPage(): void {
    this.worker?.terminate();
    this.worker = null;
    if (this.request_ && this.shown_) this.publish({ ...this.shown_, runner: 'page' });
    this.startOnPage();
    for (const id of this.explains.keys()) this.explainOnPage(id);
  }

  /** Answers a quarter report's question on the page, in a task of its own, on the futures the page's plans are played on. */
  private explainOnPage(id: number): void {
    setTimeout(() => {
      const asked = this.explains.get(id);
      if (!asked) return;
      this.explains.delete(id);
      try {
        asked.resolve(forecastGapOfPlan(asked.scenario, asked.state, asked.moves, Math.min(this.futures, PAGE_FUTURES)));
      } catch (error) {
        asked.reject(error as Error);
      }
    }, 0);
  }

  private post(message: ToForecastWorker): void {
    this.worker?.postMessage(message);
  }

  private receive(message: FromForecastWorker): void {
    const asked = this.explains.get(message.id);
    if (asked) {
      // A worker that cannot answer leaves the question to the page.
      if (message.type !== 'explained') return this.fallBackToPage();
      this.explains.delete(message.id);
      asked.resolve(message.gap);
      return;
    }
    if (message.type === 'explained') return;
    const request = this.request_;
    if (!request || message.id !== request.id || !this.shown_) return;
    if (message.type === 'error') {
      this.fallBackToPage();
      return;
    }
    if (message.type === 'forecast' && this.shown_.bandWorkMs === null) this.shown_ = { ...this.shown_, bandWorkMs: message.workMs };
    this.take(message.type === 'refused' ? { kind: 'refused', refusal: message.refusal } : { kind: 'forecast', forecast: message.forecast, done: message.done });
  }

  private take(result: { kind: 'refused'; refusal: Refusal } | { kind: 'forecast'; forecast: Forecast; done: boolean }): void {
    const request = this.request_!;
    const shown = this.shown_!;
    const elapsed = this.now() - request.at;
    if (result.kind === 'refused') {
      this.publish({ ...shown, forecast: null, fresh: true, done: true, refused: result.refusal, bandMs: elapsed, doneMs: elapsed });
      return;
    }
    this.publish({
      ...shown,
      forecast: result.forecast,
      fresh: true,
      done: result.done,
      bandMs: shown.bandMs ?? elapsed,
      doneMs: result.done ? elapsed : null,
    });
  }

  private startOnPage(): void {
    const request = this.request_;
    const state = this.state;
    if (!request || !state) return;
    this.pageJob = { id: request.id, job: new ForecastJob(state.scenario, state.state, request.moves, Math.min(this.futures, PAGE_FUTURES)) };
    this.schedulePage();
  }

  private schedulePage(): void {
    if (this.pageTimer !== null) return;
    this.pageTimer = setTimeout(() => {
      this.pageTimer = null;
      const job = this.pageJob;
      if (!job || job.id !== this.request_?.id) return;
      this.take(job.job.step());
      if (!job.job.done) this.schedulePage();
    }, 0);
  }

  private publish(shown: ForecastShown): void {
    this.shown_ = shown;
    for (const listener of this.listeners) listener(shown);
  }
}
