// Nobody let in: every instructor action needs the instructor's secret, a group's token acts for
// that group alone, and replayed requests change nothing. Bad bodies and bad live messages get
// an error that names what is wrong, and the server carries on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botNamed, playBot } from '../../src/sim/index';
import { DATABASES, LiveClient, call, freshDatabase, scenarios, startInProcess, type Running } from './support';

const twoHats = scenarios.get('two-hats')!;
const plan = playBot(twoHats, 9, botNamed('balanced')!).steps;

const INSTRUCTOR_ACTIONS: [string, string, unknown][] = [
  ['GET', 'board', undefined],
  ['GET', 'export.csv', undefined],
  ['GET', 'export.json', undefined],
  ['POST', 'rounds/close', { quarter: 1 }],
  ['POST', 'rounds/rollback', { quarter: 1 }],
  ['POST', 'pause', {}],
  ['POST', 'resume', {}],
  ['POST', 'release', { quarter: 0 }],
  ['POST', 'deadline', { quarter: 1, minutes: 5 }],
  ['POST', 'codes', { code: 'MSR2-XXXX' }],
];

describe.each(DATABASES)('who may do what, on %s', (kind) => {
  let running: Running;
  let base: string;
  let heat: { id: string; secret: string; token: string };
  let other: { id: string; secret: string; token: string };

  const make = async () => {
    const made = (await call(base, 'POST', '/api/workshops', { scenario: 'two-hats', seed: 9, pacing: 'instructor' })).body;
    const joined = (await call(base, 'POST', '/api/join', { code: made.workshop.id, name: 'Falcons' })).body;
    return { id: made.workshop.id as string, secret: made.instructorSecret as string, token: joined.token as string };
  };

  beforeAll(async () => {
    running = await startInProcess(await freshDatabase(kind));
    base = running.base;
    heat = await make();
    other = await make();
  });
  afterAll(() => running.close());

  it.each(INSTRUCTOR_ACTIONS)("refuses %s %s without the instructor's secret, and logs nothing", async (method, path, body) => {
    const url = `/api/workshops/${heat.id}/${path}`;
    const before = (await call(base, 'GET', `/api/workshops/${heat.id}/board`, undefined, heat.secret)).body;
    const tries: [string | undefined, number, string][] = [
      [undefined, 401, 'unauthorised'],
      ['not-a-real-token', 401, 'unauthorised'],
      [heat.token, 403, 'forbidden'],
      [other.secret, 401, 'unauthorised'],
      [other.token, 401, 'unauthorised'],
    ];
    for (const [token, status, error] of tries) {
      const reply = await call(base, method, url, body, token);
      expect([token === undefined ? 'none' : token.slice(0, 6), reply.status, reply.body.error]).toEqual([token === undefined ? 'none' : token.slice(0, 6), status, error]);
    }
    const after = (await call(base, 'GET', `/api/workshops/${heat.id}/board`, undefined, heat.secret)).body;
    expect(after).toEqual(before);
  });

  it("refuses a group's own actions with another group's, another heat's or the instructor's credentials", async () => {
    for (const [token, status] of [
      [undefined, 401],
      [other.token, 401],
      [heat.secret, 403],
      ['x'.repeat(300), 401],
    ] as const) {
      expect((await call(base, 'GET', `/api/workshops/${heat.id}/me`, undefined, token)).status).toBe(status);
      expect((await call(base, 'POST', `/api/workshops/${heat.id}/decisions`, { quarter: 1, step: plan[0] }, token)).status).toBe(status);
    }
    const me = (await call(base, 'GET', `/api/workshops/${heat.id}/me`, undefined, heat.token)).body;
    expect(me.pending).toBeNull();
    // The view a group gets holds its own game only: no other group, no secrets.
    expect(JSON.stringify(me)).not.toContain(heat.secret);
    expect(Object.keys(me).sort()).toEqual(['figures', 'finished', 'missed', 'name', 'pending', 'quarter', 'resultCode', 'seed', 'steps', 'type', 'workshop']);
  });

  it('makes a replayed request harmless: a close, a submission after the close, a join', async () => {
    const fresh = await make();
    const submit = () => call(base, 'POST', `/api/workshops/${fresh.id}/decisions`, { quarter: 1, step: plan[0] }, fresh.token);
    expect((await submit()).status).toBe(200);
    const closeRound = () => call(base, 'POST', `/api/workshops/${fresh.id}/rounds/close`, { quarter: 1 }, fresh.secret);
    expect((await closeRound()).status).toBe(200);
    const replayedClose = await closeRound();
    expect([replayedClose.status, replayedClose.body.error]).toEqual([409, 'wrong-quarter']);
    const replayedSubmit = await submit();
    expect([replayedSubmit.status, replayedSubmit.body.error]).toEqual([409, 'round-closed']);
    const replayedJoin = await call(base, 'POST', '/api/join', { code: fresh.id, name: 'Falcons' });
    expect([replayedJoin.status, replayedJoin.body.error]).toEqual([409, 'name-taken']);
    const board = (await call(base, 'GET', `/api/workshops/${fresh.id}/board`, undefined, fresh.secret)).body;
    expect(board.groups).toHaveLength(1);
    expect(board.workshop.round).toBe(2);
  });

  it('refuses malformed bodies with the field named, and bodies over the size limit', async () => {
    const cases: [unknown, string][] = [
      [{ scenario: 'two-hats', pacing: 'instructor', extra: 1 }, '(body)'],
      [{ scenario: 'two-hats', pacing: 'sometimes' }, 'pacing'],
      [{ scenario: 'two-hats', pacing: 'self', seed: -1 }, 'seed'],
      [{ pacing: 'self' }, 'scenario'],
    ];
    for (const [body, field] of cases) {
      const reply = await call(base, 'POST', '/api/workshops', body);
      expect([reply.status, reply.body.error, reply.body.field]).toEqual([400, 'bad-request', field]);
      expect(reply.body.message).toContain(`field ${field}`);
    }
    const notJson = await call(base, 'POST', '/api/workshops', '{"scenario": ');
    expect([notJson.status, notJson.body.error]).toEqual([400, 'bad-request']);
    const huge = await call(base, 'POST', '/api/join', { code: heat.id, name: 'x'.repeat(100_000) });
    expect([huge.status, huge.body.error]).toEqual([413, 'too-large']);
    const badStep = await call(base, 'POST', `/api/workshops/${heat.id}/decisions`, { quarter: 1, step: { moves: [{ kind: 'bribe', points: 1 }] } }, heat.token);
    expect([badStep.status, badStep.body.field]).toEqual([400, 'step.moves.0.kind']);
    const unknown = await call(base, 'GET', '/api/nothing-here');
    expect(unknown.status).toBe(404);
    expect((await call(base, 'GET', `/api/workshops/NOPE-NOPE/board`, undefined, heat.secret)).status).toBe(404);
  });

  it('answers a live message that does not parse with an error and keeps the channel open; a wrong token is shut out', async () => {
    const live = new LiveClient(base, heat.id);
    await live.opened;
    live.send('this is not json');
    expect((await live.next((m) => m.type === 'error')).error).toBe('bad-message');
    live.send({ type: 'hello', token: 42 });
    await live.next((m) => m.type === 'error' && /token/.test(m.message));
    live.send({ type: 'hello', token: heat.token });
    const view = await live.next((m) => m.type === 'group');
    expect(view.name).toBe('Falcons');
    const intruder = new LiveClient(base, heat.id);
    await intruder.opened;
    intruder.send({ type: 'hello', token: other.token });
    expect((await intruder.next((m) => m.type === 'error')).error).toBe('unauthorised');
    await new Promise<void>((resolve) => intruder.socket.once('close', () => resolve()));
    // The server still answers.
    expect((await call(base, 'GET', '/api/health')).status).toBe(200);
    live.close();
  });
});
