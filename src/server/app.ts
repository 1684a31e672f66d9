// The workshop server's HTTP API and live channel, as one Fastify app. Every body is parsed by
// its schema (./requests), every rule is a command checked inside the heat's lock
// (./heat-commands), and every answer is a view (./views); this file only wires them to routes
// and says who may call what: the instructor's secret for every instructor action, a group's
// token for that group alone.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioHash } from '../replay/replay';
import { groupKey, makeHeatCode } from '../scoreboard/index';
import { RESULTS_FORMAT, scoreboardCsv, scoreboardJson } from '../scoreboard/export';
import { MAX_SEED } from '../scoreboard/heat-code';
import { SERVER_MARK } from '../scoreboard/live-wire';
import type { Database } from './db';
import { Deadlines } from './deadlines';
import { ServerRefusal, refuse } from './errors';
import {
  addCodeCommand,
  closeCommand,
  deadlineCommand,
  joinCommand,
  nameProblem,
  pauseCommand,
  releaseCommand,
  rollbackCommand,
  submitCommand,
} from './heat-commands';
import type { HeatEvent } from './heat-log';
import type { GroupRecord, HeatState } from './heat-state';
import { LiveHub } from './live';
import { migrate } from './migrations';
import { codeBody, createWorkshopBody, deadlineBody, emptyBody, joinBody, parseBody, releaseBody, roundBody, submitBody } from './requests';
import { HeatStore, type ScenarioCatalog } from './store';
import { newToken, newWorkshopId, normaliseCode, tokenHash, tokenMatches } from './tokens';
import { boardView, finalBoard, groupView, groupViewText, standings, workshopInfo } from './views';
import { randomInt } from 'node:crypto';

/** No request the game makes is near this; a larger body is refused before it is parsed. */
export const BODY_LIMIT = 64 * 1024;
const MAX_WS_MESSAGE = 4 * 1024;

export interface ServerOptions {
  db: Database;
  scenarios: ScenarioCatalog;
  /** The built game (dist/), served at /; null serves the API only. */
  staticDir?: string | null;
  logger?: boolean;
}

export interface WorkshopServer {
  app: FastifyInstance;
  store: HeatStore;
  close(): Promise<void>;
}

function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(header.trim());
  return match ? match[1]! : null;
}

function asInstructor(heat: HeatState, request: FastifyRequest): void {
  const token = bearer(request);
  if (token === null) refuse('unauthorised', "this needs the instructor's secret (Authorization: Bearer …)");
  if (tokenMatches(token!, heat.secretHash)) return;
  if (heat.byToken.has(tokenHash(token!))) refuse('forbidden', "a group's token cannot act for the instructor");
  refuse('unauthorised', "that is not this workshop's instructor secret");
}

function asGroup(heat: HeatState, request: FastifyRequest): GroupRecord {
  const token = bearer(request);
  if (token === null) return refuse('unauthorised', "this needs your group's token (Authorization: Bearer …)");
  const group = heat.byToken.get(tokenHash(token));
  if (group !== undefined) return group;
  if (tokenMatches(token, heat.secretHash)) return refuse('forbidden', "the instructor's secret does not act for a group");
  return refuse('unauthorised', "that is not a token of this workshop's groups");
}

