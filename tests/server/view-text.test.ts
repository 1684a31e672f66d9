// A group's view is serialised once per change and shared by the reply to its submission, its
// GET /me and the push to its screens: the three agree, and the shared text follows every change
// to the workshop (pause, deadline, close, hold and release, rollback) and to the group itself.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { botNamed, playBot } from '../../src/sim/index';
import { DATABASES, LiveClient, call, freshDatabase, scenarios, startInProcess, type Running } from './support';

const twoHats = scenarios.get('two-hats')!;
const SEED = 4242;

describe.each(DATABASES)("a group's view on %s", (kind) => {
  let running: Running;
  beforeEach(async () => {
    running = await startInProcess(await freshDatabase(kind));
  });
  afterEach(() => running.close());

  it('is the same in the reply, GET /me and the push, and follows every change', async () => {
    const base = running.base;
    const made = await call(base, 'POST', '/api/workshops', { scenario: 'two-hats', seed: SEED, pacing: 'instructor', hold: true });
    const id = made.body.workshop.id as string;
    const secret = made.body.instructorSecret as string;
    const token = (await call(base, 'POST', '/api/join', { code: id, name: 'Falcons' })).body.token as string;
    const plan = playBot(twoHats, SEED, botNamed('balanced')!).steps;
    const live = new LiveClient(base, id);
    await live.opened;
    live.send({ type: 'hello', token });
    await live.next((m) => m.type === 'group');
    const me = async () => (await call(base, 'GET', `/api/workshops/${id}/me`, undefined, token)).body;
    const pushed = (test: (m: any) => boolean) => live.next((m) => m.type === 'group' && test(m));
    const act = async (action: string, body: object) => expect((await call(base, 'POST', `/api/workshops/${id}/${action}`, body, secret)).status).toBe(200);

    const submitted = await call(base, 'POST', `/api/workshops/${id}/decisions`, { quarter: 1, step: plan[0] }, token);
    expect(submitted.status).toBe(200);
    expect(submitted.body.pending).toEqual(plan[0]);
    expect(await me()).toEqual(submitted.body);
    expect(await pushed((m) => m.pending !== null)).toEqual(submitted.body);

    await act('pause', {});
    expect((await me()).workshop.paused).toBe(true);
    await pushed((m) => m.workshop.paused === true);
    await act('resume', {});
    expect((await me()).workshop.paused).toBe(false);

    await act('deadline', { quarter: 1, minutes: 5 });
    expect((await me()).workshop.deadline).not.toBeNull();

    // A second plan for the same quarter replaces the first.
    const again = await call(base, 'POST', `/api/workshops/${id}/decisions`, { quarter: 1, step: { moves: [] } }, token);
    expect(again.body.pending).toEqual({ moves: [] });
    expect((await me()).pending).toEqual({ moves: [] });

    await act('rounds/close', { quarter: 1 });
    let view = await me();
    expect(view).toMatchObject({ quarter: 2, pending: null, steps: [], figures: [] }); // held
    expect(view.workshop).toMatchObject({ round: 2, deadline: null, released: 0 });
    await act('release', { quarter: 1 });
    view = await me();
    expect(view.steps).toEqual([{ moves: [] }]);
    expect(view.figures).toHaveLength(1);
    expect(await pushed((m) => m.workshop.released === 1)).toEqual(view);

    await act('rounds/rollback', { quarter: 1 });
    view = await me();
    expect(view).toMatchObject({ quarter: 1, pending: null, steps: [], figures: [] });
    expect(view.workshop).toMatchObject({ round: 1, released: 0 });
    expect(await pushed((m) => m.workshop.round === 1 && m.workshop.released === 0 && m.pending === null)).toEqual(view);
    live.close();
  });
});
