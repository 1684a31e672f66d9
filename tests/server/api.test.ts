// The workshop API against both databases: a workshop created, joined, played and closed round
// by round gives each group exactly the game the model gives its decisions; the pacing rules,
// holds, rollbacks and the missed rule; offline codes verified on the live board; exports.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeReplay } from '../../src/replay/replay';
import { makeResultCode, verifyResultCode } from '../../src/scoreboard/index';
import { botNamed, playBot, playSteps, type Scenario, type Step } from '../../src/sim/index';
import { DATABASES, LiveClient, call, freshDatabase, scenarios, startInProcess, type Running } from './support';

const twoHats = scenarios.get('two-hats')!;
const SEED = 4242;
const stepsOf = (bot: string, scenario: Scenario = twoHats) => playBot(scenario, SEED, botNamed(bot)!).steps;

async function workshop(base: string, body: Record<string, unknown> = {}) {
  const made = await call(base, 'POST', '/api/workshops', { scenario: 'two-hats', seed: SEED, pacing: 'instructor', ...body });
  expect(made.status).toBe(201);
  return { id: made.body.workshop.id as string, secret: made.body.instructorSecret as string, made: made.body };
}

async function join(base: string, code: string, name: string) {
  const joined = await call(base, 'POST', '/api/join', { code, name });
  expect(joined.status, JSON.stringify(joined.body)).toBe(201);
  return joined.body.token as string;
}

const submit = (base: string, id: string, token: string, quarter: number, step: Step) => call(base, 'POST', `/api/workshops/${id}/decisions`, { quarter, step }, token);
const close = (base: string, id: string, secret: string, quarter: number) => call(base, 'POST', `/api/workshops/${id}/rounds/close`, { quarter }, secret);

