// Reads a scenario file for the command-line tools: missing or unreadable files and every
// validation issue become one printable message, never a stack trace.
import { readFileSync, statSync } from 'node:fs';
import { formatIssue, loadScenario } from '../scenario/load';
import type { Scenario } from '../sim/index';

/** Files larger than this are refused before they are read. */
const MAX_BYTES = 1024 * 1024;

export type ReadResult = { ok: true; scenario: Scenario } | { ok: false; message: string };

export function readScenarioFile(path: string): ReadResult {
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_BYTES) return { ok: false, message: `${path}: error: the file is ${size} bytes; scenario files may be at most ${MAX_BYTES} bytes` };
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    return { ok: false, message: `${path}: error: cannot read the file: ${reason}` };
  }
  const result = loadScenario(text, path);
  if (result.ok) return { ok: true, scenario: result.scenario };
  return { ok: false, message: result.errors.map(formatIssue).join('\n') };
}
