// `npm run server`: builds the game if its build is missing or older than its sources, then
// serves it with the workshop API and the live channel. SQLite by default (--db FILE, else
// ./workshop.sqlite); PostgreSQL when DATABASE_URL is set. Migrations run on start.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildServer } from './app';
import { openDatabase } from './open-database';
import { loadScenarioFolder } from './scenario-catalog';

const ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));
const USAGE = `usage: npm run server -- [--port 8080] [--host 127.0.0.1] [--db workshop.sqlite] [--no-build]
  DATABASE_URL=postgres://… selects PostgreSQL instead of the SQLite file.`;

function newestIn(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestIn(join(path, entry)));
  return newest;
}

/** Builds dist/ when it is missing or older than any source the game is built from. */
function buildIfNeeded(): void {
  const built = join(ROOT, 'dist', 'index.html');
  const sources = ['src', 'scenes', 'scenarios', 'assets', 'public', 'index.html'].map((p) => join(ROOT, p)).filter(existsSync);
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map(newestIn))) return;
  console.log('Building the game (dist/ is missing or older than its sources)…');
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) throw new Error('the game did not build; see the messages above');
}

function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        port: { type: 'string', default: '8080' },
        host: { type: 'string', default: '127.0.0.1' },
        db: { type: 'string' },
        'no-build': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535, not "${args.port}"\n${USAGE}`);
    process.exit(2);
  }
  if (!args['no-build']) buildIfNeeded();
  const { catalog, problems } = loadScenarioFolder(join(ROOT, 'scenarios'));
  for (const p of problems) console.warn(p);
  const url = process.env.DATABASE_URL;
  const file = resolve(args.db ?? 'workshop.sqlite');
  const db = await openDatabase(url ? { url } : { file });
  const server = await buildServer({ db, scenarios: catalog, staticDir: join(ROOT, 'dist') });
  const address = await server.app.listen({ port, host: args.host });
  const where = url ? 'PostgreSQL (DATABASE_URL)' : `SQLite ${file}`;
  console.log(`Marketing & Sales workshop server on ${address}, storing workshops in ${where}`);
  if (args.host === '0.0.0.0' || args.host === '::') {
    const actual = new URL(address).port;
    for (const lan of lanAddresses()) console.log(`  groups in the room type: http://${lan}:${actual}`);
  } else if (args.host === '127.0.0.1') {
    console.log('  only this computer can reach it; for a classroom, start it with --host 0.0.0.0');
  }
  // The line tests and scripts wait for.
  console.log(`listening ${address}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`the workshop server could not start: ${(error as Error).message}`);
  process.exit(1);
});
