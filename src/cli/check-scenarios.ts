// `npm run check-scenarios -- FILE...`: validates scenario files the way the game loads them,
// then checks their meaning (events can fire, the dispute can open, bots reach par, texts fit
// their screens; src/balance/meaning.ts), and prints every problem as
// `file:line:col: error|warning: path: message` (editors and CI link those). Only errors fail:
// exit 0 when no file has one, 1 when any has (or cannot be read), 2 for a usage mistake.
// Whatever the input, the output is a report, never a stack trace.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { formatIssue, isJsonFileName, loadScenario } from '../scenario/load';
import { DEFAULT_CURRENCY, moneyFormOf, type MoneyForm } from '../scenario/money';
import { MEANING_SEEDS, checkMeaning } from '../balance/meaning';
import { firstQuarter, medianScores, playBotGames, suggestPar, type BotGames } from '../balance/tuning';
import { MAX_FILE_BYTES, parseSource } from '../scenario/source';
import type { Scenario } from '../sim/types';

const USAGE = `usage: npm run check-scenarios -- [--seeds N] FILE...
       tsx src/cli/check-scenarios.ts [--seeds N] FILE...
Checks scenario files (.yaml, .yml or .json) and prints every problem with its line and column:
errors (the file cannot work as written) and warnings (it works, but likely not as meant).
  --seeds N   seeds per bot for the checks that play the game (default ${MEANING_SEEDS}; 0 skips them)
Exit status: 0 no errors (warnings allowed), 1 some file has errors or cannot be read, 2 usage error.`;

type Read = { ok: true; text: string } | { ok: false; message: string };

/** Reads at most one byte past the limit, so a huge file or a device is never read whole. */
function readText(path: string): Read {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    return { ok: false, message: `cannot open the file: ${reason(error)}` };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, message: 'cannot read the file: it is a folder, not a file' };
    if (!stat.isFile()) return { ok: false, message: 'cannot read the file: not a regular file' };
    const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) {
        return { ok: false, message: `the file is larger than ${MAX_FILE_BYTES.toLocaleString('en-US')} bytes (1 MiB), the limit for a scenario file` };
      }
    }
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, length)) };
    } catch {
      return { ok: false, message: 'the file is not UTF-8 text; save it as UTF-8' };
    }
  } catch (error) {
    return { ok: false, message: `cannot read the file: ${reason(error)}` };
  } finally {
    closeSync(fd);
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  return error instanceof Error ? error.message : String(error);
}

function summary(scenario: Scenario): string {
  const parts = [
    `${scenario.quarters} quarters`,
    `${scenario.effortBudget} effort points`,
    `${scenario.products.length} product lines`,
    `${scenario.accounts.length} accounts`,
    `${scenario.events.length} events`,
  ];
  if (scenario.dispute) parts.push(`dispute over ${scenario.dispute.product} at ${scenario.dispute.account}`);
  return `${scenario.title}: ${parts.join(', ')}`;
}

