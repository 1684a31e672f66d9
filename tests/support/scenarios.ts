// Test access to the shipped scenarios, through the real loader so tests see what players see.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatIssue, loadScenario } from '../../src/scenario/load';
import type { Scenario } from '../../src/sim/index';

const cache = new Map<string, Scenario>();

export function shippedScenarioPath(id: string): string {
  return fileURLToPath(new URL(`../../scenarios/${id}.yaml`, import.meta.url));
}

export function loadShipped(id: string): Scenario {
  let scenario = cache.get(id);
  if (!scenario) {
    const path = shippedScenarioPath(id);
    const result = loadScenario(readFileSync(path, 'utf8'), path);
    if (!result.ok) throw new Error(`shipped scenario ${id} does not load:\n${result.errors.map(formatIssue).join('\n')}`);
    scenario = result.scenario;
    cache.set(id, scenario);
  }
  return scenario;
}
