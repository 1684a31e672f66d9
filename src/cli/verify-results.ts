// `npm run verify-results -- FILE [--scenario F] [--heat CODE] [--luck] [--csv F] [--json F]`
// For instructors who collect result codes by email: verifies every code in FILE by replaying it,
// prints the verified ranking and each rejected code's line and reason. Exit status: 0 when every
// code verified, 1 when any was rejected (or a file could not be read), 2 on usage errors.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Scenario } from '../sim/index';
import {
  HeatCodeError,
  ResultCodeError,
  TIE_BREAK_RULE,
  buildScoreboard,
  decodeResultCode,
  decodeHeatCode,
  type Scoreboard,
  type Submission,
} from '../scoreboard/index';
import { scoreboardCsv, scoreboardJson } from '../scoreboard/export';
import { boardLuckOrSkill, type LuckOrSkill } from '../scoreboard/luck';
import { rejectionText } from '../app/move-text';
import { readScenarioFile } from './read-scenario';
import { scenarioHash } from '../replay/replay';

const USAGE = `usage: npm run verify-results -- FILE [options]

Verifies workshop result codes by replaying each one, and prints the verified ranking.

  FILE             a text file of result codes, one per line; blank lines and
                   lines starting with # are ignored
  --scenario F     the scenario file the games were played on (default: the
                   shipped scenario the codes name, from scenarios/)
  --heat CODE      the workshop's heat code; codes played on another seed are
                   rejected (default: the seed most codes were played on)
  --luck           also replay each group's decisions on 100 other seeds and
                   report how far each rank is luck or skill
  --csv F          write the results for grading as CSV to F
  --json F         write the full results as JSON to F
  --help           show this message

Exit status: 0 if every code verified, 1 if any was rejected or a file could
not be read, 2 on usage errors.`;

/** Code files larger than this are refused before they are read (a code is well under 1 KB). */
const MAX_BYTES = 5 * 1024 * 1024;

class UsageError extends Error {}

interface Options {
  file: string;
  scenario: string | null;
  heat: string | null;
  luck: boolean;
  csv: string | null;
  json: string | null;
}

export function parseOptions(argv: string[]): Options | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        scenario: { type: 'string' },
        heat: { type: 'string' },
        luck: { type: 'boolean' },
        csv: { type: 'string' },
        json: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'give one file of result codes' : 'give exactly one file of result codes');
  if (values.heat !== undefined) {
    try {
      decodeHeatCode(values.heat);
    } catch (error) {
      if (error instanceof HeatCodeError) throw new UsageError(`--heat ${values.heat}: ${error.message}`);
      throw error;
    }
  }
  for (const flag of ['scenario', 'csv', 'json'] as const) {
    if (values[flag] === '') throw new UsageError(`--${flag} takes a file name`);
  }
  return {
    file: positionals[0]!,
    scenario: values.scenario ?? null,
    heat: values.heat ?? null,
    luck: values.luck === true,
    csv: values.csv ?? null,
    json: values.json ?? null,
  };
}

/** Control characters and bidirectional overrides in a group's name are shown escaped, so a name cannot forge lines or reorder the terminal. */
function printable(text: string): string {
  return text.replace(/[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    return `\\u{${c.codePointAt(0)!.toString(16)}}`;
  });
}

function readCodes(path: string): { ok: true; submissions: Submission[] } | { ok: false; message: string } {
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_BYTES) return { ok: false, message: `${path}: the file is ${size} bytes; a file of result codes may be at most ${MAX_BYTES} bytes` };
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    return { ok: false, message: `${path}: cannot read the file: ${reason}` };
  }
  const submissions: Submission[] = [];
  text.split(/\r\n|\n|\r/).forEach((line, i) => {
    const trimmed = line.replace(/^\uFEFF/, '').trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    submissions.push({ code: trimmed, label: `line ${i + 1}` });
  });
  return { ok: true, submissions };
}

/** The shipped scenario most of the codes name, or a message saying why there is none. */
function shippedScenarioFor(submissions: readonly Submission[]): { ok: true; scenario: Scenario; path: string } | { ok: false; message: string } {
  const counts = new Map<string, number>();
  const hashes = new Map<string, number>();
  for (const s of submissions) {
    try {
      const payload = decodeResultCode(s.code);
      const id = payload.scenarioId;
      counts.set(id, (counts.get(id) ?? 0) + 1);
      const version = `${id} ${payload.scenarioHash}`;
      hashes.set(version, (hashes.get(version) ?? 0) + 1);
    } catch (error) {
      if (!(error instanceof ResultCodeError)) throw error;
    }
  }
  let id: string | null = null;
  let best = 0;
  for (const [candidate, n] of counts) {
    if (n > best) {
      best = n;
      id = candidate;
    }
  }
  if (id === null) return { ok: false, message: 'no code could be read far enough to say which scenario it is for; give the scenario with --scenario FILE' };
  // The id passed the decoder's id pattern (lowercase letters, digits, hyphens), so it cannot
  // climb out of scenarios/.
  const path = fileURLToPath(new URL(`../../scenarios/${id}.yaml`, import.meta.url));
  if (!existsSync(path)) return { ok: false, message: `the codes are for scenario "${id}", which is not among the shipped scenarios; give its file with --scenario FILE` };
  const loaded = readScenarioFile(path);
  if (!loaded.ok) return { ok: false, message: loaded.message };
  // Codes played on an earlier version verify against it, from scenarios/archive.
  let hash: string | null = null;
  best = 0;
  for (const [version, n] of hashes) {
    const [candidate, h] = version.split(' ');
    if (candidate === id && n > best) {
      best = n;
      hash = h!;
    }
  }
  if (hash !== null && scenarioHash(loaded.scenario) !== hash) {
    const archive = fileURLToPath(new URL('../../scenarios/archive/', import.meta.url));
    for (const file of existsSync(archive) ? readdirSync(archive).filter((f) => f.endsWith('.yaml')).sort() : []) {
      const old = readScenarioFile(join(archive, file));
      if (old.ok && old.scenario.id === id && scenarioHash(old.scenario) === hash) return { ok: true, scenario: old.scenario, path: join(archive, file) };
    }
  }
  return { ok: true, scenario: loaded.scenario, path };
}

