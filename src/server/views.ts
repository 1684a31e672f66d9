// What each party is sent: the instructor's board (every group's progress and standing, the
// server's own replay of each), the projector's (only released results) and a group's own view
// (its decisions and figures, never another group's). Plain data; clients render names as text.
import { makeReplay, scenarioHash } from '../replay/replay';
import { buildScoreboard, compareResults, makeHeatCode, makeResultCode, type Scoreboard } from '../scoreboard/index';
import { stateHash, type GameState, type QuarterRecord } from '../sim/index';
import type { BoardView, Figures, GroupView, Standing, WorkshopInfo } from '../scoreboard/live-wire';
import { currentState, isFinished, type GroupRecord, type HeatState } from './heat-state';




// Worked out once per heat and per group version: every view carries them, and a closing round
// sends hundreds of views.
const heatCodes = new WeakMap<HeatState, string>();
const resultCodes = new WeakMap<GroupRecord, { version: number; code: string | null }>();

function heatCodeOf(heat: HeatState): string {
  let code = heatCodes.get(heat);
  if (code === undefined) heatCodes.set(heat, (code = makeHeatCode(heat.scenario, heat.seed)));
  return code;
}

export function workshopInfo(heat: HeatState): WorkshopInfo {
  return {
    id: heat.id,
    heatCode: heatCodeOf(heat),
    scenarioId: heat.scenario.id,
    scenarioHash: scenarioHash(heat.scenario),
    title: heat.scenario.title,
    quarters: heat.scenario.quarters,
    pacing: heat.pacing,
    missed: heat.missed,
    hold: heat.hold,
    round: heat.round,
    paused: heat.paused,
    deadline: heat.deadline,
    released: heat.released,
    finished: isFinished(heat),
    listedGroups: heat.listedGroups,
  };
}

function figures(record: QuarterRecord): Figures {
  return { quarter: record.quarter, revenue: record.revenue, profit: record.profit, cash: record.cash, customerEquity: record.customerEquity, score: record.score.total };
}

/** A group's standing after its first `quarters` quarters. */
function standingOf(group: GroupRecord, quarters: number): Omit<Standing, 'rank'> {
  const played = Math.min(quarters, group.states.length - 1);
  const state: GameState = group.states[played]!;
  const last = state.history[state.history.length - 1];
  const status = currentState(group).finished && played === group.states.length - 1 ? 'finished' : group.pending !== null ? 'submitted' : 'planning';
  return {
    name: group.name,
    played,
    status,
    missed: group.missed.filter((q) => q <= played),
    score: last?.score.total ?? 0,
    customerEquity: last?.customerEquity ?? 0,
    totalProfit: state.history.reduce((sum, r) => sum + r.profit, 0),
    totalRevenue: state.history.reduce((sum, r) => sum + r.revenue, 0),
  };
}

/** Standings over every group, ranked by the scoreboard's rule (first to join wins a full tie). */
export function standings(heat: HeatState, upTo: number = Number.POSITIVE_INFINITY): Standing[] {
  const rows = heat.groups.map((g) => ({ ...standingOf(g, upTo), position: g.index }));
  rows.sort(compareResults);
  return rows.map(({ position: _position, ...row }, i) => ({ rank: i + 1, ...row }));
}

/** The result code of a group's finished game: the same code offline play gives, verified the same way. */
export function groupResultCode(heat: HeatState, group: GroupRecord): string | null {
  const cached = resultCodes.get(group);
  if (cached?.version === group.version) return cached.code;
  const state = currentState(group);
  // The claimed outcome is the server's own game: no second replay to work it out.
  const claimed = state.finished ? { score: state.history[state.history.length - 1]!.score.total, stateHash: stateHash(state) } : null;
  const code = claimed ? makeResultCode(heat.scenario, makeReplay(heat.scenario, heat.seed, group.steps), group.name, claimed) : null;
  resultCodes.set(group, { version: group.version, code });
  return code;
}

