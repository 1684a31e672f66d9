// The workshop scoreboard's state and what its two screens (the instructor's board and the
// projector view) show. The board is the workshop's codes verified against its heat; what the
// scenes keep across their restarts (the luck-or-skill report, a message to show once, a board the
// browser refused to store) lives here, so a scene holds nothing but its widgets. No Phaser.
import { HeatCodeError, LUCK_SEED_COUNT, MAX_CODE_CHARS, buildScoreboard, type BoardEntry, type Scoreboard } from '../scoreboard/index';
import type { LuckOrSkill, LuckRow } from '../scoreboard/luck';
import type { Scenario } from '../sim/index';
import { formatPoints } from './format';
import { rejectionText } from './move-text';
import { heatScenario } from './scenario-versions';
import type { Catalogue } from './scenarios';
import { SCORE_COMPONENT_WORDS } from './score-words';
import { readWorkshop, writeWorkshop, type Workshop } from './workshop';

// ---------------------------------------------------------------------------------------
// What outlives a restart of the scoreboard's scenes (each restart reads storage afresh).

/** One luck-or-skill report per board content: it replays every group on other seeds, so it is kept while the codes stay the same. */
let luckCache: { key: string; luck: LuckOrSkill } | null = null;
/** A problem to show once on the next board (a QR image that could not be read). */
let notice: string | null = null;
/**
 * The board as last changed when the browser refused to store it (storage full or turned off):
 * without it a refused write would lose the codes on screen too. Used only while it is for the
 * same heat as the stored workshop.
 */
let unstored: Workshop | null = null;

const boardKey = (w: Workshop) => `${w.scenarioId}:${w.seed}:${w.codes.join('\n')}`;

export function rememberLuck(workshop: Workshop, luck: LuckOrSkill): void {
  luckCache = { key: boardKey(workshop), luck };
}

/** The luck-or-skill report of this workshop's codes, if it has been computed. */
export function luckFor(workshop: Workshop): LuckOrSkill | null {
  return luckCache && luckCache.key === boardKey(workshop) ? luckCache.luck : null;
}

/** Sets (or, with null, clears) the message the next board shows once. */
export function setBoardNotice(message: string | null): void {
  notice = message;
}

/** The message to show once, cleared as it is taken. */
export function takeBoardNotice(): string | null {
  const taken = notice;
  notice = null;
  return taken;
}

/** Stores the workshop; when the browser refuses, keeps it in memory for the next board. */
export function saveWorkshop(storage: Storage, workshop: Workshop): void {
  unstored = writeWorkshop(storage, workshop) ? null : workshop;
}

// ---------------------------------------------------------------------------------------
// Opening the board.

export type OpenBoard =
  | { ok: false; message: string }
  | { ok: true; workshop: Workshop; scenario: Scenario; board: Scoreboard; verifyMs: number };

/** The workshop on this device with its codes verified, or why there is no board to show. */
export function openBoard(storage: Storage, catalogue: Catalogue): OpenBoard {
  const read = readWorkshop(storage);
  let workshop = read.status === 'ok' ? read.workshop : null;
  if (unstored && workshop && unstored.heatCode === workshop.heatCode) workshop = unstored;
  else unstored = null;
  // The version its heat code names (an archived one for a workshop made before the scenario
  // changed); else the current file, checked against the seed alone (verifyBoard).
  const scenario = workshop
    ? (heatScenario(catalogue, workshop.scenarioId, workshop.heatCode) ?? catalogue.scenarios.find((s) => s.id === workshop.scenarioId)?.scenario ?? null)
    : null;
  if (!workshop || !scenario) {
    return {
      ok: false,
      message: read.status === 'rejected'
        ? read.message
        : workshop
          ? `The workshop’s scenario “${workshop.scenarioId}” is not available here.`
          : 'There is no workshop on this device yet. Set one up first: its scenario, seed and groups make the heat the board checks codes against.',
    };
  }
  return { ok: true, workshop, scenario, ...verifyBoard(scenario, workshop) };
}

/** Verifies every code of the workshop against its heat, timing it. */
export function verifyBoard(scenario: Scenario, workshop: Workshop): { board: Scoreboard; verifyMs: number } {
  const start = performance.now();
  let board: Scoreboard;
  try {
    board = buildScoreboard(scenario, workshop.codes.map((code, i) => ({ code, label: `code ${i + 1}` })), { heat: workshop.heatCode });
  } catch (error) {
    if (!(error instanceof HeatCodeError)) throw error;
    // The workshop's heat code was made for another version of the scenario: check against the seed alone.
    board = buildScoreboard(scenario, workshop.codes);
  }
  return { board, verifyMs: performance.now() - start };
}

// ---------------------------------------------------------------------------------------
// The instructor's board.

export interface BoardRowView {
  entry: BoardEntry;
  rank: string;
  group: string;
  score: string;
  /** Each component's points, in the model's order. */
  components: string[];
  luck: string;
  ghostLabel: string;
}

export interface BoardView {
  title: string;
  meta: string;
  status: string;
  /** Whether the board could not be stored (its codes live only in this page). */
  unstored: boolean;
  groupsMaySeeBoard: boolean;
  /** "Remove the 2 rejected", or null when none was rejected. */
  removeRejected: string | null;
  /** How many codes a clear would remove; 0 hides the button. */
  codes: number;
  columns: string[];
  rows: BoardRowView[];
  rankingTitle: string;
  tieBreak: string;
  rejectedTitle: string;
  rejected: { head: string; reason: string }[];
  luckButton: { label: string; enabled: boolean };
  /** How the luck-or-skill report was made, once it has been. */
  luckRule: string | null;
}

