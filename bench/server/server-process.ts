// `npm run bench:server`'s server under test: `npm run server`'s entry point (src/server/main.ts)
// as a child process in its own process group, on a free port, on the database it is given; a
// sampler that reads its resident memory (/proc/PID/status VmRSS) and CPU time (/proc/PID/stat)
// while the bench runs; and a SIGKILL to the whole group at the end. The server runs as one
// `node --import tsx` process (not through tsx's CLI, which would put a second node between us
// and the server), so the PID sampled is the server's own.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Target = { file: string } | { url: string };

export interface ServerProcess {
  base: string;
  pid: number;
  /** Whatever the server wrote, for the report when something goes wrong. */
  output(): string;
  /** Whether it exited before we killed it (a crash under load). */
  exited(): boolean;
  kill(): Promise<void>;
}

export function spawnServer(root: string, target: Target, extraNodeArgs: string[] = []): Promise<ServerProcess> {
  const args = [...extraNodeArgs, '--import', 'tsx', join(root, 'src', 'server', 'main.ts'), '--no-build', '--port', '0'];
  const env = { ...process.env };
  delete env.DATABASE_URL;
  if ('file' in target) args.push('--db', target.file);
  else env.DATABASE_URL = target.url;
  const child: ChildProcess = spawn(process.execPath, args, { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let gone = false;
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((gone = true), resolve())));
  const kill = async () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
    await exit;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => void kill().then(() => reject(new Error(`the server did not start within 30 s:\n${output}`))), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^listening (\S+)$/m.exec(output);
      if (match && gone === false) {
        clearTimeout(timer);
        resolve({ base: match[1]!, pid: child.pid!, output: () => output, exited: () => gone, kill });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before listening:\n${output}`));
    });
  });
}

/** Resident memory in bytes (VmRSS), and the peak the kernel saw (VmHWM). */
export function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** User + system CPU time in seconds (clock ticks are 100 a second on Linux). */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name is in parentheses and may hold spaces: count fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Samples a process's VmRSS every `everyMs` and keeps the largest seen. */
export class MemorySampler {
  peakRss = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    everyMs = 50,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  sample(): void {
    try {
      this.peakRss = Math.max(this.peakRss, memoryOf(this.pid).rss);
    } catch {
      // The process is gone; the caller notices.
    }
  }

  stop(): { peakRss: number; hwm: number } {
    clearInterval(this.timer);
    this.sample();
    let hwm = 0;
    try {
      hwm = memoryOf(this.pid).hwm;
    } catch {
      // Gone.
    }
    return { peakRss: this.peakRss, hwm };
  }
}

/** The soft limit on open files of this process (children inherit it). */
export function openFileLimit(): number {
  const limits = readFileSync('/proc/self/limits', 'utf8');
  const soft = /^Max open files\s+(\S+)/m.exec(limits)?.[1];
  return soft === undefined || soft === 'unlimited' ? Number.POSITIVE_INFINITY : Number(soft);
}

/** CPU seconds every core of the machine has been busy (not idle or waiting on I/O), from /proc/stat. */
export function machineBusySeconds(): number {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = cpu;
  return (user + nice + system + irq + softirq + steal) / 100;
}
