// `npm run simulate -- FILE [--seed N | --seeds A-B] [--bot NAME] [--dispute-option NAME] [--json] [--replay-out F] [--replay F]
//  [--group NAME --result-code]`
// Plays whole games headless with a bot (or a saved replay) and prints what happened per quarter
// and the final score. Instructors use it to see a scenario play out; tests and tools use --json;
// --result-code prints the game as a workshop result code instead (for trying the scoreboard).
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ReplayError, makeReplay, parseReplay, runReplay } from '../replay/replay';
import { ResultCodeError, groupNameProblem, makeResultCode } from '../scoreboard/index';
import { BOTS, DISPUTE_OPTIONS, LEAD_BOTS, botNamed, playBot, stateHash, type DisputeOption, type GameState, type Scenario } from '../sim/index';
import { readScenarioFile } from './read-scenario';

const USAGE = `usage: npm run simulate -- FILE [options]

Plays a scenario headless and prints each quarter's figures and the final score.

  FILE               a scenario file (.yaml, .yml or .json)
  --seed N           the seed to play (default: the scenario's default seed)
  --seeds A-B        play every seed from A to B; one line per game (implies --json)
  --bot NAME         the bot that plays (default: balanced); one of:
                     ${[...BOTS, ...LEAD_BOTS].map((b) => b.name).join(', ')}
  --dispute-option NAME
                     force the bot's first choice when the dispute opens; one of:
                     ${DISPUTE_OPTIONS.join(', ')}
                     (after investigate or joint-meeting the bot decides)
  --json             print one JSON object per game
  --replay-out F     save the game's replay to F (single seed only)
  --replay F         play the saved replay F instead of a bot
  --group NAME       the workshop group's name, for --result-code
  --result-code      print the game's result code (with --group; single seed
                     only); with --json, add it to the JSON instead
  --help             show this message`;

class UsageError extends Error {}

interface Options {
  file: string;
  seeds: number[] | null;
  bot: string;
  /** Forces the bot's first choice in the dispute. */
  disputeOption: DisputeOption | null;
  json: boolean;
  replayOut: string | null;
  replay: string | null;
  /** The group name when a result code is wanted. */
  group: string | null;
}

function parseSeed(text: string, flag: string): number {
  if (!/^\d{1,10}$/.test(text) || Number(text) > 2 ** 31 - 1) {
    throw new UsageError(`${flag} takes a whole number from 0 to ${2 ** 31 - 1}, not "${text}"`);
  }
  return Number(text);
}

