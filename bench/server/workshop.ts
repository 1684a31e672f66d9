// `npm run bench:server`'s load generator: drives one whole instructor-paced workshop over the
// server's real HTTP API and live channel, as N groups and an instructor would: the workshop is
// created, every group joins and keeps a WebSocket open (so does the instructor's board), each
// round every group submits its bot's plan for the quarter (spread over a planning window, or
// all at once in the burst round), the instructor closes the round once the board shows every
// plan in, and we time until every group's socket holds its view of the next round. At the end
// every group's final view and standing is checked against the model (playSteps of the steps it
// submitted). One process, cheap on purpose: fetch (undici, keep-alive) for HTTP, `ws` for the
// sockets, and a socket's messages are only sniffed for their round until the last one.
import { WebSocket } from 'ws';
import { canonicalJson, playSteps, type Scenario, type Step } from '../../src/sim/index';

export interface WorkshopPlan {
  scenario: Scenario;
  seed: number;
  groups: number;
  /** Each group's steps, one per quarter (a bot's whole game), and the bot's name. */
  games: { bot: string; steps: Step[] }[];
  /** Submissions arrive uniformly at random within this many ms of the round opening. */
  windowMs: number;
  /** The round whose submissions all arrive at once. */
  burstRound: number;
  /** Seeds the submission times, so runs are comparable. */
  timingSeed: number;
}

export interface RoundResult {
  quarter: number;
  burst: boolean;
  /** Submission round trips (ms), in the order they finished. */
  submissions: number[];
  /** From the first submission sent until the board showed every plan in. */
  planningMs: number;
  /** The close request's own round trip. */
  closeHttpMs: number;
  /** From sending the close until every group's socket held its view of the next round. */
  closeAllMs: number;
  /** From sending the close until the instructor's board socket showed the next round. */
  closeBoardMs: number;
  /** Views each group's socket was sent during the round (planning and close), on average. */
  viewsPerGroup: number;
  /** Bytes the server sent the group sockets during the round. */
  bytesToGroups: number;
  /** Server CPU seconds during the round (planning and close). */
  serverCpu: number;
}

export interface WorkshopResult {
  workshopId: string;
  joins: number[];
  joinPhaseMs: number;
  /** From the first hello until every socket had its first view. */
  helloPhaseMs: number;
  rounds: RoundResult[];
  /** Problems that mean the workshop did not complete correctly. */
  failures: string[];
  /** Groups whose final standing was checked against the model. */
  verifiedGroups: number;
}

interface Reply {
  status: number;
  text: string;
  ms: number;
}

async function call(base: string, method: string, path: string, body?: unknown, token?: string): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const started = performance.now();
  const response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
}

/** A small seeded generator (mulberry32) for submission times. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The whole number right after the first `key` in a message, or null. */
function numberAfter(data: Buffer, key: string): number | null {
  const at = data.indexOf(key);
  if (at < 0) return null;
  let value = 0;
  let i = at + key.length;
  for (; i < data.length && data[i]! >= 0x30 && data[i]! <= 0x39; i++) value = value * 10 + data[i]! - 0x30;
  return i === at + key.length ? null : value;
}

/** A live socket that only sniffs each message's round (and, for the board, its submitted count); it keeps the last message whole. */
class Screen {
  readonly socket: WebSocket;
  round = 0;
  submitted = -1;
  messages = 0;
  bytes = 0;
  /** The last message, kept as it came: parsed only at the end. */
  last: Buffer = Buffer.alloc(0);
  error: string | null = null;
  private waiters: { test: () => boolean; resolve: (at: number) => void }[] = [];

  constructor(base: string, workshopId: string, token: string, audience?: 'instructor') {
    this.socket = new WebSocket(`${base.replace(/^http/, 'ws')}/api/workshops/${workshopId}/live`, { perMessageDeflate: false });
    this.socket.once('open', () => this.socket.send(JSON.stringify(audience ? { type: 'hello', token, audience } : { type: 'hello', token })));
    this.socket.on('error', (error) => (this.error ??= `socket error: ${error.message}`));
    this.socket.on('close', (code) => (this.error ??= `socket closed (${code})`));
    this.socket.on('message', (data: Buffer) => {
      const at = performance.now();
      this.messages++;
      this.bytes += data.length;
      // Sniffed, not parsed: a view starts {"type":…,"workshop":{…"round":N…}, and only the board has a "submitted": count.
      if (data[9] === 0x65 /* {"type":"e… */ && data.subarray(0, 16).toString() === '{"type":"error",') this.error ??= `the server sent an error: ${data.toString('utf8', 0, 300)}`;
      const round = numberAfter(data, '"round":');
      if (round !== null) this.round = round;
      if (audience) this.submitted = numberAfter(data, '"submitted":') ?? this.submitted;
      this.last = data;
      this.waiters = this.waiters.filter((w) => {
        if (!w.test()) return true;
        w.resolve(at);
        return false;
      });
    });
  }

