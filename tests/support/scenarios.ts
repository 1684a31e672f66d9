// Test access to the shipped scenarios. Until the scenario loader lands this parses the YAML
// directly; afterwards it goes through the real loader so tests see what players see.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Scenario } from '../../src/sim/index';

const cache = new Map<string, Scenario>();

export function shippedScenarioPath(id: string): string {
  return fileURLToPath(new URL(`../../scenarios/${id}.yaml`, import.meta.url));
}

export function loadShipped(id: string): Scenario {
  let scenario = cache.get(id);
  if (!scenario) {
    scenario = parse(readFileSync(shippedScenarioPath(id), 'utf8')) as Scenario;
    cache.set(id, scenario);
  }
  return scenario;
}