const pct = (n: number) => `${Math.round(n * 100)}%`;

function luckText(row: LuckRow | undefined): string {
  return row ? `${formatPoints(row.mean)} ± ${formatPoints(row.sd)} · rank held ${pct(row.rankHeld)}` : '—';
}

export function boardView(scenario: Scenario, workshop: Workshop, board: Scoreboard, verifyMs: number, luck: LuckOrSkill | null): BoardView {
  const count = workshop.codes.length;
  const luckOf = new Map((luck?.rows ?? []).map((r) => [r.position, r]));
  return {
    title: `Scoreboard: ${scenario.title}`,
    meta: `Heat ${workshop.heatCode} · seed ${workshop.seed} · ${workshop.groups.length} groups in the workshop`,
    status: count === 0 ? 'No codes yet.' : `${count} code${count === 1 ? '' : 's'} verified by replaying in ${Math.round(verifyMs)} ms: ${board.entries.length} on the board, ${board.rejected.length} rejected.`,
    unstored: unstored !== null,
    groupsMaySeeBoard: workshop.groupsMaySeeBoard,
    removeRejected: board.rejected.length > 0 ? `Remove the ${board.rejected.length} rejected` : null,
    codes: count,
    columns: ['Rank', 'Group', 'Score', ...SCORE_COMPONENT_WORDS.map((c) => c.column), 'Luck or skill', 'Ghost'],
    rows: board.entries.map((e) => ({
      entry: e,
      rank: String(e.rank),
      group: e.group,
      score: formatPoints(e.score),
      components: SCORE_COMPONENT_WORDS.map(({ key }) => formatPoints(e.scorecard[key])),
      luck: luckText(luckOf.get(e.position)),
      ghostLabel: `Play against this group’s decisions: ${e.group}`,
    })),
    rankingTitle: `Ranking (${board.entries.length} verified)`,
    tieBreak: board.tieBreakRule,
    rejectedTitle: `Rejected codes (${board.rejected.length})`,
    rejected: board.rejected.map((r) => ({ head: `${r.label}${r.group ? ` (${r.group})` : ''}: `, reason: rejectionText(r) })),
    luckButton: {
      label: luck ? 'Luck or skill: computed' : `Luck or skill: replay on ${LUCK_SEED_COUNT} other seeds`,
      enabled: luck === null && board.entries.length > 0,
    },
    luckRule: luck ? `Luck or skill: each group’s decisions on ${luck.seeds.length} other seeds — mean score ± spread, and how often it keeps its rank. ${luck.rule}` : null,
  };
}

/** What the status line says while the luck-or-skill report runs. */
export const LUCK_RUNNING = `Replaying every group on ${LUCK_SEED_COUNT} other seeds…`;

/** The clear button's second press: it asks first. */
export function clearConfirm(codes: number): string {
  return `Really remove all ${codes} codes?`;
}

/** What adding codes says: how many were new (announced) and, for lines too long to be a code, a message to show on the board. */
export function addedCodes(given: number, added: number, tooLong: number, from: string): { announce: string; notice: string | null } {
  return {
    announce: `${added} new code${added === 1 ? '' : 's'} ${from}; ${given - added - tooLong} already on the board.`,
    notice: tooLong > 0
      ? `${tooLong} line${tooLong === 1 ? ' was' : 's were'} too long to be a result code (over ${MAX_CODE_CHARS.toLocaleString('en-US')} characters) and ${tooLong === 1 ? 'was' : 'were'} not added.`
      : null,
  };
}

// ---------------------------------------------------------------------------------------
// The projector view: places revealed one at a time, last to first.

export interface ProjectorView {
  title: string;
  meta: string;
  rows: { rank: string; group: string; score: string; shown: boolean }[];
  /** Every place is shown: nothing left to reveal. */
  done: boolean;
  /** More places than fit in large type: the list scrolls. */
  many: boolean;
  tieBreak: string;
}

/** The board with the last `revealed` places shown. */
export function projectorView(scenario: Scenario, board: Scoreboard, revealed: number): ProjectorView {
  const entries = board.entries;
  return {
    title: `Scoreboard: ${scenario.title}`,
    meta: `Heat ${board.heatCode ?? '—'} · ${entries.length} groups verified by replaying their decisions`,
    rows: entries.map((e, i) => {
      const shown = i >= entries.length - revealed;
      return { rank: `${e.rank}.`, group: shown ? e.group : 'to be revealed', score: shown ? formatPoints(e.score) : '', shown };
    }),
    done: revealed >= entries.length,
    many: entries.length > 9,
    tieBreak: board.tieBreakRule,
  };
}

/** How many places are shown after revealing `n` more (never more than there are). */
export function revealMore(board: Scoreboard, revealed: number, n: number): number {
  return Math.min(board.entries.length, revealed + n);
}

/** What a reveal announces: the place just shown, or that all are. */
export function revealAnnouncement(board: Scoreboard, revealed: number, n: number): string {
  const e = board.entries[board.entries.length - revealed]!;
  return n === 1 ? `Place ${e.rank}: ${e.group}, score ${formatPoints(e.score)}.` : 'Every place revealed.';
}
