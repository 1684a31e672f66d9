// `npm run fidelity -- FILE [--seeds N] [--json]`: measures the model's responses for a scenario
// (elasticities of revenue to each side's effort, marketing's long-run effect and carry-over,
// customer equity's sensitivity to retention and margin, the Bass rates of the accounts won) by
// playing the balanced bot's plan over seeds 1..N with common random numbers, and prints each
// figure beside the published range and its source (src/balance/fidelity.ts states the method,
// src/balance/published.ts the sources and what could be confirmed).
import { FIDELITY_SEEDS, confirmationText, formatBand, formatValue, measureFidelity, verdictText, type FidelityReport } from '../balance/fidelity';
import { readScenarioFile } from './read-scenario';

const USAGE = `usage: npm run fidelity -- FILE [--seeds N] [--json]
Measures the model's responses by playing the balanced bot's plan over seeds 1..N, each effort
perturbed with the same seed (common random numbers), and sets every figure beside the
published evidence.
  --seeds N   seeds 1..N to play (1 to 10,000; default ${FIDELITY_SEEDS})
  --json      print the figures as JSON on stdout
Exit status: 0 figures printed (inside the published ranges or not), 1 the file cannot be read or loaded, 2 usage error.`;

interface Options {
  file: string;
  seeds: number;
  json: boolean;
}

function parseArgs(argv: string[]): Options | string {
  let file: string | undefined;
  let seeds = FIDELITY_SEEDS;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--seeds') {
      const value = argv[++i];
      if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 10_000) return '--seeds needs a whole number from 1 to 10,000';
      seeds = Number(value);
    } else if (arg === '--json') json = true;
    else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else if (file === undefined) file = arg;
    else return `one scenario file at a time (got ${file} and ${arg})`;
  }
  if (file === undefined) return 'no scenario file given';
  return { file, seeds, json };
}

function printReport(report: FidelityReport): void {
  const s = report.scenario;
  console.log(`${s.title} (${s.id} v${s.version}): ${report.seeds} seeds, ${s.quarters} quarters, ${s.effortBudget} effort points a quarter`);
  console.log(`reference plan: ${report.plan}`);
  for (const f of report.figures) {
    const p = f.published;
    console.log('');
    console.log(`${f.label}: ${formatValue(f)}  [${verdictText(f)}${p.band ? ` ${formatBand(p)}` : ''}]`);
    console.log(`  measured: ${f.method}`);
    console.log(`  published: ${p.figure}${p.band ? `; band ${formatBand(p)}: ${p.band.from}` : ''}`);
    console.log(`  source: ${p.source} — ${confirmationText(p)}`);
  }
}

function main(argv: string[]): number {
  if (argv.includes('-h') || argv.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  const options = parseArgs(argv.filter((a) => a !== '--'));
  if (typeof options === 'string') {
    console.error(`fidelity: ${options}\n${USAGE}`);
    return 2;
  }
  const read = readScenarioFile(options.file);
  if (!read.ok) {
    console.error(read.message);
    return 1;
  }
  const report = measureFidelity(read.scenario, { seeds: options.seeds });
  if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else printReport(report);
  return 0;
}

process.stdout.on('error', () => {});
try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`fidelity: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
