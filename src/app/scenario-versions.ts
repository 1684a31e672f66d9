// Which version of a scenario something a player holds was made on: a heat code or a content hash
// names one version, the current file's or an archived one (scenarios/archive), so a workshop, a
// live game or a board made before a scenario changed still opens on the game it was.
import { scenarioHash } from '../replay/replay';
import { decodeHeatCode, heatMatches } from '../scoreboard/heat-code';
import type { Scenario } from '../sim/index';
import type { Catalogue } from './scenarios';

type Versions = Pick<Catalogue, 'scenarios' | 'archived'>;

/** The version of scenario `id` a heat code names (the current one or an archived one), or undefined. */
export function heatScenario(catalogue: Versions, id: string, heatCode: string): Scenario | undefined {
  let heat;
  try {
    heat = decodeHeatCode(heatCode);
  } catch {
    return undefined;
  }
  return everyVersion(catalogue).find((s) => s.id === id && heatMatches(heat, s));
}

/** Every version a heat code may name: the current scenarios first, then the archived ones. */
export function everyVersion(catalogue: Versions): Scenario[] {
  return [...catalogue.scenarios.map((s) => s.scenario), ...catalogue.archived];
}

/** The version of scenario `id` whose content hash is `hash` (the current one or an archived one), or undefined. */
export function scenarioVersion(catalogue: Versions, id: string, hash: string): Scenario | undefined {
  const current = catalogue.scenarios.find((s) => s.id === id)?.scenario;
  if (current && scenarioHash(current) === hash) return current;
  return catalogue.archived.find((s) => s.id === id && scenarioHash(s) === hash);
}

