// The forecast client (src/app/forecast-client.ts): on a page without workers it plays the same
// steps on the page and ends with the model's forecast; with a worker, only the newest plan's
// answers count, the figures shown stay (marked stale) until the new band comes, and a worker that
// fails hands the work to the page. The quarter report's forecast against the actual is asked the
// same way: of the worker, or worked out on the page.
import { describe, expect, it } from 'vitest';
import { ForecastClient, PAGE_FUTURES, planKey, type ForecastShown } from '../../src/app/forecast-client';
import type { FromForecastWorker, ToForecastWorker } from '../../src/app/forecast-protocol';
import { forecastGapOfPlan } from '../../src/debrief/forecast-gap';
import { FORECAST_FUTURES, createGame, forecast, type Move } from '../../src/sim/index';
import { loadShipped } from '../support/scenarios';

const scenario = loadShipped('two-hats');
const state = createGame(scenario, 1);
const plan: Move[] = [
  { kind: 'campaign', target: 'house-blend', points: 4 },
  { kind: 'closing', points: 3 },
];

function until(client: ForecastClient, done: (shown: ForecastShown) => boolean): Promise<ForecastShown> {
  return new Promise((resolve) => {
    const now = client.shown();
    if (now && done(now)) return resolve(now);
    const stop = client.subscribe((shown) => {
      if (done(shown)) {
        stop();
        resolve(shown);
      }
    });
  });
}

/** A stand-in for the worker: records what the page posts; the test answers by hand. */
class FakeWorker {
  posted: ToForecastWorker[] = [];
  onmessage: ((event: MessageEvent<FromForecastWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  postMessage(message: ToForecastWorker): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(message: FromForecastWorker): void {
    this.onmessage?.({ data: message } as MessageEvent<FromForecastWorker>);
  }
}

describe('the forecast client', () => {
  it('on a page without workers, plays the steps on the page and ends with the model’s own forecast on fewer futures', async () => {
    const client = new ForecastClient(() => null);
    client.request(scenario, state, plan);
    expect(client.shown()).toMatchObject({ plan: planKey(plan), fresh: false, done: false, runner: 'page' });
    const shown = await until(client, (s) => s.done);
    expect(shown.fresh).toBe(true);
    expect(shown.forecast).toEqual(forecast(scenario, state, { moves: plan }, PAGE_FUTURES));
    expect(shown.bandMs).not.toBeNull();
  });

  it('sends the game state once per state, and drops the answers to a plan that is no longer on screen', () => {
    const worker = new FakeWorker();
    const client = new ForecastClient(() => worker as unknown as Worker);
    client.request(scenario, state, plan);
    client.request(scenario, state, plan);
    const second: Move[] = [{ kind: 'closing', points: 5 }];
    client.request(scenario, state, second);
    expect(worker.posted.map((m) => m.type)).toEqual(['game', 'plan', 'plan']);
    const [, first, latest] = worker.posted as [ToForecastWorker, Extract<ToForecastWorker, { type: 'plan' }>, Extract<ToForecastWorker, { type: 'plan' }>];
    const old = forecast(scenario, state, { moves: plan }, 10);
    worker.answer({ type: 'forecast', id: first.id, forecast: old, done: true, workMs: 1 });
    expect(client.shown()).toMatchObject({ plan: planKey(second), forecast: null, fresh: false });
    const now = forecast(scenario, state, { moves: second }, 10);
    worker.answer({ type: 'forecast', id: latest.id, forecast: now, done: false, workMs: 1 });
    expect(client.shown()).toMatchObject({ plan: planKey(second), forecast: now, fresh: true, done: false });
    // The next plan keeps these figures up, marked stale, until its own band comes.
    client.request(scenario, state, plan);
    expect(client.shown()).toMatchObject({ plan: planKey(plan), forecast: now, fresh: false });
    // A new game state is sent before the plan for it.
    const next = { ...state };
    client.request(scenario, next, plan);
    expect(worker.posted.slice(-2).map((m) => m.type)).toEqual(['game', 'plan']);
  });

  it('starts its worker once, when prepared before any plan', () => {
    let started = 0;
    const worker = new FakeWorker();
    const client = new ForecastClient(() => {
      started++;
      return worker as unknown as Worker;
    });
    client.prepare();
    client.prepare();
    expect(started).toBe(1);
    expect(worker.posted).toEqual([]);
    client.request(scenario, state, plan);
    expect(started).toBe(1);
    expect(worker.posted.map((m) => m.type)).toEqual(['game', 'plan']);
  });

  it('shows the model’s refusal of a plan', () => {
    const worker = new FakeWorker();
    const client = new ForecastClient(() => worker as unknown as Worker);
    client.request(scenario, state, plan);
    const sent = worker.posted[1] as Extract<ToForecastWorker, { type: 'plan' }>;
    worker.answer({ type: 'refused', id: sent.id, refusal: { code: 'over-budget', planned: 21, available: 20, reserved: 0 } });
    expect(client.shown()).toMatchObject({ forecast: null, fresh: true, done: true, refused: { code: 'over-budget' } });
  });

  it('hands the work to the page when the worker fails', async () => {
    const worker = new FakeWorker();
    const client = new ForecastClient(() => worker as unknown as Worker);
    client.request(scenario, state, plan);
    worker.onerror?.({ preventDefault() {} } as ErrorEvent);
    expect(worker.terminated).toBe(true);
    const shown = await until(client, (s) => s.done);
    expect(shown.runner).toBe('page');
    expect(shown.forecast).toEqual(forecast(scenario, state, { moves: plan }, PAGE_FUTURES));
  });
});

describe('the forecast client, asked by the quarter report for the forecast against the actual', () => {
  it('asks the worker, after the state the plan was made in, and gives its answer', async () => {
    const worker = new FakeWorker();
    const client = new ForecastClient(() => worker as unknown as Worker);
    client.request(scenario, state, plan);
    const asked = client.explain(scenario, state, plan);
    // The worker has this state already: only the question goes.
    expect(worker.posted.map((m) => m.type)).toEqual(['game', 'plan', 'explain']);
    const question = worker.posted[2] as Extract<ToForecastWorker, { type: 'explain' }>;
    expect(question).toMatchObject({ key: (worker.posted[0] as Extract<ToForecastWorker, { type: 'game' }>).key, moves: plan, futures: FORECAST_FUTURES });
    const gap = forecastGapOfPlan(scenario, state, plan, 10);
    worker.answer({ type: 'explained', id: question.id, gap });
    expect(await asked).toBe(gap);
    // Another state (a report opened after a reload) goes to the worker first.
    const other = { ...state };
    void client.explain(scenario, other, plan);
    expect(worker.posted.slice(-2).map((m) => m.type)).toEqual(['game', 'explain']);
  });

  it('on a page without workers, works it out on the page on the page’s futures', async () => {
    const client = new ForecastClient(() => null);
    expect(await client.explain(scenario, state, plan)).toEqual(forecastGapOfPlan(scenario, state, plan, PAGE_FUTURES));
  });

  it('hands the question to the page when the worker cannot answer it', async () => {
    const worker = new FakeWorker();
    const client = new ForecastClient(() => worker as unknown as Worker);
    const asked = client.explain(scenario, state, plan);
    const question = worker.posted[1] as Extract<ToForecastWorker, { type: 'explain' }>;
    worker.answer({ type: 'error', id: question.id, message: 'no' });
    expect(worker.terminated).toBe(true);
    expect(await asked).toEqual(forecastGapOfPlan(scenario, state, plan, PAGE_FUTURES));
  });
});