function report(board: Scoreboard, luck: LuckOrSkill | null, scenarioPath: string): string {
  const lines: string[] = [];
  const s = board.scenario;
  lines.push(`${s.title} (${s.id} version ${s.version}, ${scenarioPath})`);
  if (board.seed !== null) {
    const source = board.seedSource === 'heat' ? 'the heat code given' : 'the seed most codes were played on; pass --heat to fix it';
    lines.push(`Heat ${board.heatCode}: seed ${board.seed} (${source})`);
  }
  lines.push('');
  if (board.entries.length === 0) {
    lines.push('No code verified.');
  } else {
    const names = board.entries.map((e) => printable(e.group));
    const width = Math.max(5, ...names.map((n) => [...n].length));
    const pad = (text: string, n: number) => text + ' '.repeat(Math.max(0, n - [...text].length));
    const num = (x: number) => x.toFixed(2).padStart(8);
    let header = `Rank  ${pad('Group', width)}     Score   Profit  Revenue  CustEq  Portfolio  Collab`;
    if (luck) header += '   Other seeds (mean ± sd, rank held)';
    lines.push(header);
    const luckOf = new Map(luck?.rows.map((r) => [r.position, r]));
    board.entries.forEach((e, i) => {
      const c = e.scorecard;
      let line = `${String(e.rank).padStart(4)}  ${pad(names[i]!, width)}  ${num(e.score)} ${num(c.profit)} ${num(c.revenue)} ${num(c.customerEquity).slice(1)} ${num(c.portfolioHealth).padStart(10)} ${num(c.collaboration)}`;
      const l = luckOf.get(e.position);
      if (l) line += `   ${l.mean.toFixed(2)} ± ${l.sd.toFixed(2)}, ${Math.round(l.rankHeld * 100)}%`;
      lines.push(line);
    });
    lines.push('');
    lines.push(`Ties: ${TIE_BREAK_RULE}`);
    if (luck) lines.push(`Other seeds: ${luck.seeds.length} seeds (${luck.seeds[0]}–${luck.seeds[luck.seeds.length - 1]}). ${luck.rule}`);
  }
  if (board.rejected.length > 0) {
    lines.push('');
    lines.push(`Rejected (${board.rejected.length}):`);
    for (const r of board.rejected) {
      const who = r.group === undefined ? '' : ` (group "${printable(r.group)}")`;
      lines.push(`  ${r.label}${who}: ${r.reason}: ${rejectionText(r)}`);
    }
  }
  return lines.join('\n');
}

export function main(argv: string[]): number {
  let options: Options | 'help';
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`verify-results: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  const codes = readCodes(options.file);
  if (!codes.ok) {
    console.error(`verify-results: ${codes.message}`);
    return 1;
  }
  if (codes.submissions.length === 0) {
    console.error(`verify-results: ${options.file} holds no result codes`);
    return 1;
  }
  let scenario: Scenario;
  let scenarioPath: string;
  if (options.scenario !== null) {
    const loaded = readScenarioFile(options.scenario);
    if (!loaded.ok) {
      console.error(loaded.message);
      return 1;
    }
    scenario = loaded.scenario;
    scenarioPath = options.scenario;
  } else {
    const shipped = shippedScenarioFor(codes.submissions);
    if (!shipped.ok) {
      console.error(`verify-results: ${shipped.message}`);
      return 1;
    }
    scenario = shipped.scenario;
    scenarioPath = shipped.path;
  }
  let board: Scoreboard;
  try {
    board = buildScoreboard(scenario, codes.submissions, options.heat === null ? {} : { heat: options.heat });
  } catch (error) {
    if (error instanceof HeatCodeError) {
      console.error(`verify-results: ${error.message}`);
      return 1;
    }
    throw error;
  }
  const luck = options.luck ? boardLuckOrSkill(scenario, board) : null;
  console.log(report(board, luck, scenarioPath));
  try {
    // A byte-order mark makes spreadsheet programs read the file as UTF-8 (accented group names).
    if (options.csv !== null) writeFileSync(options.csv, `\uFEFF${scoreboardCsv(board, scenario.quarters, luck)}`);
    if (options.json !== null) writeFileSync(options.json, `${JSON.stringify(scoreboardJson(board, luck), null, 2)}\n`);
  } catch (error) {
    console.error(`verify-results: cannot write ${(error as NodeJS.ErrnoException).path ?? ''}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return 1;
  }
  return board.rejected.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