/** The final board: every finished group's code and every offline code added, verified by replay. */
const boards = new WeakMap<HeatState, { seq: number; board: Scoreboard }>();

export function finalBoard(heat: HeatState): Scoreboard {
  const cached = boards.get(heat);
  if (cached?.seq === heat.seq) return cached.board;
  const board = verifiedBoard(heat);
  boards.set(heat, { seq: heat.seq, board });
  return board;
}

function verifiedBoard(heat: HeatState): Scoreboard {
  const submissions = heat.groups.flatMap((g) => {
    const code = groupResultCode(heat, g);
    return code === null ? [] : [{ code, label: `live group ${g.index + 1}` }];
  });
  heat.codes.forEach((code, i) => submissions.push({ code, label: `added code ${i + 1}` }));
  return buildScoreboard(heat.scenario, submissions, { heat: heatCodeOf(heat) });
}


export function boardView(heat: HeatState, audience: 'instructor' | 'projector'): BoardView {
  // The projector sees standings only as far as the instructor has released them.
  const upTo = audience === 'projector' && heat.pacing === 'instructor' ? heat.released : Number.POSITIVE_INFINITY;
  const board = heat.codes.length > 0 ? finalBoard(heat) : null;
  const added = (board?.entries ?? []).filter((e) => e.label.startsWith('added'));
  const rejected = (board?.rejected ?? []).filter((e) => e.label.startsWith('added'));
  return {
    type: 'board',
    workshop: workshopInfo(heat),
    groups: standings(heat, upTo),
    submitted: heat.groups.filter((g) => g.pending !== null).length,
    codes: [
      ...added.map((e) => ({ label: e.label, group: e.group, ok: true, score: e.score, reason: null })),
      ...rejected.map((e) => ({ label: e.label, group: e.group ?? null, ok: false, score: null, reason: e.message })),
    ].sort((a, b) => a.label.localeCompare(b.label, 'en', { numeric: true })),
    resultCodes:
      audience === 'instructor'
        ? heat.groups.flatMap((g) => {
            const code = groupResultCode(heat, g);
            return code === null ? [] : [{ group: g.name, code }];
          })
        : [],
  };
}


const infoTexts = new WeakMap<HeatState, { seq: number; text: string }>();
const viewTexts = new WeakMap<GroupRecord, { key: string; text: string }>();

/** The workshop's info as JSON, made once per event folded in. */
function workshopInfoText(heat: HeatState): string {
  const cached = infoTexts.get(heat);
  if (cached?.seq === heat.seq) return cached.text;
  const text = JSON.stringify(workshopInfo(heat));
  infoTexts.set(heat, { seq: heat.seq, text });
  return text;
}

/**
 * A group's view as JSON, serialised once per change: the reply to its submission, its
 * `GET /me` and the push to its screens share one text. A group's view changes only with the
 * workshop's info (round, release, pause, …) or its own record (its version), so `key` names
 * what it was made of; a screen already sent that key needs nothing new.
 */
export function groupViewText(heat: HeatState, group: GroupRecord): { key: string; text: string } {
  const key = `${workshopInfoText(heat)}#${group.version}`;
  const cached = viewTexts.get(group);
  if (cached?.key === key) return cached;
  const made = { key, text: JSON.stringify(groupView(heat, group)) };
  viewTexts.set(group, made);
  return made;
}

export function groupView(heat: HeatState, group: GroupRecord): GroupView {
  const visible = heat.pacing === 'instructor' ? Math.min(heat.released, group.steps.length) : group.steps.length;
  const state = group.states[visible]!;
  const finished = state.finished;
  return {
    type: 'group',
    workshop: workshopInfo(heat),
    name: group.name,
    seed: heat.seed,
    quarter: currentState(group).quarter,
    pending: group.pending,
    steps: group.steps.slice(0, visible),
    figures: state.history.map(figures),
    missed: group.missed.filter((q) => q <= visible),
    finished,
    resultCode: finished ? groupResultCode(heat, group) : null,
  };
}
