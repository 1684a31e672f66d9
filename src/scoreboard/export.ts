// Exports of a verified board: CSV for grading in a spreadsheet and the full results as JSON.
// Group names are typed by workshop groups, so every text cell is treated as hostile: quoted by
// RFC 4180 when it holds a comma, quote or line break, and neutralised with a leading apostrophe
// when it starts like a formula (= + - @, tab, carriage return), which spreadsheets would run.
import { SCORE_COMPONENTS } from '../sim/score';
import type { LuckOrSkill, LuckRow } from './luck';
import type { BoardEntry, Scoreboard } from './verify';

export const RESULTS_FORMAT = 'marketing-and-sales/results@1';

/** Cents as a plain decimal amount ("1234.56", "-0.05"): exact, no float rounding, no grouping. */
export function centsToAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A text cell made safe for spreadsheets: formula-like starts neutralised, then quoted if needed. */
export function csvText(value: string): string {
  let text = value;
  // OWASP's list of formula triggers; leading spaces are skipped because some spreadsheets trim them.
  if (/^[\t\r]/.test(text) || /^\s*[=+\-@]/.test(text)) text = `'${text}`;
  if (/[",\r\n]/.test(text) || text !== text.trim()) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** A number cell: numbers are written as numbers (a negative profit must stay a number). */
function csvNumber(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '' : String(value);
}

const COMPONENTS = SCORE_COMPONENTS.map((c) => c.key);
/** A component's column: its key in snake case, then "_points" ("customer_equity_points"). */
const COMPONENT_COLUMNS = COMPONENTS.map((key) => `${key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}_points`);

/** The CSV's column names for a board of `quarters` quarters (luck columns when `withLuck`). */
export function csvColumns(quarters: number, withLuck: boolean): string[] {
  const columns = ['rank', 'group', 'status', 'score', 'claimed_score', ...COMPONENT_COLUMNS, 'total_revenue', 'total_profit', 'final_customer_equity'];
  for (let q = 1; q <= quarters; q++) columns.push(`q${q}_revenue`, `q${q}_profit`, `q${q}_cash`);
  if (withLuck) columns.push('other_seeds_mean', 'other_seeds_sd', 'other_seeds_mean_rank', 'rank_held_share');
  columns.push('seed', 'submitted_as', 'reason');
  return columns;
}

/**
 * The board as CSV (RFC 4180, CRLF line ends): one row per verified group in rank order, then one
 * per rejected code with its reason. Money columns are in currency units with two decimals.
 */
export function scoreboardCsv(board: Scoreboard, quarters: number, luck: LuckOrSkill | null = null): string {
  const columns = csvColumns(quarters, luck !== null);
  const rows: string[] = [columns.join(',')];
  const luckOf = new Map<number, LuckRow>();
  for (const row of luck?.rows ?? []) luckOf.set(row.position, row);
  for (const e of board.entries) {
    const cells = [String(e.rank), csvText(e.group), 'verified', csvNumber(e.score), csvNumber(e.claimedScore)];
    for (const c of COMPONENTS) cells.push(csvNumber(e.scorecard[c]));
    cells.push(centsToAmount(e.totalRevenue), centsToAmount(e.totalProfit), centsToAmount(e.customerEquity));
    for (let q = 0; q < quarters; q++) {
      const f = e.quarters[q];
      cells.push(f ? centsToAmount(f.revenue) : '', f ? centsToAmount(f.profit) : '', f ? centsToAmount(f.cash) : '');
    }
    if (luck) {
      const l = luckOf.get(e.position);
      cells.push(csvNumber(l?.mean), csvNumber(l?.sd), csvNumber(l?.meanRank), csvNumber(l?.rankHeld));
    }
    cells.push(csvNumber(e.seed), csvText(e.label), '');
    rows.push(cells.join(','));
  }
  for (const r of board.rejected) {
    const cells = ['', csvText(r.group ?? ''), 'rejected', '', ''];
    for (let i = 0; i < COMPONENTS.length + 3 + 3 * quarters + (luck ? 4 : 0); i++) cells.push('');
    cells.push('', csvText(r.label), csvText(`${r.reason}: ${r.message}`));
    rows.push(cells.join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}

function entryJson(e: BoardEntry) {
  return {
    rank: e.rank,
    group: e.group,
    submittedAs: e.label,
    position: e.position,
    score: e.score,
    claimedScore: e.claimedScore,
    scorecard: e.scorecard,
    stateHash: e.stateHash,
    seed: e.seed,
    totals: { revenue: e.totalRevenue, profit: e.totalProfit, finalCustomerEquity: e.customerEquity },
    quarters: e.quarters,
    code: e.code,
    replay: e.replay,
  };
}

/** Everything the board knows, as a JSON-able value (money in integer cents). */
export function scoreboardJson(board: Scoreboard, luck: LuckOrSkill | null = null) {
  return {
    format: RESULTS_FORMAT,
    scenario: board.scenario,
    heat: { seed: board.seed, code: board.heatCode, source: board.seedSource },
    tieBreakRule: board.tieBreakRule,
    ranking: board.entries.map(entryJson),
    rejected: board.rejected.map((r) => ({ submittedAs: r.label, position: r.position, group: r.group ?? null, reason: r.reason, message: r.message, code: r.code })),
    luckOrSkill: luck,
  };
}
