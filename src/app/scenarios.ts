// The scenarios shipped with the game, bundled as text and loaded through the same loader the
// tools use, so the browser plays exactly what `check-scenarios` accepts. Every YAML file in
// scenarios/ is picked up: shipping a scenario needs no code change here.
import { loadScenario, formatIssue } from '../scenario/load';
import type { Scenario } from '../sim/index';

const files = import.meta.glob('../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export interface ShippedScenario {
  id: string;
  scenario: Scenario;
}

export interface Catalogue {
  scenarios: ShippedScenario[];
  /** Problems in shipped files: shown on screen instead of a crash (they also fail CI). */
  problems: string[];
}

let cached: Catalogue | null = null;

export function shippedScenarios(): Catalogue {
  if (cached) return cached;
  const scenarios: ShippedScenario[] = [];
  const problems: string[] = [];
  for (const path of Object.keys(files).sort()) {
    const fileName = path.slice(path.lastIndexOf('/') + 1);
    const result = loadScenario(files[path]!, fileName);
    if (result.ok) scenarios.push({ id: result.scenario.id, scenario: result.scenario });
    else problems.push(...result.errors.map((e) => formatIssue(e)));
  }
  // The file every workshop starts with goes first.
  scenarios.sort((a, b) => Number(b.id === 'two-hats') - Number(a.id === 'two-hats') || a.id.localeCompare(b.id));
  cached = { scenarios, problems };
  return cached;
}
