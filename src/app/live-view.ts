// The words and figures of the live workshop's two screens, from the server's views: the
// instructor's live board (who has joined, who is still planning, the standings the server
// replayed, what can be done next) and a group's waiting screen. Scenes draw these as text.
import type { BoardView, GroupView, Standing } from '../scoreboard/live-wire';
import { formatMoney, formatPoints } from './format';

export interface LiveBoardRow {
  rank: string;
  name: string;
  status: string;
  /** 'planning' | 'submitted' | 'finished': a class for its colour. */
  state: Standing['status'];
  played: string;
  missed: string;
  score: string;
  customerEquity: string;
}

export interface LiveBoardModel {
  title: string;
  code: string;
  heatCode: string;
  /** One line on where the workshop stands. */
  progress: string;
  deadline: string | null;
  rows: LiveBoardRow[];
  /** The open round (instructor-paced and not over), else null. */
  round: number | null;
  canClose: boolean;
  canRollBack: number | null;
  canRelease: number | null;
  paused: boolean;
  pacedByInstructor: boolean;
  finished: boolean;
  codes: { label: string; text: string; ok: boolean }[];
}

function remaining(deadline: string, now: number): string {
  const ms = Date.parse(deadline) - now;
  if (ms <= 0) return 'the deadline has passed';
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')} left`;
}

const STATUS_WORDS: Record<Standing['status'], string> = { planning: 'Planning', submitted: 'Plan in', finished: 'Finished' };

export function liveBoardModel(view: BoardView, now: number = Date.now()): LiveBoardModel {
  const w = view.workshop;
  const paced = w.pacing === 'instructor';
  const open = paced && !w.finished ? w.round : null;
  const joined = view.groups.length;
  let progress: string;
  if (joined === 0) progress = 'No group has joined yet.';
  else if (w.finished) progress = `The workshop is over: all ${w.quarters} quarters played. The standings are the server’s own replay of every group’s decisions.`;
  else if (paced) progress = `Quarter ${w.round} of ${w.quarters} is open${w.paused ? ' (paused)' : ''}: ${view.submitted} of ${joined} ${joined === 1 ? 'group has' : 'groups have'} a plan in.`;
  else progress = `Self-paced: ${view.groups.filter((g) => g.status === 'finished').length} of ${joined} ${joined === 1 ? 'group has' : 'groups have'} finished.`;
  const closed = w.round - 1;
  return {
    title: w.title,
    code: w.id,
    heatCode: w.heatCode,
    progress,
    deadline: paced && w.deadline !== null ? remaining(w.deadline, now) : null,
    rows: view.groups.map((g) => ({
      rank: String(g.rank),
      name: g.name,
      status: STATUS_WORDS[g.status],
      state: g.status,
      played: `${g.played} of ${w.quarters}`,
      missed: g.missed.length === 0 ? '—' : g.missed.join(', '),
      score: formatPoints(g.score),
      customerEquity: formatMoney(g.customerEquity),
    })),
    round: open,
    canClose: open !== null && !w.paused && joined > 0,
    canRollBack: paced && closed >= 1 ? closed : null,
    canRelease: paced && w.hold && w.released < closed ? closed : null,
    paused: w.paused,
    pacedByInstructor: paced,
    finished: w.finished,
    codes: view.codes.map((c) => ({ label: c.label, ok: c.ok, text: c.ok ? `${c.group}: verified, score ${formatPoints(c.score ?? 0)}` : `${c.group ?? 'unreadable'}: rejected — ${c.reason}` })),
  };
}

export interface LiveProjectorModel {
  heading: string;
  meta: string;
  rows: { rank: string; name: string; score: string }[];
}

/** The room's view: the standings as far as the instructor has released them, the top twelve. */
export function liveProjectorModel(view: BoardView): LiveProjectorModel {
  const w = view.workshop;
  const shown = w.pacing === 'instructor' ? w.released : null;
  const heading = shown === null ? `${w.title}: the standings` : shown === 0 ? `${w.title}: no results yet` : `${w.title}: standings after quarter ${shown}`;
  const joined = view.groups.length;
  const meta = `Join with ${w.id} · ${joined} ${joined === 1 ? 'group' : 'groups'}${view.groups.length > 12 ? ' · the top twelve' : ''}`;
  return {
    heading,
    meta,
    rows: shown === 0 ? [] : view.groups.slice(0, 12).map((g) => ({ rank: String(g.rank), name: g.name, score: formatPoints(g.score) })),
  };
}

export interface LiveWaitModel {
  heading: string;
  lines: string[];
}

/** What a group sees between committing a quarter and its report. */
export function liveWaitModel(view: GroupView | null, quarter: number, connection: string, notice: string | null, now: number = Date.now()): LiveWaitModel {
  const lines: string[] = [];
  if (notice) lines.push(notice);
  if (view === null) return { heading: `Your plan for quarter ${quarter} is made`, lines: [...lines, 'Connecting to the workshop server…'] };
  const w = view.workshop;
  const closed = w.round > quarter;
  if (!closed) {
    lines.push(view.pending !== null ? `The workshop server has your plan for quarter ${quarter}.` : 'Sending your plan to the workshop server…');
    lines.push(w.paused ? 'The instructor has paused the workshop.' : 'The report opens when the instructor closes the round.');
    if (w.deadline !== null) lines.push(`The round closes by itself at its deadline: ${remaining(w.deadline, now)}.`);
  } else {
    lines.push('The round has closed. The report opens when the instructor releases the results.');
  }
  if (connection !== 'open') lines.push('Reconnecting to the workshop server…');
  return { heading: `Quarter ${quarter}: waiting for the round to close`, lines };
}
