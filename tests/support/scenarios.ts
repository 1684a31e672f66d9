// Test access to the shipped scenarios (and fixture files), through the real loader so tests see
// what players see; texts a test expects from a scenario are read from it with these helpers.
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

export function archivedScenarioPath(id: string, version: number): string {
  return fileURLToPath(new URL(`../../scenarios/archive/${id}-v${version}.yaml`, import.meta.url));
}

/** An earlier version of a shipped scenario, kept in scenarios/archive so what players hold of it still verifies. */
export function loadArchived(id: string, version: number): Scenario {
  const key = `${id}@${version}`;
  let scenario = cache.get(key);
  if (!scenario) {
    scenario = loadFile(archivedScenarioPath(id, version));
    if (scenario.id !== id || scenario.version !== version) throw new Error(`${archivedScenarioPath(id, version)} is ${scenario.id} version ${scenario.version}`);
    cache.set(key, scenario);
  }
  return scenario;
}

/** Loads a scenario file that is not shipped (a test fixture) through the real loader. */
export function loadFile(path: string): Scenario {
  const result = loadScenario(readFileSync(path, 'utf8'), path);
  if (!result.ok) throw new Error(`${path} does not load:\n${result.errors.map(formatIssue).join('\n')}`);
  return result.scenario;
}

/** The display name of the product line or account with `id`: tests read names from the file. */
export function nameOf(items: readonly { id: string; name: string }[], id: string): string {
  const found = items.find((item) => item.id === id);
  if (!found) throw new Error(`no "${id}" in the scenario`);
  return found.name;
}

/** `text` as a regular expression that matches it literally, to build patterns around scenario texts. */
export function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