export function parseOptions(argv: string[]): Options | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        seed: { type: 'string' },
        seeds: { type: 'string' },
        bot: { type: 'string' },
        'dispute-option': { type: 'string' },
        json: { type: 'boolean' },
        'replay-out': { type: 'string' },
        replay: { type: 'string' },
        group: { type: 'string' },
        'result-code': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'give one scenario file' : 'give exactly one scenario file');
  if (values.seed !== undefined && values.seeds !== undefined) throw new UsageError('use --seed or --seeds, not both');
  let seeds: number[] | null = null;
  if (values.seed !== undefined) seeds = [parseSeed(values.seed, '--seed')];
  if (values.seeds !== undefined) {
    const match = /^(\d{1,10})-(\d{1,10})$/.exec(values.seeds);
    if (!match) throw new UsageError(`--seeds takes a range A-B, such as 1-100, not "${values.seeds}"`);
    const from = parseSeed(match[1]!, '--seeds');
    const to = parseSeed(match[2]!, '--seeds');
    if (to < from) throw new UsageError(`--seeds ${values.seeds}: the range ends before it starts`);
    if (to - from >= 1_000_000) throw new UsageError('--seeds: at most 1,000,000 seeds at once');
    seeds = [];
    for (let s = from; s <= to; s++) seeds.push(s);
  }
  if (values.bot !== undefined && !botNamed(values.bot)) {
    throw new UsageError(`unknown bot "${values.bot}"; bots: ${[...BOTS, ...LEAD_BOTS].map((b) => b.name).join(', ')}`);
  }
  const disputeOption = values['dispute-option'];
  if (disputeOption !== undefined && !(DISPUTE_OPTIONS as readonly string[]).includes(disputeOption)) {
    throw new UsageError(`unknown dispute option "${disputeOption}"; options: ${DISPUTE_OPTIONS.join(', ')}`);
  }
  if (values.replay !== undefined && (values.bot !== undefined || seeds !== null || values['replay-out'] !== undefined || disputeOption !== undefined)) {
    throw new UsageError('--replay plays the saved game as it is: it takes no --bot, --seed, --seeds, --dispute-option or --replay-out');
  }
  if (values['replay-out'] !== undefined && seeds !== null && seeds.length > 1) {
    throw new UsageError('--replay-out saves one game: use it with --seed, not --seeds');
  }
  if (values['result-code'] === true || values.group !== undefined) {
    if (values.group === undefined) throw new UsageError('--result-code needs the group\'s name: --group NAME');
    if (values['result-code'] !== true) throw new UsageError('--group names the group for --result-code; add --result-code');
    const problem = groupNameProblem(values.group.trim());
    if (problem) throw new UsageError(`--group: ${problem}`);
    if (seeds !== null && seeds.length > 1) throw new UsageError('--result-code is for one game: use it with --seed, not --seeds');
  }
  return {
    file: positionals[0]!,
    seeds,
    bot: values.bot ?? 'balanced',
    disputeOption: (disputeOption as DisputeOption | undefined) ?? null,
    json: values.json === true || (seeds !== null && seeds.length > 1),
    replayOut: values['replay-out'] ?? null,
    replay: values.replay ?? null,
    group: values['result-code'] === true ? values.group!.trim() : null,
  };
}

function summary(scenario: Scenario, state: GameState, bot: string) {
  const last = state.history[state.history.length - 1]!;
  const result: Record<string, unknown> = {
    scenario: scenario.id,
    seed: state.seed,
    bot,
    score: last.score.total,
    par: scenario.scoring.par,
    scorecard: last.score,
    stateHash: stateHash(state),
    quarters: state.history.map((r) => ({
      quarter: r.quarter,
      effort: { marketing: r.effortMarketing, sales: r.effortSales, joint: r.effortJoint },
      revenue: r.revenue,
      costs: r.costs,
      profit: r.profit,
      cash: r.cash,
      leads: r.leads,
      activeAccounts: r.activeAccounts,
      newAccounts: r.newAccounts,
      lostAccounts: r.lostAccounts,
      customerEquity: r.customerEquity,
      collaboration: r.collaboration,
      events: r.events,
      score: r.score.total,
    })),
  };
  if (state.dispute) {
    const d = state.dispute;
    const account = state.accounts.find((a) => a.id === d.account);
    result.dispute = {
      // The quarter whose events opened it; `option` is the first choice (what --dispute-option forces).
      quarter: d.openedInQuarter,
      option: d.choices[0]?.option ?? null,
      anchorStrength: d.anchorStrength,
      accountLost: account ? !account.active : null,
      decision: d.option,
      decidedInQuarter: d.decidedInQuarter,
      choices: d.choices.map((c) => c.option),
      estimate: d.investigation?.estimate ?? null,
    };
  }
  return result;
}

const money = (cents: number) => `${cents < 0 ? '-' : ''}$${Math.round(Math.abs(cents) / 100).toLocaleString('en-US')}`;

