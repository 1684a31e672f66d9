// The scenarios shipped with the game: every YAML file in scenarios/, checked by the same
// loader as the tools when the game is built (vite.config.ts) and bundled as data, so the
// browser plays exactly what `check-scenarios` accepts. Shipping a scenario needs no code change.
import { archived, problems as shippedProblems, scenarios as shipped } from 'virtual:shipped-scenarios';
import type { Scenario } from '../sim/index';

export interface ShippedScenario {
  id: string;
  scenario: Scenario;
}

export interface Catalogue {
  scenarios: ShippedScenario[];
  /** Earlier versions of the shipped scenarios: never offered for a new game, kept so what players made on them verifies. */
  archived: Scenario[];
  /** Problems in shipped files: shown on screen instead of a crash (they also fail CI). */
  problems: string[];
}

let cached: Catalogue | null = null;

export function shippedScenarios(): Catalogue {
  if (cached) return cached;
  const scenarios: ShippedScenario[] = shipped.map((scenario) => ({ id: scenario.id, scenario }));
  // The file every workshop starts with goes first.
  scenarios.sort((a, b) => Number(b.id === 'two-hats') - Number(a.id === 'two-hats') || a.id.localeCompare(b.id));
  cached = { scenarios, archived: [...archived], problems: [...shippedProblems] };
  return cached;
}