/** Money in cents as currency units with separators: 123456 → "1,234.56". */
function money(cents: number): string {
  return (cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

const percent = (x: number) => `${Math.round(100 * x)}%`;
const TARGET_NAMES = { profit: 'profit', revenue: 'revenue', customerEquity: 'customer equity' } as const;

/**
 * What the scenario plays like, under the ok line: quarter 1 under the balanced bot, the bots'
 * median scores, and a suggested par and targets (src/balance/tuning.ts defines each).
 */
function playsLike(scenario: Scenario, played: BotGames, form: MoneyForm): string[] {
  const lines: string[] = [];
  // A figure to write in the file, as it writes money: whole cents (with the amount beside), or currency units.
  const written = (cents: number) => (form === 'cents' ? `${cents}` : `${cents / 100}`);
  const currency = form === 'units' || scenario.currency ? `, ${scenario.currency ?? DEFAULT_CURRENCY}` : '';
  const q1 = firstQuarter(scenario, played);
  if (q1) {
    const name = (id: string) => scenario.products.find((p) => p.id === id)?.name ?? id;
    const perLine = q1.lines.map((l) => `${name(l.product)} revenue ${money(l.revenue)}, margin ${money(l.margin)}${l.revenue > 0 ? ` (${percent(l.margin / l.revenue)})` : ''}, profit ${money(l.profit)}`);
    lines.push(`quarter 1 under the balanced bot (mean of ${q1.seeds} seeds${currency}): ${perLine.join('; ')}; overhead ${money(q1.overhead)}; firm profit ${money(q1.profit)}, cash ${money(q1.cash)} at the quarter's end`);
  }
  const par = suggestPar(scenario, played);
  lines.push(`median final score over ${played.seeds} seeds: ${medianScores(played).map((m) => `${m.bot} ${(m.median + 0).toFixed(1).replace(/^-0\.0$/, '0.0')}`).join(', ')}${par ? `; par ${par.current} is reached by the balanced bot in ${percent(par.currentShare)} of seeds` : ''}`);
  if (par) {
    lines.push(`suggested par: ${par.suggested} (the balanced bot's median score, rounded down: it reaches par in about half the seeds)${par.suggested === Math.floor(par.current) ? ', as now' : `; now ${par.current}`}`);
    const targets = par.targets.map((t) =>
      t.suggested === null
        ? `${TARGET_NAMES[t.part]} none (no bot's median is above zero: ${money(t.reached)} at best, by ${t.bot}; now ${written(t.current)})`
        : `${TARGET_NAMES[t.part]} ${written(t.suggested)} (${t.bot}'s median${form === 'cents' ? `, ${money(t.suggested)}` : ''}; now ${written(t.current)}, reached ${percent(t.reached / t.current)})`,
    );
    lines.push(`suggested targets (the best bot's median on each, so its typical game scores 100 points there): ${targets.join('; ')}${par.suggestedWithTargets !== null ? `; with these targets the suggested par is ${par.suggestedWithTargets}` : ''}`);
  }
  return lines;
}

function main(argv: string[]): number {
  const files: string[] = [];
  let options = true;
  let seeds = MEANING_SEEDS;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (options && arg === '--') options = false;
    else if (options && arg === '--seeds') {
      const value = argv[++i];
      if (value === undefined || !/^\d{1,5}$/.test(value)) {
        console.error(`check-scenarios: --seeds needs a whole number from 0 to 99999\n${USAGE}`);
        return 2;
      }
      seeds = Number(value);
    }
    else if (options && (arg === '-h' || arg === '--help')) {
      console.log(USAGE);
      return 0;
    } else if (options && arg.startsWith('-')) {
      console.error(`check-scenarios: unknown option ${arg}\n${USAGE}`);
      return 2;
    } else files.push(arg);
  }
  if (files.length === 0) {
    console.error(`check-scenarios: no files given\n${USAGE}`);
    return 2;
  }

  let failed = 0;
  let warnings = 0;
  for (const file of files) {
    const read = readText(file);
    if (!read.ok) {
      console.log(`${file}: error: ${read.message}`);
      failed++;
      continue;
    }
    const result = loadScenario(read.text, file);
    if (result.ok) {
      const played = seeds > 0 ? playBotGames(result.scenario, seeds) : undefined;
      const issues = checkMeaning(read.text, file, result.scenario, { seeds, played });
      for (const issue of issues) console.log(formatIssue(issue));
      const errors = issues.filter((i) => i.severity === 'error').length;
      const warned = issues.length - errors;
      warnings += warned;
      if (errors > 0) failed++;
      else {
        console.log(`${file}: ok (${summary(result.scenario)})${warned > 0 ? `, ${warned} warning${warned === 1 ? '' : 's'}` : ''}`);
        if (played) {
          const parsed = parseSource(read.text, isJsonFileName(file));
          const form = parsed.ok ? moneyFormOf(parsed.source.data) : 'cents';
          for (const line of playsLike(result.scenario, played, form)) console.log(`  ${line}`);
        }
      }
    } else {
      for (const issue of result.errors) console.log(formatIssue(issue));
      failed++;
    }
  }
  if (files.length > 1) {
    console.log(`checked ${files.length} files: ${files.length - failed} ok, ${failed} with errors${warnings > 0 ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`);
  }
  return failed > 0 ? 1 : 0;
}

// A closed pipe (`check-scenarios … | head`) is not worth a crash report.
process.stdout.on('error', () => {});
try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`check-scenarios: internal error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
