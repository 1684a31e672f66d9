// Many groups submitting at once (a classroom's burst): the appends are committed together in a
// few transactions (group commit), each decided on the state the ones before it left, a plan the
// model refuses is refused alone, and every group still gets exactly its own plan back.
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer, type WorkshopServer } from '../../src/server/app';
import type { Database } from '../../src/server/db';
import { openDatabase } from '../../src/server/open-database';
import { botNamed, playBot, playSteps } from '../../src/sim/index';
import { DATABASES, call, freshDatabase, scenarios } from './support';

const twoHats = scenarios.get('two-hats')!;
const SEED = 4242;
const GROUPS = 40;
const BOT_NAMES = ['balanced', 'all-sales', 'all-marketing', 'adaptive'];

/** The database with its transactions counted. */
function counted(db: Database): { db: Database; transactions: () => number } {
  let transactions = 0;
  const withHeatLock: Database['withHeatLock'] = (heatId, work) => {
    transactions++;
    return db.withHeatLock(heatId, work);
  };
  return { db: Object.assign(Object.create(db) as Database, { withHeatLock }), transactions: () => transactions };
}

describe.each(DATABASES)('a burst of submissions on %s', (kind) => {
  let server: WorkshopServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('commits them in a few transactions, refuses the bad plan alone, and gives every group its own plan', async () => {
    const tx = counted(await openDatabase(await freshDatabase(kind)));
    server = await buildServer({ db: tx.db, scenarios, staticDir: null });
    const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const made = await call(base, 'POST', '/api/workshops', { scenario: 'two-hats', seed: SEED, pacing: 'instructor' });
    const { id } = made.body.workshop;
    const secret = made.body.instructorSecret as string;
    const tokens: string[] = [];
    for (let i = 0; i < GROUPS; i++) tokens.push((await call(base, 'POST', '/api/join', { code: id, name: `Group ${i + 1}` })).body.token);
    const games = tokens.map((_, i) => playBot(twoHats, SEED, botNamed(BOT_NAMES[i % BOT_NAMES.length]!)!).steps);
    const refusedAt = 7;

    // Injected into the app all in one turn of the event loop, as a server far behind its
    // sockets reads them: the same routes, handlers and store as over HTTP.
    const before = tx.transactions();
    const replies = await Promise.all(
      tokens.map(async (token, i) => {
        const step = i === refusedAt ? { moves: [{ kind: 'closing', points: 999 }] } : games[i]![0];
        const reply = await server!.app.inject({ method: 'POST', url: `/api/workshops/${id}/decisions`, headers: { authorization: `Bearer ${token}` }, payload: { quarter: 1, step } });
        return { status: reply.statusCode, body: reply.json() };
      }),
    );
    const used = tx.transactions() - before;

    replies.forEach((reply, i) => {
      if (i === refusedAt) {
        expect(reply.status).toBe(422);
        expect(reply.body.error).toBe('refused-by-model');
      } else {
        expect(reply.status, JSON.stringify(reply.body)).toBe(200);
        expect(reply.body.name).toBe(`Group ${i + 1}`);
        expect(reply.body.pending).toEqual(games[i]![0]);
      }
    });
    // One transaction per submission was the old cost; a burst shares them.
    expect(used).toBeLessThanOrEqual(GROUPS / 4);

    const board = await call(base, 'GET', `/api/workshops/${id}/board`, undefined, secret);
    expect(board.body.submitted).toBe(GROUPS - 1);
    expect((await call(base, 'POST', `/api/workshops/${id}/rounds/close`, { quarter: 1 }, secret)).status).toBe(200);
    for (const i of [0, refusedAt, GROUPS - 1]) {
      const me = (await call(base, 'GET', `/api/workshops/${id}/me`, undefined, tokens[i])).body;
      const played = i === refusedAt ? me.steps : [games[i]![0]];
      expect(me.steps).toEqual(played);
      expect(me.missed).toEqual(i === refusedAt ? [1] : []);
      expect(me.figures.at(-1).score).toBe(playSteps(twoHats, SEED, played).history.at(-1)!.score.total);
    }
  });
});
