// Opening a scenario file that is not shipped with the game: a file the player picks or drops,
// or `?scenario=URL` on the page's own origin. The text goes through the same loader as the
// shipped scenarios and the tools; the result is either a scenario to preview and play or the
// loader's errors (file, line, column, field). URLs on other origins are refused, never fetched.
import type { ScenarioIssue } from '../scenario/load';
import type { Scenario } from '../sim/index';

/** What opening a file gave: a scenario, its errors, or a refusal before anything was read. */
export type OpenedScenario =
  | { kind: 'scenario'; fileName: string; scenario: Scenario }
  | { kind: 'errors'; fileName: string; errors: ScenarioIssue[] }
  | { kind: 'refused'; fileName: string; message: string };

/** The largest file read: scenario files are a few kilobytes; this keeps a wrong pick harmless. */
export const MAX_FILE_BYTES = 1_000_000;

export async function openText(text: string, fileName: string): Promise<OpenedScenario> {
  // The loader (YAML parser, schema) is fetched the first time a file is opened: most players
  // never open one, so it stays out of the page's first download.
  const { loadScenario } = await import('../scenario/load');
  const result = loadScenario(text, fileName);
  return result.ok ? { kind: 'scenario', fileName, scenario: result.scenario } : { kind: 'errors', fileName, errors: result.errors };
}

/** Reads a picked or dropped file. */
export async function openFile(file: File): Promise<OpenedScenario> {
  if (!/\.(ya?ml|json)$/i.test(file.name)) {
    return { kind: 'refused', fileName: file.name, message: `“${file.name}” is not a scenario file: choose a .yaml, .yml or .json file.` };
  }
  if (file.size > MAX_FILE_BYTES) {
    return { kind: 'refused', fileName: file.name, message: `“${file.name}” is too large for a scenario file (over ${MAX_FILE_BYTES / 1_000_000} MB).` };
  }
  try {
    return await openText(await file.text(), file.name);
  } catch {
    return { kind: 'refused', fileName: file.name, message: `“${file.name}” could not be read.` };
  }
}

/** The `?scenario=` parameter of the page's address, or null. */
export function scenarioParam(search: string = window.location.search): string | null {
  const value = new URLSearchParams(search).get('scenario');
  return value && value.trim() !== '' ? value.trim() : null;
}

let paramTaken = false;

/** The page's `?scenario=` parameter the first time it is asked for, then null (it opens once). */
export function takeScenarioParam(): string | null {
  if (paramTaken) return null;
  paramTaken = true;
  return scenarioParam();
}

/**
 * Where `raw` points, resolved against the page, when it is on the page's own origin; otherwise
 * the reason it is refused. Nothing is fetched here.
 */
export function sameOriginUrl(raw: string, page: string = window.location.href): { ok: true; url: URL } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(raw, page);
  } catch {
    return { ok: false, message: `The scenario address “${raw}” is not a valid address.` };
  }
  const here = new URL(page);
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== here.origin) {
    return {
      ok: false,
      message: `The scenario address “${raw}” is on another site (${url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : url.protocol}). Only scenario files on this game’s own site (${here.origin}) are opened from an address; it was not fetched. Download the file and open it with “Open scenario file…” instead.`,
    };
  }
  return { ok: true, url };
}

/** Fetches and loads a scenario from `raw`, only when it is on the page's own origin. */
export async function openUrl(raw: string): Promise<OpenedScenario> {
  const checked = sameOriginUrl(raw);
  const fileName = raw.slice(raw.lastIndexOf('/') + 1).split(/[?#]/)[0] || raw;
  if (!checked.ok) return { kind: 'refused', fileName, message: checked.message };
  try {
    // mode 'same-origin' also refuses a redirect to another origin.
    const response = await fetch(checked.url, { mode: 'same-origin', credentials: 'same-origin', redirect: 'follow' });
    if (!response.ok) return { kind: 'refused', fileName, message: `The scenario file “${raw}” could not be loaded (HTTP ${response.status}).` };
    const text = await response.text();
    if (text.length > MAX_FILE_BYTES) return { kind: 'refused', fileName, message: `“${raw}” is too large for a scenario file.` };
    return await openText(text, fileName);
  } catch {
    return { kind: 'refused', fileName, message: `The scenario file “${raw}” could not be loaded.` };
  }
}
