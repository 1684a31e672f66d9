// The scenarios a server offers: every file in the scenarios folder that loads without an error,
// read once at start, so a workshop plays exactly what `check-scenarios` accepts. A file that
// does not load is reported and left out; it never stops the server. Earlier versions kept in
// archive/ are never offered for a new workshop, but one created on them resumes on them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioHash } from '../replay/replay';
import { formatIssue, loadScenario } from '../scenario/load';
import type { Scenario } from '../sim/index';
import type { ScenarioCatalog } from './store';

/** Scenario files in a folder (none when it does not exist). */
function scenarioFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .sort()
    .filter((name) => /\.(ya?ml|json)$/i.test(name) && !name.endsWith('.schema.json'));
}

export function loadScenarioFolder(folder: string): { catalog: ScenarioCatalog; problems: string[] } {
  const byId = new Map<string, Scenario>();
  const problems: string[] = [];
  // Earlier versions (the folder's archive/): workshops created on them resume on them.
  const archived: Scenario[] = [];
  for (const name of scenarioFiles(join(folder, 'archive'))) {
    const path = join(folder, 'archive', name);
    const result = loadScenario(readFileSync(path, 'utf8'), path);
    if (result.ok) archived.push(result.scenario);
    else problems.push(...result.errors.map(formatIssue));
  }
  for (const name of scenarioFiles(folder)) {
    const path = join(folder, name);
    const result = loadScenario(readFileSync(path, 'utf8'), path);
    if (!result.ok) {
      problems.push(...result.errors.map(formatIssue));
      continue;
    }
    if (byId.has(result.scenario.id)) {
      problems.push(`${path}: scenario id "${result.scenario.id}" is already used by another file; this one is left out`);
      continue;
    }
    byId.set(result.scenario.id, result.scenario);
  }
  const version = (id: string, hash: string) => {
    const current = byId.get(id);
    if (current && scenarioHash(current) === hash) return current;
    return archived.find((s) => s.id === id && scenarioHash(s) === hash);
  };
  return { catalog: { get: (id) => byId.get(id), version, list: () => [...byId.values()] }, problems };
}
