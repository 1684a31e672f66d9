// Helpers for the server tests: a fresh database of either kind, the server in this process on
// a free port, the server as a child process (for crash and multi-process tests), and a small
// HTTP and WebSocket client.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { inject } from 'vitest';
import { WebSocket } from 'ws';
import { buildServer, type WorkshopServer } from '../../src/server/app';
import { openDatabase } from '../../src/server/open-database';
import { loadScenarioFolder } from '../../src/server/scenario-catalog';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DATABASES = ['sqlite', 'postgres'] as const;
export type DatabaseKind = (typeof DATABASES)[number];

export type Target = { url: string } | { file: string };

let counter = 0;

/** A new, empty database: a SQLite file in a temporary folder, or a new database in the private PostgreSQL. */
export async function freshDatabase(kind: DatabaseKind): Promise<Target> {
  if (kind === 'sqlite') return { file: join(mkdtempSync(join(tmpdir(), 'ms-sqlite-')), 'workshop.sqlite') };
  const base = inject('postgresUrl');
  const name = `t_${process.pid}_${Date.now()}_${counter++}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  return { url: base.replace(/\/postgres$/, `/${name}`) };
}

export const scenarios = loadScenarioFolder(join(ROOT, 'scenarios')).catalog;

export interface Running {
  base: string;
  server: WorkshopServer;
  close(): Promise<void>;
}

export async function startInProcess(target: Target): Promise<Running> {
  const db = await openDatabase(target);
  const server = await buildServer({ db, scenarios, staticDir: null });
  const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
  return { base, server, close: () => server.close() };
}

export interface Reply {
  status: number;
  body: any;
}

export async function call(base: string, method: string, path: string, body?: unknown, token?: string): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // CSV and other text answers stay text.
  }
  return { status: response.status, body: parsed };
}

/** A live-channel client that keeps every message it is sent. */
export class LiveClient {
  readonly messages: any[] = [];
  private waiters: { test: (m: any) => boolean; resolve: (m: any) => void }[] = [];
  readonly socket: WebSocket;
  readonly opened: Promise<void>;

  constructor(base: string, heatId: string) {
    this.socket = new WebSocket(`${base.replace(/^http/, 'ws')}/api/workshops/${heatId}/live`);
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
    this.socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      this.messages.push(message);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(message)) return true;
        w.resolve(message);
        return false;
      });
    });
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The first message (already received or to come) that passes `test`. */
  next(test: (m: any) => boolean, timeoutMs = 5000): Promise<any> {
    const seen = this.messages.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching live message within ${timeoutMs} ms; got ${JSON.stringify(this.messages.slice(-3))}`)), timeoutMs);
      this.waiters.push({ test, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }

  close(): void {
    this.socket.close();
  }
}

export interface Spawned {
  base: string;
  child: ChildProcess;
  output: () => string;
  /** SIGKILL to the whole process group: no shutdown, no flush. */
  kill(): Promise<void>;
}

/** `npm run server`'s entry point as a child process in its own process group, on a free port. */
export function spawnServer(target: Target): Promise<Spawned> {
  const args = [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'src', 'server', 'main.ts'), '--no-build', '--port', '0'];
  const env = { ...process.env };
  if ('file' in target) args.push('--db', target.file);
  else env.DATABASE_URL = target.url;
  const child = spawn(process.execPath, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => void kill().then(() => reject(new Error(`the server did not start within 30 s:\n${output}`))), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^listening (\S+)$/m.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ base: match[1]!, child, output: () => output, kill });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before listening:\n${output}`));
    });
  });
}