  /** When (performance.now()) `test` first held after a message, or now if it holds already. */
  when(test: () => boolean, timeoutMs: number, what: string): Promise<number> {
    if (test()) return Promise.resolve(performance.now());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${what}: not within ${timeoutMs} ms (last round seen ${this.round}${this.error ? `; ${this.error}` : ''})`)), timeoutMs);
      this.waiters.push({ test, resolve: (at) => (clearTimeout(timer), resolve(at)) });
    });
  }

  close(): void {
    this.socket.terminate();
  }
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function pool<T>(items: T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i]!, i);
    }
  });
  await Promise.all(lanes);
}

export async function runWorkshop(base: string, plan: WorkshopPlan, serverCpu: () => number, log: (line: string) => void): Promise<WorkshopResult> {
  const { scenario, seed, groups } = plan;
  const failures: string[] = [];
  const fail = (message: string) => {
    if (failures.length < 20) failures.push(message);
  };
  const created = await call(base, 'POST', '/api/workshops', { scenario: scenario.id, pacing: 'instructor', seed });
  if (created.status !== 201) throw new Error(`creating the workshop was refused (${created.status}): ${created.text}`);
  const { workshop, instructorSecret } = JSON.parse(created.text) as { workshop: { id: string; quarters: number }; instructorSecret: string };
  const quarters = workshop.quarters;

  const board = new Screen(base, workshop.id, instructorSecret, 'instructor');
  await board.when(() => board.round === 1, 10_000, "the instructor's board");

  // Joins: ten at a time, each group opening its socket as soon as it has its token.
  const names = Array.from({ length: groups }, (_, i) => `Group ${String(i + 1).padStart(3, '0')}`);
  const tokens: string[] = new Array(groups);
  const screens: Screen[] = new Array(groups);
  const joins: number[] = [];
  const joinStart = performance.now();
  const helloStart = joinStart;
  await pool(names, 10, async (name, i) => {
    const reply = await call(base, 'POST', '/api/join', { code: workshop.id, name });
    joins.push(reply.ms);
    if (reply.status !== 201) throw new Error(`${name}'s join was refused (${reply.status}): ${reply.text}`);
    tokens[i] = (JSON.parse(reply.text) as { token: string }).token;
    screens[i] = new Screen(base, workshop.id, tokens[i]!);
  });
  const joinPhaseMs = performance.now() - joinStart;
  await Promise.all(screens.map((s, i) => s.when(() => s.round === 1, 30_000, `${names[i]}'s first view`)));
  const helloPhaseMs = performance.now() - helloStart;
  log(`  ${groups} groups joined in ${(joinPhaseMs / 1000).toFixed(1)} s; ${groups + 1} sockets live`);

  const draw = random(plan.timingSeed);
  const rounds: RoundResult[] = [];
  for (let quarter = 1; quarter <= quarters; quarter++) {
    const burst = quarter === plan.burstRound;
    const cpuBefore = serverCpu();
    const messagesBefore = screens.reduce((sum, s) => sum + s.messages, 0);
    const bytesBefore = screens.reduce((sum, s) => sum + s.bytes, 0);
    const submissions: number[] = [];
    const planningStart = performance.now();
    await Promise.all(
      plan.games.map(async (game, i) => {
        if (!burst) await sleep(draw() * plan.windowMs);
        const step = game.steps[quarter - 1];
        if (step === undefined) return fail(`${names[i]} (${game.bot}) has no step for quarter ${quarter}`);
        const reply = await call(base, 'POST', `/api/workshops/${workshop.id}/decisions`, { quarter, step }, tokens[i]);
        submissions.push(reply.ms);
        if (reply.status !== 200) return fail(`${names[i]}'s plan for quarter ${quarter} was refused (${reply.status}): ${reply.text.slice(0, 300)}`);
        const view = JSON.parse(reply.text) as { pending: Step | null; workshop: { round: number } };
        if (view.pending === null || canonicalJson(view.pending) !== canonicalJson(step)) fail(`${names[i]}'s view after submitting quarter ${quarter} does not hold the plan as pending`);
      }),
    );
    if (failures.length > 0) break;
    // The instructor closes once the board shows every plan in.
    await board.when(() => board.round === quarter && board.submitted === groups, 30_000, `the board showing ${groups} plans for quarter ${quarter}`).catch((error: Error) => fail(error.message));
    const planningMs = performance.now() - planningStart;

    const closeStart = performance.now();
    const everyone = Promise.all(screens.map((s, i) => s.when(() => s.round >= quarter + 1, 30_000, `${names[i]}'s view of round ${quarter + 1}`)));
    const boardSeen = board.when(() => board.round >= quarter + 1, 30_000, `the board's view of round ${quarter + 1}`);
    const close = await call(base, 'POST', `/api/workshops/${workshop.id}/rounds/close`, { quarter }, instructorSecret);
    if (close.status !== 200) fail(`closing quarter ${quarter} was refused (${close.status}): ${close.text.slice(0, 300)}`);
    let closeAllMs = Number.NaN;
    let closeBoardMs = Number.NaN;
    try {
      closeAllMs = Math.max(...(await everyone)) - closeStart;
      closeBoardMs = (await boardSeen) - closeStart;
    } catch (error) {
      fail((error as Error).message);
    }
    const result: RoundResult = {
      quarter,
      burst,
      submissions,
      planningMs,
      closeHttpMs: close.ms,
      closeAllMs,
      closeBoardMs,
      viewsPerGroup: (screens.reduce((sum, s) => sum + s.messages, 0) - messagesBefore) / groups,
      bytesToGroups: screens.reduce((sum, s) => sum + s.bytes, 0) - bytesBefore,
      serverCpu: serverCpu() - cpuBefore,
    };
    rounds.push(result);
    const sorted = [...submissions].sort((a, b) => a - b);
    log(
      `  round ${String(quarter).padStart(2)}${burst ? ' (burst)' : '        '}: submissions p99 ${percentile(sorted, 99).toFixed(1)} ms, close ${closeAllMs.toFixed(0)} ms, ` +
        `${result.viewsPerGroup.toFixed(1)} views/group, server CPU ${result.serverCpu.toFixed(2)} s`,
    );
    if (failures.length > 0) break;
  }

  // Every group's final view (its socket's last message) and standing, against the model.
  let verifiedGroups = 0;
  for (const [i, s] of screens.entries()) if (s.error !== null) fail(`${names[i]}: ${s.error}`);
  if (failures.length === 0) {
    const boardReply = await call(base, 'GET', `/api/workshops/${workshop.id}/board`, undefined, instructorSecret);
    const finalBoard = JSON.parse(boardReply.text) as { workshop: { finished: boolean }; groups: { name: string; played: number; status: string; missed: number[]; score: number }[] };
    if (!finalBoard.workshop.finished) fail('the board does not show the workshop finished');
    const byName = new Map(finalBoard.groups.map((g) => [g.name, g]));
    const modelScore = new Map<string, number>();
    for (const [i, game] of plan.games.entries()) {
      let score = modelScore.get(game.bot);
      if (score === undefined) {
        const state = playSteps(scenario, seed, game.steps);
        score = state.history[state.history.length - 1]!.score.total;
        modelScore.set(game.bot, score);
      }
      const view = JSON.parse(screens[i]!.last.toString('utf8')) as { finished: boolean; steps: Step[]; missed: number[]; resultCode: string | null; figures: { score: number }[] };
      const standing = byName.get(names[i]!);
      const problems: string[] = [];
      if (!view.finished) problems.push('its view is not finished');
      if (canonicalJson(view.steps) !== canonicalJson(game.steps)) problems.push('its steps are not the ones it submitted');
      if (view.missed.length > 0) problems.push(`it is marked as missing rounds ${view.missed.join(', ')}`);
      if (view.resultCode === null) problems.push('it has no result code');
      if (view.figures[view.figures.length - 1]?.score !== score) problems.push(`its final score ${view.figures[view.figures.length - 1]?.score} is not the model's ${score}`);
      if (standing === undefined) problems.push('it is not on the board');
      else {
        if (standing.score !== score) problems.push(`its standing's score ${standing.score} is not the model's ${score}`);
        if (standing.played !== quarters || standing.status !== 'finished' || standing.missed.length > 0) problems.push(`its standing is ${JSON.stringify(standing)}`);
      }
      if (problems.length > 0) fail(`${names[i]} (${game.bot}): ${problems.join('; ')}`);
      else verifiedGroups++;
    }
    // A few groups asked over HTTP too: the same view the socket last pushed.
    for (const i of [0, Math.floor(groups / 2), groups - 1]) {
      const me = await call(base, 'GET', `/api/workshops/${workshop.id}/me`, undefined, tokens[i]);
      if (me.status !== 200 || canonicalJson(JSON.parse(me.text)) !== canonicalJson(JSON.parse(screens[i]!.last.toString('utf8')))) fail(`${names[i]}'s GET /me differs from its last pushed view`);
    }
  }
  board.close();
  for (const s of screens) s?.close();
  return { workshopId: workshop.id, joins, joinPhaseMs, helloPhaseMs, rounds, failures, verifiedGroups };
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