function printTable(scenario: Scenario, state: GameState, bot: string): void {
  const lines = [`${scenario.title} — seed ${state.seed}, ${bot}`, ''];
  lines.push('  Q  mkt sales  revenue     profit      cash        accounts  leads  cust. equity  collab  score');
  for (const r of state.history) {
    const accounts = `${r.activeAccounts} +${r.newAccounts.length} -${r.lostAccounts.length}`;
    lines.push(
      `${String(r.quarter).padStart(3)}  ${String(r.effortMarketing).padStart(3)} ${String(r.effortSales).padStart(5)}  ${money(r.revenue).padStart(10)} ${money(r.profit).padStart(10)} ${money(r.cash).padStart(11)}  ${accounts.padEnd(9)} ${r.leads.toFixed(1).padStart(5)}  ${money(r.customerEquity).padStart(12)}  ${r.collaboration.toFixed(2).padStart(6)} ${r.score.total.toFixed(1).padStart(6)}`,
    );
    for (const event of r.events) lines.push(`       event: ${event}`);
  }
  const last = state.history[state.history.length - 1]!;
  const card = last.score;
  lines.push('');
  lines.push(
    `Final score ${card.total.toFixed(1)} (par ${scenario.scoring.par}): profit ${card.profit}, revenue ${card.revenue}, customer equity ${card.customerEquity}, portfolio health ${card.portfolioHealth}, collaboration ${card.collaboration}`,
  );
  if (state.dispute) {
    const d = state.dispute;
    lines.push(`Dispute opened in quarter ${d.openedInQuarter}: ${d.choices.map((c) => `${c.option} (Q${c.quarter})`).join(', ') || 'undecided'}; hidden anchor ${d.anchorStrength}`);
  }
  lines.push(`State hash ${stateHash(state)}`);
  console.log(lines.join('\n'));
}

export function main(argv: string[]): number {
  let options: Options | 'help';
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`simulate: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  const loaded = readScenarioFile(options.file);
  if (!loaded.ok) {
    console.error(loaded.message);
    return 1;
  }
  const scenario = loaded.scenario;
  if (options.replay !== null) {
    let text: string;
    try {
      text = readFileSync(options.replay, 'utf8');
    } catch (error) {
      console.error(`simulate: cannot read replay ${options.replay}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      return 1;
    }
    try {
      const replay = parseReplay(text);
      const result = runReplay(scenario, replay);
      if (options.group !== null) printResultCode(options.json, makeResultCode(scenario, replay, options.group, result), summary(scenario, result.state, 'replay'), options.group);
      else if (options.json) console.log(JSON.stringify(summary(scenario, result.state, 'replay')));
      else printTable(scenario, result.state, `replay ${options.replay}`);
      return 0;
    } catch (error) {
      if (error instanceof ReplayError || error instanceof ResultCodeError) {
        console.error(`simulate: ${options.replay}: ${error.message}`);
        return 1;
      }
      throw error;
    }
  }
  const bot = botNamed(options.bot)!;
  const seeds = options.seeds ?? [scenario.defaultSeed];
  for (const seed of seeds) {
    const played = playBot(scenario, seed, bot, options.disputeOption === null ? {} : { disputeOption: options.disputeOption });
    if (options.replayOut !== null) {
      try {
        writeFileSync(options.replayOut, `${JSON.stringify(makeReplay(scenario, seed, played.steps), null, 2)}\n`);
      } catch (error) {
        console.error(`simulate: cannot write ${options.replayOut}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
        return 1;
      }
    }
    if (options.group !== null) {
      const replay = makeReplay(scenario, seed, played.steps);
      const last = played.state.history[played.state.history.length - 1]!;
      const code = makeResultCode(scenario, replay, options.group, { score: last.score.total, stateHash: stateHash(played.state) });
      printResultCode(options.json, code, summary(scenario, played.state, bot.name), options.group);
    } else if (options.json) console.log(JSON.stringify(summary(scenario, played.state, bot.name)));
    else printTable(scenario, played.state, bot.name);
  }
  return 0;
}

/** The result code alone on stdout (so scripts can capture it), or as fields of the JSON summary. */
function printResultCode(json: boolean, code: string, result: Record<string, unknown>, group: string): void {
  if (json) console.log(JSON.stringify({ ...result, group, resultCode: code }));
  else console.log(code);
}

process.exitCode = main(process.argv.slice(2));
