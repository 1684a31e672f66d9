// Nothing lost: the server killed with SIGKILL mid-round and started again on the same database
// has every join, submission and standing back, and its clients reconnect and carry on. Two
// server processes on one PostgreSQL serve one heat, and a board on one sees a submission made
// through the other within a second.
import { afterEach, describe, expect, it } from 'vitest';
import { botNamed, playBot, playSteps } from '../../src/sim/index';
import { DATABASES, LiveClient, call, freshDatabase, scenarios, spawnServer, type Spawned } from './support';

const twoHats = scenarios.get('two-hats')!;
const SEED = 77;
const plans = { Falcons: playBot(twoHats, SEED, botNamed('balanced')!).steps, Owls: playBot(twoHats, SEED, botNamed('all-marketing')!).steps };

const started: Spawned[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.kill()));
});

async function spawn(target: Parameters<typeof spawnServer>[0]): Promise<Spawned> {
  const server = await spawnServer(target);
  started.push(server);
  return server;
}

describe.each(DATABASES)('a crash on %s', (kind) => {
  it('loses nothing: joins, submissions and standings are back after SIGKILL, and clients carry on', async () => {
    const target = await freshDatabase(kind);
    const first = await spawn(target);
    const made = (await call(first.base, 'POST', '/api/workshops', { scenario: 'two-hats', seed: SEED, pacing: 'instructor' })).body;
    const id = made.workshop.id as string;
    const secret = made.instructorSecret as string;
    const tokens: Record<string, string> = {};
    for (const name of ['Falcons', 'Owls'] as const) tokens[name] = (await call(first.base, 'POST', '/api/join', { code: id, name })).body.token;
    for (const name of ['Falcons', 'Owls'] as const) expect((await call(first.base, 'POST', `/api/workshops/${id}/decisions`, { quarter: 1, step: plans[name][0] }, tokens[name])).status).toBe(200);
    expect((await call(first.base, 'POST', `/api/workshops/${id}/rounds/close`, { quarter: 1 }, secret)).status).toBe(200);
    // Mid-round 2: one group has submitted, the other is still planning.
    expect((await call(first.base, 'POST', `/api/workshops/${id}/decisions`, { quarter: 2, step: plans.Falcons[1] }, tokens.Falcons)).status).toBe(200);
    const before = (await call(first.base, 'GET', `/api/workshops/${id}/board`, undefined, secret)).body;
    const live = new LiveClient(first.base, id);
    await live.opened;
    live.send({ type: 'hello', token: tokens.Owls });
    await live.next((m) => m.type === 'group');
    const closed = new Promise<void>((resolve) => live.socket.once('close', () => resolve()));

    await first.kill();
    await closed;

    const second = await spawn(target);
    const after = (await call(second.base, 'GET', `/api/workshops/${id}/board`, undefined, secret)).body;
    expect(after).toEqual(before);
    expect(after.submitted).toBe(1);
    // The group's device reconnects with the token it kept, and finishes the round.
    const again = new LiveClient(second.base, id);
    await again.opened;
    again.send({ type: 'hello', token: tokens.Owls });
    expect((await again.next((m) => m.type === 'group')).quarter).toBe(2);
    expect((await call(second.base, 'POST', `/api/workshops/${id}/decisions`, { quarter: 2, step: plans.Owls[1] }, tokens.Owls)).status).toBe(200);
    expect((await call(second.base, 'POST', `/api/workshops/${id}/rounds/close`, { quarter: 2 }, secret)).status).toBe(200);
    const report = await again.next((m) => m.type === 'group' && m.figures.length === 2);
    expect(report.figures.map((f: any) => f.score)).toEqual(playSteps(twoHats, SEED, plans.Owls.slice(0, 2)).history.map((r) => r.score.total));
    again.close();
  });
});

describe('two server processes on one PostgreSQL', () => {
  it('serve one heat: a board on one sees a submission made through the other within a second', async () => {
    const target = await freshDatabase('postgres');
    const [a, b] = await Promise.all([spawn(target), spawn(target)]);
    const made = (await call(a.base, 'POST', '/api/workshops', { scenario: 'two-hats', seed: SEED, pacing: 'instructor' })).body;
    const id = made.workshop.id as string;
    const board = new LiveClient(a.base, id);
    await board.opened;
    board.send({ type: 'hello', token: made.instructorSecret });
    await board.next((m) => m.type === 'board');
    const token = (await call(b.base, 'POST', '/api/join', { code: id, name: 'Falcons' })).body.token;
    await board.next((m) => m.type === 'board' && m.groups.length === 1, 1000);
    const sent = Date.now();
    expect((await call(b.base, 'POST', `/api/workshops/${id}/decisions`, { quarter: 1, step: plans.Falcons[0] }, token)).status).toBe(200);
    await board.next((m) => m.type === 'board' && m.submitted === 1, 1000);
    expect(Date.now() - sent).toBeLessThan(1000);
    // Writes from both processes to the one heat are serialised: concurrent joins all land, each once.
    const names = Array.from({ length: 20 }, (_, i) => `Group ${i + 1}`);
    const joins = await Promise.all(names.map((name, i) => call(i % 2 ? a.base : b.base, 'POST', '/api/join', { code: id, name })));
    expect(joins.map((j) => j.status)).toEqual(names.map(() => 201));
    const final = (await call(b.base, 'GET', `/api/workshops/${id}/board`, undefined, made.instructorSecret)).body;
    expect(final.groups.map((g: any) => g.name).sort()).toEqual(['Falcons', ...names].sort());
    board.close();
  });
});
