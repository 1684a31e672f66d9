// `npm run bench:server -- --profile`: reads the V8 CPU profile the server wrote (node
// --cpu-prof) and names where its time went: the functions with the most self time, and the
// ones with the most total time (their callees included, each function counted once per stack).
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  name: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  self: ProfileLine[];
  total: ProfileLine[];
}

export function summariseProfiles(dir: string, root: string, top = 12): ProfileSummary[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => summarise(join(dir, f), root, top));
}

function summarise(file: string, root: string, top: number): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: ProfileNode) => {
    const { functionName, url, lineNumber } = n.callFrame;
    const where = url.startsWith('file://') ? relative(root, url.slice(7)) : url;
    return `${functionName || "(anonymous)"}${where ? ` ${where}${lineNumber > 0 ? `:${lineNumber + 1}` : ""}` : ""}`;
  };
  const selfMs = new Map<string, number>();
  const totalMs = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    if (node === undefined) return;
    all += ms;
    selfMs.set(label(node), (selfMs.get(label(node)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = label(byId.get(at)!);
      if (seen.has(name)) continue;
      seen.add(name);
      totalMs.set(name, (totalMs.get(name) ?? 0) + ms);
    }
  });
  const idle = new Set(['(idle) ', '(root) ', '(program) ', '(garbage collector) '].map((s) => s.trim()));
  const rank = (m: Map<string, number>, skipIdle: boolean) =>
    [...m.entries()]
      .filter(([name]) => !skipIdle || !idle.has(name))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms, share: ms / all }));
  return { file, totalMs: all, self: rank(selfMs, false), total: rank(totalMs, true) };
}
