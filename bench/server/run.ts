// `npm run bench:server [-- --json] [--groups 300] [--db sqlite|postgres|both] [--profile]`:
// the workshop server under a classroom's load (issue 16, "Scale"). Starts `npm run server`'s
// entry point as a child process, once on a fresh SQLite file and once on a fresh database in a
// private PostgreSQL it starts itself, and drives 300 groups through a whole instructor-paced
// workshop of two-hats over the real HTTP and WebSocket paths (./workshop). Prints, per
// database, a submission's round trip (p50/p99/max, planning spread over 2 s and one burst
// round where every group submits at once), the time to close a round (the close request until
// every group's socket has its view of the next round) and the server's peak RSS, each against
// its target. Exits 0 when only a target is missed (a measurement), 1 when the workshop did not
// complete correctly (a plan refused, a view or standing that is not the model's).
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import { loadScenarioFolder } from '../../src/server/scenario-catalog';
import { BOTS, botNamed, playBot } from '../../src/sim/index';
import { startPostgres, type PostgresCluster } from '../../tests/server/postgres';
import { summariseProfiles, type ProfileSummary } from './profile';
import { MemorySampler, cpuSecondsOf, machineBusySeconds, openFileLimit, spawnServer, type ServerProcess, type Target } from './server-process';
import { percentile, runWorkshop, type WorkshopResult } from './workshop';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TARGET_P99_MS = 50;
const TARGET_CLOSE_MS = 1000;
const USAGE = 'usage: npm run bench:server -- [--json] [--groups 300] [--db sqlite|postgres|both] [--seed N] [--window-ms 2000] [--burst-round 5] [--profile]';