describe.each(DATABASES)('the workshop API on %s', (kind) => {
  let running: Running;
  let base: string;
  beforeEach(async () => {
    running = await startInProcess(await freshDatabase(kind));
    base = running.base;
  });
  afterEach(() => running.close());

  it('plays an instructor-paced workshop round by round: each group gets the game the model gives its decisions', async () => {
    const { id, secret, made } = await workshop(base);
    expect(made.joinLink).toBe(`${base.replace('127.0.0.1', '127.0.0.1')}/?join=${id}`);
    expect(made.instructorLink).toContain(`#secret=${secret}`);
    const a = await join(base, id, 'Falcons');
    // The heat code joins too (the newest workshop on it).
    const b = await join(base, made.workshop.heatCode, 'Owls');
    const balanced = stepsOf('balanced');
    const sales = stepsOf('all-sales');
    const live = new LiveClient(base, id);
    await live.opened;
    live.send({ type: 'hello', token: secret });
    await live.next((m) => m.type === 'board');
    for (let q = 1; q <= twoHats.quarters; q++) {
      expect((await submit(base, id, a, q, balanced[q - 1]!)).status).toBe(200);
      const before = await call(base, 'GET', `/api/workshops/${id}/board`, undefined, secret);
      expect(before.body.submitted).toBe(1);
      expect(before.body.groups.map((g: any) => [g.name, g.status])).toEqual(expect.arrayContaining([['Falcons', 'submitted'], ['Owls', 'planning']]));
      expect((await submit(base, id, b, q, sales[q - 1]!)).status).toBe(200);
      const closed = await close(base, id, secret, q);
      expect(closed.status, JSON.stringify(closed.body)).toBe(200);
      expect(closed.body.workshop.round).toBe(q + 1);
      await live.next((m) => m.type === 'board' && m.workshop.round === q + 1);
    }
    const board = await call(base, 'GET', `/api/workshops/${id}/board`, undefined, secret);
    const truth = { Falcons: playSteps(twoHats, SEED, balanced), Owls: playSteps(twoHats, SEED, sales) };
    for (const row of board.body.groups) {
      const state = truth[row.name as 'Falcons' | 'Owls'];
      expect(row.status).toBe('finished');
      expect(row.played).toBe(twoHats.quarters);
      expect(row.score).toBe(state.history.at(-1)!.score.total);
    }
    expect(board.body.workshop.finished).toBe(true);
    const me = await call(base, 'GET', `/api/workshops/${id}/me`, undefined, a);
    expect(me.body.steps).toEqual(balanced);
    expect(me.body.figures.map((f: any) => f.revenue)).toEqual(truth.Falcons.history.map((r) => r.revenue));
    // The group's result code is the one offline play of the same decisions makes, and verifies.
    expect(me.body.resultCode).toBe(makeResultCode(twoHats, makeReplay(twoHats, SEED, balanced), 'Falcons'));
    const verified = verifyResultCode(me.body.resultCode, twoHats, { seed: SEED });
    expect(verified.ok && verified.score).toBe(truth.Falcons.history.at(-1)!.score.total);
    live.close();
  });

  it('gives a group that missed the close its last plan again under "carry", and nothing under "none"', async () => {
    for (const missed of ['carry', 'none'] as const) {
      const { id, secret } = await workshop(base, { missed });
      const a = await join(base, id, 'Falcons');
      const plan = stepsOf('balanced');
      await submit(base, id, a, 1, plan[0]!);
      expect((await close(base, id, secret, 1)).status).toBe(200);
      expect((await close(base, id, secret, 2)).status).toBe(200);
      const me = (await call(base, 'GET', `/api/workshops/${id}/me`, undefined, a)).body;
      expect(me.missed).toEqual([2]);
      // Carried: the first quarter's plan less the moves on accounts lost in it (this seed loses one).
      const lost = playSteps(twoHats, SEED, [plan[0]!]).history[0]!.lostAccounts;
      expect(lost.length).toBeGreaterThan(0);
      const kept = plan[0]!.moves.filter((m) => !lost.includes(m.target ?? ''));
      expect(me.steps[1].moves).toEqual(missed === 'carry' ? kept : []);
    }
  });

  it('resolves a self-paced group at once, refuses the wrong quarter, and finishes with a code that verifies', async () => {
    const { id } = await workshop(base, { pacing: 'self' });
    const a = await join(base, id, 'Falcons');
    const plan = stepsOf('balanced');
    const first = await submit(base, id, a, 1, plan[0]!);
    expect(first.status).toBe(200);
    expect(first.body.quarter).toBe(2);
    expect(first.body.figures).toHaveLength(1);
    // The same request again is for a quarter already played: refused, nothing changes.
    const again = await submit(base, id, a, 1, plan[0]!);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: 'wrong-quarter', quarter: 2 });
    for (let q = 2; q <= twoHats.quarters; q++) expect((await submit(base, id, a, q, plan[q - 1]!)).status).toBe(200);
    const me = (await call(base, 'GET', `/api/workshops/${id}/me`, undefined, a)).body;
    expect(me.finished).toBe(true);
    expect(verifyResultCode(me.resultCode, twoHats, { seed: SEED }).ok).toBe(true);
    const over = await submit(base, id, a, twoHats.quarters + 1, { moves: [] });
    expect(over.body.error).toBe('finished');
  });

  it("refuses a plan the model refuses, with the model's refusal, and logs nothing", async () => {
    const { id, secret } = await workshop(base);
    const a = await join(base, id, 'Falcons');
    const refused = await submit(base, id, a, 1, { moves: [{ kind: 'closing', points: 999 }] });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe('refused-by-model');
    expect(refused.body.refusal.code).toBe('over-budget');
    const board = await call(base, 'GET', `/api/workshops/${id}/board`, undefined, secret);
    expect(board.body.submitted).toBe(0);
  });

  it('holds closed rounds from the groups and the projector until released, and rolls back the last round', async () => {
    const { id, secret } = await workshop(base, { hold: true });
    const a = await join(base, id, 'Falcons');
    const plan = stepsOf('balanced');
    await submit(base, id, a, 1, plan[0]!);
    await close(base, id, secret, 1);
    let me = (await call(base, 'GET', `/api/workshops/${id}/me`, undefined, a)).body;
    expect(me.steps).toEqual([]);
    expect(me.figures).toEqual([]);
    const projector = (await call(base, 'GET', `/api/workshops/${id}/board?audience=projector`, undefined, secret)).body;
    expect(projector.groups[0].played).toBe(0);
    const instructor = (await call(base, 'GET', `/api/workshops/${id}/board`, undefined, secret)).body;
    expect(instructor.groups[0].played).toBe(1);
    expect((await call(base, 'POST', `/api/workshops/${id}/release`, { quarter: 2 }, secret)).body.error).toBe('wrong-quarter');
    expect((await call(base, 'POST', `/api/workshops/${id}/release`, { quarter: 1 }, secret)).status).toBe(200);
    me = (await call(base, 'GET', `/api/workshops/${id}/me`, undefined, a)).body;
    expect(me.figures).toHaveLength(1);
    // Rolling back reopens quarter 1: the group plans it again, the release is withdrawn.
    expect((await call(base, 'POST', `/api/workshops/${id}/rounds/rollback`, { quarter: 1 }, secret)).status).toBe(200);
    me = (await call(base, 'GET', `/api/workshops/${id}/me`, undefined, a)).body;
    expect(me).toMatchObject({ quarter: 1, pending: null, figures: [] });
    expect(me.workshop).toMatchObject({ round: 1, released: 0 });
    expect((await call(base, 'POST', `/api/workshops/${id}/rounds/rollback`, { quarter: 1 }, secret)).body.error).toBe('nothing-to-roll-back');
    expect((await submit(base, id, a, 1, plan[1]!)).status).toBe(200);
  });

  it('refuses submissions while paused and closes a round by itself at its deadline', async () => {
    const { id, secret } = await workshop(base);
    const a = await join(base, id, 'Falcons');
    expect((await call(base, 'POST', `/api/workshops/${id}/pause`, {}, secret)).status).toBe(200);
    expect((await submit(base, id, a, 1, { moves: [] })).body.error).toBe('paused');
    expect((await call(base, 'POST', `/api/workshops/${id}/pause`, {}, secret)).body.error).toBe('paused');
    expect((await call(base, 'POST', `/api/workshops/${id}/resume`, {}, secret)).status).toBe(200);
    const set = await call(base, 'POST', `/api/workshops/${id}/deadline`, { quarter: 1, minutes: 0.005 }, secret);
    expect(set.status).toBe(200);
    expect(Date.parse(set.body.workshop.deadline)).toBeGreaterThan(Date.now() - 1000);
    const deadline = Date.now() + 5000;
    let round = 1;
    while (round === 1 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      round = (await call(base, 'GET', `/api/workshops/${id}/board`, undefined, secret)).body.workshop.round;
    }
    expect(round).toBe(2);
  });

  it('verifies offline result codes added to the live board the same way, and names a forged one', async () => {
    const { id, secret } = await workshop(base, { pacing: 'self' });
    const honest = makeResultCode(twoHats, makeReplay(twoHats, SEED, stepsOf('balanced')), 'Offline team');
    const forged = makeResultCode(twoHats, makeReplay(twoHats, SEED, stepsOf('all-sales')), 'Forgers', { score: 99, stateHash: '0'.repeat(16) });
    expect((await call(base, 'POST', `/api/workshops/${id}/codes`, { code: honest }, secret)).status).toBe(200);
    const board = (await call(base, 'POST', `/api/workshops/${id}/codes`, { code: forged }, secret)).body;
    expect(board.codes).toEqual([
      { label: 'added code 1', group: 'Offline team', ok: true, score: playSteps(twoHats, SEED, stepsOf('balanced')).history.at(-1)!.score.total, reason: null },
      expect.objectContaining({ label: 'added code 2', group: 'Forgers', ok: false, score: null }),
    ]);
    expect(board.codes[1].reason).toMatch(/score/);
    const csv = await call(base, 'GET', `/api/workshops/${id}/export.csv`, undefined, secret);
    expect(csv.status).toBe(200);
    expect(csv.body.split('\r\n')[1]).toMatch(/^1,Offline team,verified,/);
    const json = await call(base, 'GET', `/api/workshops/${id}/export.json`, undefined, secret);
    expect(json.body.board.ranking[0].group).toBe('Offline team');
  });

  it("sends a group its view only when its own record or the workshop's state changed", async () => {
    const { id, secret } = await workshop(base);
    const a = await join(base, id, 'Falcons');
    const b = await join(base, id, 'Owls');
    const live = new LiveClient(base, id);
    await live.opened;
    live.send({ type: 'hello', token: a });
    await live.next((m) => m.type === 'group');
    const board = new LiveClient(base, id);
    await board.opened;
    board.send({ type: 'hello', token: secret });
    await board.next((m) => m.type === 'board');
    // Another group's plan changes the board, not the Falcons' view.
    expect((await submit(base, id, b, 1, { moves: [] })).status).toBe(200);
    await board.next((m) => m.type === 'board' && m.submitted === 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(live.messages.filter((m) => m.type === 'group')).toHaveLength(1);
    expect((await close(base, id, secret, 1)).status).toBe(200);
    const after = await live.next((m) => m.type === 'group' && m.workshop.round === 2);
    expect(after.figures).toHaveLength(1);
    live.close();
    board.close();
  });

  it('decides appends made at once one after another, each on the state the ones before left', async () => {
    const { id, secret } = await workshop(base);
    const joins = await Promise.all(Array.from({ length: 12 }, () => call(base, 'POST', '/api/join', { code: id, name: 'Same name' })));
    expect(joins.map((j) => j.status).sort()).toEqual([201, ...Array(11).fill(409)]);
    const tokens = await Promise.all(Array.from({ length: 40 }, (_, i) => join(base, id, `Group ${i}`)));
    const plans = await Promise.all(tokens.map((t) => submit(base, id, t, 1, { moves: [] })));
    expect(plans.every((p) => p.status === 200)).toBe(true);
    const board = (await call(base, 'GET', `/api/workshops/${id}/board`, undefined, secret)).body;
    expect([board.groups.length, board.submitted]).toEqual([41, 40]);
  });

  it('keeps group names apart and to the listed groups', async () => {
    const { id } = await workshop(base, { groups: ['Red', 'Blue'] });
    expect((await call(base, 'POST', '/api/join', { code: id, name: 'Green' })).body.error).toBe('name-not-listed');
    await join(base, id.toLowerCase(), 'red');
    expect((await call(base, 'POST', '/api/join', { code: id, name: 'RED' })).body.error).toBe('name-taken');
    expect((await call(base, 'POST', '/api/join', { code: id, name: 'Bl\u202eue' })).body.error).toBe('bad-name');
    const open = await workshop(base);
    expect((await call(base, 'POST', '/api/join', { code: open.id, name: '' })).body.error).toBe('bad-name');
    expect((await call(base, 'POST', '/api/join', { code: 'ZZZZ-ZZZZ', name: 'x' })).status).toBe(404);
    // Listed names are checked when the workshop is made, so no listed group is left unable to join.
    for (const [groups, field] of [[['Red', 'x'.repeat(61)], 'groups.1'], [['Red', ' red '], 'groups.1'], [['Line\nbreak'], 'groups.0']] as const) {
      const made = await call(base, 'POST', '/api/workshops', { scenario: 'two-hats', pacing: 'self', groups });
      expect([made.status, made.body.error, made.body.field]).toEqual([422, 'bad-name', field]);
    }
  });
});
