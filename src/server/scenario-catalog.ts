// The scenarios a server offers: every file in the scenarios folder that loads without an error,
// read once at start, so a workshop plays exactly what `check-scenarios` accepts. A file that
// does not load is reported and left out; it never stops the server.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssue, loadScenario } from '../scenario/load';
import type { Scenario } from '../sim/index';
import type { ScenarioCatalog } from './store';

export function loadScenarioFolder(folder: string): { catalog: ScenarioCatalog; problems: string[] } {
  const byId = new Map<string, Scenario>();
  const problems: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    if (!/\.(ya?ml|json)$/i.test(name) || name.endsWith('.schema.json')) continue;
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
  return { catalog: { get: (id) => byId.get(id), list: () => [...byId.values()] }, problems };
}