const OPTIONS = {
  json: { type: 'boolean', default: false },
  groups: { type: 'string', default: '300' },
  db: { type: 'string', default: 'both' },
  seed: { type: 'string', default: '20240916' },
  'window-ms': { type: 'string', default: '2000' },
  'burst-round': { type: 'string', default: '5' },
  profile: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;
let args: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
try {
  args = parseArgs({ options: OPTIONS }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const groups = Number(args.groups);
const seed = Number(args.seed);
const windowMs = Number(args['window-ms']);
const burstRound = Number(args['burst-round']);
const kinds = args.db === 'both' ? (['sqlite', 'postgres'] as const) : args.db === 'sqlite' || args.db === 'postgres' ? ([args.db] as const) : null;
if (!Number.isInteger(groups) || groups < 1 || !Number.isInteger(seed) || !(windowMs >= 0) || !Number.isInteger(burstRound) || kinds === null) {
  console.error(USAGE);
  process.exit(2);
}
const json = args.json;
const log = (line: string) => {
  if (!json) console.log(line);
};

// Each group holds a socket and, in the burst, an HTTP connection, on both ends (the server inherits our limit).
const needed = 2 * groups + 100;
if (openFileLimit() < needed) {
  console.error(`the open-file limit (ulimit -n) is ${openFileLimit()}; ${groups} groups need about ${needed}: raise it (ulimit -n ${needed * 2}) and run again`);
  process.exit(2);
}

const scenario = loadScenarioFolder(join(ROOT, 'scenarios')).catalog.get('two-hats');
if (scenario === undefined) throw new Error('the two-hats scenario does not load');
// Every group plays one of the bots' whole games (all share the workshop's seed), the bots taken in turn.
const botGames = new Map(
  BOTS.map((b) => {
    const bot = botNamed(b.name)!;
    return [bot.name, playBot(scenario, seed, bot).steps] as const;
  }),
);
const games = Array.from({ length: groups }, (_, i) => {
  const bot = BOTS[i % BOTS.length]!.name;
  return { bot, steps: botGames.get(bot)! };
});

interface Figure {
  p50: number;
  p99: number;
  max: number;
  count: number;
}

interface Check {
  what: string;
  value: number;
  target: number;
  ok: boolean;
}

interface DatabaseReport {
  database: 'sqlite' | 'postgres';
  ok: boolean;
  failures: string[];
  verifiedGroups: number;
  submissionSpread: Figure;
  submissionBurst: Figure & { round: number };
  closeAll: { medianMs: number; maxMs: number; worstRound: number; finalRoundMs: number; perRound: number[] };
  closeHttp: Figure;
  closeBoardMaxMs: number;
  joins: Figure & { phaseMs: number };
  helloPhaseMs: number;
  rssPeakBytes: number;
  rssHwmBytes: number;
  serverCpuSeconds: number;
  serverCpuPerRound: number[];
  viewsPerGroupPerRound: number[];
  mbToGroupsPerRound: number[];
  clientCpuSeconds: number;
  /** CPU seconds the rest of the machine used meanwhile (PostgreSQL's backends, and anything else running). */
  otherCpuSeconds: number;
  wallSeconds: number;
  cores: number;
  clientLoopDelayP99Ms: number;
  clientLoopDelayMaxMs: number;
  checks: Check[];
  profile?: ProfileSummary[];
  serverCrashed: boolean;
}

function figure(values: number[]): Figure {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? Number.NaN, count: sorted.length };
}

async function freshTarget(kind: 'sqlite' | 'postgres', cluster: () => Promise<PostgresCluster>): Promise<{ target: Target; cleanup: () => void }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'ms-bench-sqlite-'));
    return { target: { file: join(dir, 'workshop.sqlite') }, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const base = (await cluster()).url;
  const name = `bench_${process.pid}_${Date.now()}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  return { target: { url: base.replace(/\/postgres$/, `/${name}`) }, cleanup: () => undefined };
}

const running = new Set<ServerProcess>();
process.on('exit', () => {
  for (const server of running) {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      // Gone.
    }
  }
});

async function benchOne(kind: 'sqlite' | 'postgres', cluster: () => Promise<PostgresCluster>): Promise<DatabaseReport> {
  const { target, cleanup } = await freshTarget(kind, cluster);
  const profileDir = args.profile ? mkdtempSync(join(tmpdir(), `ms-bench-prof-${kind}-`)) : null;
  const server = await spawnServer(ROOT, target, profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []);
  running.add(server);
  log(`${kind === 'sqlite' ? 'SQLite (a fresh file)' : 'PostgreSQL (a fresh database in a private cluster)'}: server pid ${server.pid} on ${server.base}`);
  const memory = new MemorySampler(server.pid);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpuStart = cpuSecondsOf(server.pid);
  const clientCpuStart = process.cpuUsage();
  const machineStart = machineBusySeconds();
  const wallStart = performance.now();
  let result: WorkshopResult;
  let cpuTotal = 0;
  let clientCpu = 0;
  let machineBusy = 0;
  let wall = 0;
  let mem = { peakRss: 0, hwm: 0 };
  let profile: ProfileSummary[] | undefined;
  try {
    result = await runWorkshop(
      server.base,
      { scenario: scenario!, seed, groups, games, windowMs, burstRound, timingSeed: 7 },
      () => cpuSecondsOf(server.pid),
      log,
    );
    cpuTotal = cpuSecondsOf(server.pid) - cpuStart;
    const used = process.cpuUsage(clientCpuStart);
    clientCpu = (used.user + used.system) / 1e6;
    machineBusy = machineBusySeconds() - machineStart;
    wall = (performance.now() - wallStart) / 1000;
  } catch (error) {
    result = { workshopId: '', joins: [], joinPhaseMs: 0, helloPhaseMs: 0, rounds: [], failures: [(error as Error).message], verifiedGroups: 0 };
  } finally {
    loop.disable();
    mem = memory.stop();
    const crashed = server.exited();
    if (crashed) result!.failures.push(`the server exited during the bench:\n${server.output().slice(-2000)}`);
    if (profileDir && !crashed) {
      // A profile is written on a clean exit: SIGINT (the server's own stop), then the group's SIGKILL.
      process.kill(server.pid, 'SIGINT');
      await Promise.race([new Promise((resolve) => setTimeout(resolve, 15_000)), waitGone(server)]);
    }
    await server.kill();
    running.delete(server);
    cleanup();
  }
  if (profileDir) {
    profile = summariseProfiles(profileDir, ROOT);
    rmSync(profileDir, { recursive: true, force: true });
  }

  const rounds = result.rounds;
  const spread = figure(rounds.filter((r) => !r.burst).flatMap((r) => r.submissions));
  const burstRounds = rounds.filter((r) => r.burst);
  const burst = { ...figure(burstRounds.flatMap((r) => r.submissions)), round: burstRound };
  const closes = rounds.map((r) => r.closeAllMs);
  const worst = rounds.reduce((w, r) => (w === null || r.closeAllMs > w.closeAllMs ? r : w), null as (typeof rounds)[number] | null);
  const closeAll = {
    medianMs: percentile([...closes].sort((a, b) => a - b), 50),
    maxMs: worst?.closeAllMs ?? Number.NaN,
    worstRound: worst?.quarter ?? 0,
    finalRoundMs: rounds[rounds.length - 1]?.closeAllMs ?? Number.NaN,
    perRound: closes,
  };
  const checks: Check[] = [
    { what: 'submission p99, spread over the window', value: spread.p99, target: TARGET_P99_MS, ok: spread.p99 <= TARGET_P99_MS },
    { what: 'submission p99, burst round', value: burst.p99, target: TARGET_P99_MS, ok: burst.p99 <= TARGET_P99_MS },
    { what: 'round close, worst round', value: closeAll.maxMs, target: TARGET_CLOSE_MS, ok: closeAll.maxMs <= TARGET_CLOSE_MS },
  ];
  return {
    database: kind,
    ok: result.failures.length === 0 && rounds.length === scenario!.quarters,
    failures: result.failures,
    verifiedGroups: result.verifiedGroups,
    submissionSpread: spread,
    submissionBurst: burst,
    closeAll,
    closeHttp: figure(rounds.map((r) => r.closeHttpMs)),
    closeBoardMaxMs: Math.max(...rounds.map((r) => r.closeBoardMs)),
    joins: { ...figure(result.joins), phaseMs: result.joinPhaseMs },
    helloPhaseMs: result.helloPhaseMs,
    rssPeakBytes: mem.peakRss,
    rssHwmBytes: mem.hwm,
    serverCpuSeconds: cpuTotal,
    serverCpuPerRound: rounds.map((r) => r.serverCpu),
    viewsPerGroupPerRound: rounds.map((r) => r.viewsPerGroup),
    mbToGroupsPerRound: rounds.map((r) => r.bytesToGroups / 2 ** 20),
    clientCpuSeconds: clientCpu,
    otherCpuSeconds: Math.max(0, machineBusy - cpuTotal - clientCpu),
    wallSeconds: wall,
    cores: availableParallelism(),
    clientLoopDelayP99Ms: loop.percentile(99) / 1e6,
    clientLoopDelayMaxMs: loop.max / 1e6,
    checks,
    ...(profile ? { profile } : {}),
    serverCrashed: server.exited() && !profileDir,
  };
}

function waitGone(server: ServerProcess): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (server.exited()) {
        clearInterval(timer);
        resolve();
      }
    }, 50);
  });
}

const ms = (v: number) => `${v.toFixed(v < 10 ? 1 : 0)} ms`;
const mb = (v: number) => `${(v / 2 ** 20).toFixed(0)} MB`;
const mark = (ok: boolean) => (ok ? 'ok' : 'OVER');
const average = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

function print(report: DatabaseReport): void {
  const [spreadCheck, burstCheck, closeCheck] = report.checks as [Check, Check, Check];
  const s = report.submissionSpread;
  const b = report.submissionBurst;
  const c = report.closeAll;
  const name = report.database === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  console.log(`\n${name}: ${report.ok ? `the workshop completed; ${report.verifiedGroups} groups' final views and standings match the model` : 'the workshop DID NOT complete correctly'}`);
  console.log(`  submission, spread over ${windowMs / 1000} s (${s.count}): p50 ${ms(s.p50)}  p99 ${ms(s.p99)}  max ${ms(s.max)}   target p99 ≤ ${TARGET_P99_MS} ms: ${mark(spreadCheck.ok)}`);
  console.log(`  submission, burst of ${b.count} (round ${b.round}): p50 ${ms(b.p50)}  p99 ${ms(b.p99)}  max ${ms(b.max)}   target p99 ≤ ${TARGET_P99_MS} ms: ${mark(burstCheck.ok)}`);
  console.log(`  round close, until all ${groups} sockets have the next round: median ${ms(c.medianMs)}  worst ${ms(c.maxMs)} (round ${c.worstRound})   target ≤ ${TARGET_CLOSE_MS} ms: ${mark(closeCheck.ok)}`);
  console.log(`    per round: ${c.perRound.map((v) => v.toFixed(0)).join(' ')} ms; the close request alone p50 ${ms(report.closeHttp.p50)}, max ${ms(report.closeHttp.max)}; the board socket, worst ${ms(report.closeBoardMaxMs)}`);
  console.log(`  server peak RSS (VmRSS sampled every 50 ms): ${mb(report.rssPeakBytes)} (kernel's VmHWM ${mb(report.rssHwmBytes)})`);
  console.log(`  joins: ${report.joins.count} in ${(report.joins.phaseMs / 1000).toFixed(1)} s, ten at a time (p50 ${ms(report.joins.p50)}, p99 ${ms(report.joins.p99)}); every socket had its first view ${ms(report.helloPhaseMs)} after the first join`);
  console.log(
    `  server CPU: ${report.serverCpuSeconds.toFixed(1)} s in all, ${average(report.serverCpuPerRound).toFixed(2)} s a round; ` +
      `each group's socket was sent ${average(report.viewsPerGroupPerRound).toFixed(1)} views a round (${average(report.mbToGroupsPerRound).toFixed(1)} MB to all groups a round)`,
  );
  console.log(`  the load generator (this process): CPU ${report.clientCpuSeconds.toFixed(1)} s; event-loop delay p99 ${ms(report.clientLoopDelayP99Ms)}, max ${ms(report.clientLoopDelayMaxMs)}`);
  const others = report.otherCpuSeconds / report.wallSeconds;
  console.log(
    `  the rest of the machine (${report.database === 'postgres' ? "PostgreSQL's backends and " : ''}anything else running) kept ${others.toFixed(2)} of ${report.cores} cores busy over the ${report.wallSeconds.toFixed(0)} s` +
      (others > 0.25 * report.cores && report.database === 'sqlite' ? ': OTHER LOAD ON THE MACHINE, these figures are noisy' : ''),
  );
  for (const p of report.profile ?? []) {
    console.log(`  server CPU profile (${(p.totalMs / 1000).toFixed(1)} s sampled), most self time:`);
    for (const line of p.self) console.log(`    ${(line.share * 100).toFixed(1).padStart(5)} %  ${line.name}`);
    console.log('  most total time (callees included):');
    for (const line of p.total) console.log(`    ${(line.share * 100).toFixed(1).padStart(5)} %  ${line.name}`);
  }
  for (const f of report.failures) console.log(`  FAILED: ${f}`);
}

async function main(): Promise<void> {
  log(`Workshop server under load: ${groups} groups through a whole instructor-paced workshop of ${scenario!.id} (${scenario!.quarters} rounds), seed ${seed}`);
  log(`  bots: ${BOTS.map((b) => b.name).join(', ')}, in turn; plans spread over ${windowMs} ms, round ${burstRound} all at once`);
  let cluster: PostgresCluster | null = null;
  const getCluster = async () => (cluster ??= await startPostgres());
  const reports: DatabaseReport[] = [];
  try {
    for (const kind of kinds!) {
      try {
        reports.push(await benchOne(kind, getCluster));
      } catch (error) {
        console.error(`${kind}: ${(error as Error).message}`);
        process.exitCode = 1;
      }
    }
  } finally {
    (cluster as PostgresCluster | null)?.stop();
  }
  if (json) console.log(JSON.stringify({ groups, scenario: scenario!.id, seed, windowMs, burstRound, targets: { p99SubmissionMs: TARGET_P99_MS, roundCloseMs: TARGET_CLOSE_MS }, reports }, null, 2));
  else for (const r of reports) print(r);
  if (reports.some((r) => !r.ok)) process.exitCode = 1;
}

await main();