export async function buildServer(options: ServerOptions): Promise<WorkshopServer> {
  const { db, scenarios } = options;
  await migrate(db);
  const store = new HeatStore(db, scenarios);
  const hub = new LiveHub(store);
  const deadlines = new Deadlines(store);
  await db.listen((payload) => store.heard(payload));

  const app = Fastify({ logger: options.logger ?? false, bodyLimit: BODY_LIMIT, return503OnClosing: true });
  await app.register(fastifyWebsocket, { options: { maxPayload: MAX_WS_MESSAGE } });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (error instanceof ServerRefusal) {
      return reply.status(error.status).send({ error: error.code, message: error.message, ...error.details });
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.status(413).send({ error: 'too-large', message: `the request body is larger than ${BODY_LIMIT} bytes` });
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ error: 'bad-request', message: error.message });
    }
    request.log.error(error);
    return reply.status(500).send({ error: 'internal', message: 'the server failed on this request; the workshop log is unchanged' });
  });

  const heatOf = (request: FastifyRequest) => store.read((request.params as { id: string }).id);
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;
  const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

  /** Appends an instructor action: the secret is checked on the heat as it is inside the lock. */
  const instructorAction = (request: FastifyRequest, command: (heat: HeatState) => HeatEvent) =>
    store.append(idOf(request), (heat) => {
      asInstructor(heat, request);
      return command(heat);
    });

  app.get('/api/health', async () => ({ ok: true, database: db.kind }));

  app.get('/api/scenarios', async () => ({
    scenarios: scenarios.list().map((s) => ({ id: s.id, title: s.title, quarters: s.quarters, hash: scenarioHash(s) })),
  }));

  app.post('/api/workshops', async (request, reply) => {
    const body = parseBody(createWorkshopBody, request.body);
    const scenario = scenarios.get(body.scenario) ?? refuse('unknown-scenario', `no scenario "${body.scenario}" on this server`, { field: 'scenario', known: scenarios.list().map((s) => s.id) });
    const seed = body.seed ?? randomInt(MAX_SEED);
    const secret = newToken();
    const id = newWorkshopId();
    const names = (body.groups ?? []).map((n) => n.trim()).filter((n) => n !== '');
    names.forEach((name, i) => {
      const problem = nameProblem(name);
      if (problem !== null) refuse('bad-name', `group ${i + 1}: ${problem}`, { field: `groups.${i}` });
      if (names.findIndex((other) => groupKey(other) === groupKey(name)) !== i) refuse('bad-name', `group ${i + 1}: "${name}" is listed twice`, { field: `groups.${i}` });
    });
    const event: Extract<HeatEvent, { kind: 'created' }> = {
      kind: 'created',
      scenarioId: scenario.id,
      scenarioHash: scenarioHash(scenario),
      seed,
      pacing: body.pacing,
      missed: body.missed ?? 'carry',
      groups: names,
      hold: body.hold ?? false,
      secretHash: tokenHash(secret),
    };
    const heatCode = makeHeatCode(scenario, seed);
    await store.create(id, heatCode, event);
    const heat = await store.read(id);
    return reply.status(201).send({
      workshop: workshopInfo(heat),
      instructorSecret: secret,
      // The secret rides in the fragment, which browsers never send to a server or a log.
      instructorLink: `${origin(request)}/?workshop=${id}#secret=${secret}`,
      joinLink: `${origin(request)}/?join=${id}`,
    });
  });

  app.post('/api/join', async (request, reply) => {
    const body = parseBody(joinBody, request.body);
    const code = normaliseCode(body.code);
    const ids = await store.find(code);
    if (ids.length === 0) refuse('not-found', `no workshop has the code ${code}`, { field: 'code' });
    // A heat code two workshops share (the same scenario and seed) joins the newest.
    const id = ids[0]!;
    const token = newToken();
    const heat = await store.append(id, (h) => joinCommand(h, body.name.trim(), tokenHash(token)));
    const group = heat.byToken.get(tokenHash(token))!;
    return reply.status(201).send({ token, view: groupView(heat, group) });
  });

  // A group's view goes out as the text its screens are pushed (made once per change).
  const sendView = (reply: FastifyReply, heat: HeatState, group: GroupRecord) => reply.type('application/json; charset=utf-8').send(groupViewText(heat, group).text);

  app.get('/api/workshops/:id/me', async (request, reply) => {
    const heat = await heatOf(request);
    return sendView(reply, heat, asGroup(heat, request));
  });

  app.post('/api/workshops/:id/decisions', async (request, reply) => {
    const body = parseBody(submitBody, request.body);
    let index = -1;
    const heat = await store.append(idOf(request), (h) => {
      const group = asGroup(h, request);
      index = group.index;
      return submitCommand(h, group, body.quarter, body.step);
    });
    return sendView(reply, heat, heat.groups[index]!);
  });

  app.get('/api/workshops/:id/board', async (request) => {
    const heat = await heatOf(request);
    asInstructor(heat, request);
    const audience = (request.query as { audience?: string }).audience === 'projector' ? 'projector' : 'instructor';
    return boardView(heat, audience);
  });

  const instructorRoute = <T>(path: string, schema: Parameters<typeof parseBody<T>>[0], command: (heat: HeatState, body: T) => HeatEvent) =>
    app.post(path, async (request) => {
      const body = parseBody(schema, request.body);
      const heat = await instructorAction(request, (h) => command(h, body));
      return boardView(heat, 'instructor');
    });

  instructorRoute('/api/workshops/:id/rounds/close', roundBody, (h, b) => closeCommand(h, b.quarter));
  instructorRoute('/api/workshops/:id/rounds/rollback', roundBody, (h, b) => rollbackCommand(h, b.quarter));
  instructorRoute('/api/workshops/:id/pause', emptyBody, (h) => pauseCommand(h, true));
  instructorRoute('/api/workshops/:id/resume', emptyBody, (h) => pauseCommand(h, false));
  instructorRoute('/api/workshops/:id/release', releaseBody, (h, b) => releaseCommand(h, b.quarter));
  instructorRoute('/api/workshops/:id/deadline', deadlineBody, (h, b) => {
    const now = new Date();
    return deadlineCommand(h, b.quarter, b.minutes === null ? null : new Date(now.getTime() + b.minutes * 60_000), now);
  });
  instructorRoute('/api/workshops/:id/codes', codeBody, (_h, b) => addCodeCommand(b.code));

  app.get('/api/workshops/:id/export.csv', async (request, reply) => {
    const heat = await heatOf(request);
    asInstructor(heat, request);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="workshop-${heat.id}.csv"`)
      .send(scoreboardCsv(finalBoard(heat), heat.scenario.quarters));
  });

  app.get('/api/workshops/:id/export.json', async (request) => {
    const heat = await heatOf(request);
    asInstructor(heat, request);
    return { format: RESULTS_FORMAT, workshop: workshopInfo(heat), standings: standings(heat), board: scoreboardJson(finalBoard(heat)) };
  });

  app.get('/api/workshops/:id/live', { websocket: true }, (socket, request) => hub.accept(idOf(request), socket));

  // The game's page, marked as served by a workshop server (SERVER_MARK): the page learns it
  // has a server without asking one, so a page served elsewhere makes no request for it.
  const built = options.staticDir && existsSync(join(options.staticDir, 'index.html')) ? options.staticDir : null;
  const page = built === null ? null : readFileSync(join(built, 'index.html'), 'utf8').replace('</head>', `  ${SERVER_MARK}\n  </head>`);
  const sendPage = (reply: FastifyReply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page);
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) return reply.status(404).send({ error: 'not-found', message: `no such endpoint: ${request.method} ${request.url.split('?')[0]}` });
    if (page !== null) return sendPage(reply);
    return reply.status(404).send({ error: 'not-found', message: 'the game is not built here; run `npm run build`' });
  });
  if (built !== null) {
    app.get('/', (_request, reply) => sendPage(reply));
    app.get('/index.html', (_request, reply) => sendPage(reply));
    await app.register(fastifyStatic, { root: built, prefix: '/', index: false, wildcard: true });
  }

  // Deadlines set before a restart are armed again.
  for (const id of await store.all()) {
    try {
      deadlines.arm(await store.read(id));
    } catch (error) {
      app.log.warn(`workshop ${id} could not be read: ${(error as Error).message}`);
    }
  }

  return {
    app,
    store,
    async close() {
      deadlines.close();
      hub.close();
      await app.close();
      await db.close();
    },
  };
}
