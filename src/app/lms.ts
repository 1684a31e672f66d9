// The game as a SCORM 1.2 package in an LMS (docs/lms.md): finds the LMS's API by the standard
// search through the parent frames and the opener, opens the session (LMSInitialize), reports
// each finished game of the packaged scenarios (status, score, a summary, the result code) with
// LMSCommit, and closes the session (LMSFinish) when the page goes away. Without an API — the
// game opened outside an LMS — every call is a no-op: nothing reported, nothing logged.
// Only the package's build turns it on (main.ts, `import.meta.env.MODE === LMS_BUILD_MODE`).
// The words of the summary are in lms-text.ts.
import { scenarioHash } from '../replay/replay';
import { groupNameProblem } from '../scoreboard/index';
import type { GameState, Scenario, Step } from '../sim/index';
import { lmsSummary } from './lms-text';
import { finishedGameCode } from './results';
import type { GameSession } from './session';

/** The Vite mode of the package's build (src/cli/package-scorm.ts builds with it). */
export const LMS_BUILD_MODE = 'scorm';

/** The LMS score's range (SCORM 1.2 normalises cmi.core.score.raw to 0–100). */
export const LMS_SCORE_MIN = 0;
export const LMS_SCORE_MAX = 100;
/** The LMS score that par maps to: the package's adlcp:masteryscore, the gradebook's pass mark. */
export const LMS_MASTERY_SCORE = 80;

/** SCORM 1.2's length limits of the elements written (RTE, CMIString255 and CMIString4096). */
export const SCORM12_LIMITS = { comments: 4096, suspendData: 4096, studentName: 255 } as const;

/** The learner name in a result code when the LMS gives none that makes a group name. */
export const DEFAULT_LEARNER = 'Trainee';

/** The SCORM 1.2 API an LMS puts on a window (`window.API`), as far as the game calls it. */
export interface Scorm12Api {
  LMSInitialize(parameter: ''): unknown;
  LMSFinish(parameter: ''): unknown;
  LMSGetValue(element: string): unknown;
  LMSSetValue(element: string, value: string): unknown;
  LMSCommit(parameter: ''): unknown;
  LMSGetLastError(): unknown;
}

/** The little of a window the search reads: its API, its parent, its opener. */
export interface FrameLike {
  API?: unknown;
  parent?: FrameLike | null;
  opener?: FrameLike | null;
}

/** How many parents the search climbs before it gives up (ADL's sample climbs 7). */
const MAX_PARENTS = 10;

function isApi(value: unknown): value is Scorm12Api {
  if (typeof value !== 'object' || value === null) return false;
  const api = value as Record<string, unknown>;
  return ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError'].every((name) => typeof api[name] === 'function');
}

/** Reads one property of a window that may belong to another origin (reading it then throws). */
function read<K extends keyof FrameLike>(win: FrameLike, key: K): FrameLike[K] | undefined {
  try {
    return win[key];
  } catch {
    return undefined;
  }
}

function searchUp(start: FrameLike | null | undefined): Scorm12Api | null {
  let win = start;
  for (let climbed = 0; win && climbed <= MAX_PARENTS; climbed++) {
    const api = read(win, 'API');
    if (isApi(api)) return api;
    const parent = read(win, 'parent');
    if (!parent || parent === win) return null;
    win = parent;
  }
  return null;
}

/**
 * The SCORM 1.2 API, found as the standard says: `API` on this window or one of its parents,
 * then on the window that opened this one and its parents; null when there is none (or every
 * window that might hold it belongs to another origin).
 */
export function findScorm12Api(win: FrameLike): Scorm12Api | null {
  return searchUp(win) ?? searchUp(read(win, 'opener'));
}

/** What the game reports of one finished game. */
export interface LmsResult {
  /** passed: the game's score reached the scenario's par; failed: it did not. */
  status: 'passed' | 'failed';
  /** The game's score scaled against par (lmsScore), 0–100. */
  raw: number;
  min: number;
  max: number;
  /** The debrief in a few sentences, for cmi.comments (at most 4096 characters). */
  summary: string;
  /** The game's result code, for cmi.suspend_data; null when it would not fit. */
  code: string | null;
}

/**
 * The game's score scaled to the LMS's 0–100 against the scenario's par: par is the mastery
 * score (80), 0 points or fewer are 0, twice par or more is 100, linear in between on each side
 * of par. Floored to one decimal, so a score below par never reads as the pass mark.
 */
export function lmsScore(total: number, par: number): number {
  // A par of 0 (the schema allows it) gives no scale: then 100 points above par make the full 20.
  const unit = par > 0 ? par : 100;
  const scaled =
    total < par ? (LMS_MASTERY_SCORE * Math.max(0, total)) / unit : LMS_MASTERY_SCORE + ((LMS_SCORE_MAX - LMS_MASTERY_SCORE) * (total - par)) / unit;
  const floored = Math.floor(Math.min(LMS_SCORE_MAX, Math.max(LMS_SCORE_MIN, scaled)) * 10 + 1e-9) / 10;
  // Below par stays below the pass mark whatever the floating point did.
  return total < par ? Math.min(floored, LMS_MASTERY_SCORE - 0.1) : Math.max(floored, LMS_MASTERY_SCORE);
}

/** The learner's name as a result code's group name: the LMS's cmi.core.student_name when it makes one. */
export function learnerGroup(name: string | null): string {
  const trimmed = (name ?? '').trim();
  return trimmed !== '' && groupNameProblem(trimmed) === null ? trimmed : DEFAULT_LEARNER;
}

/** What to report of a finished game: status against par, the scaled score, the summary and the result code. */
export function lmsResult(scenario: Scenario, game: GameState, steps: readonly Step[], learner: string | null): LmsResult {
  const total = game.history[game.history.length - 1]?.score.total ?? 0;
  const { par } = scenario.scoring;
  const raw = lmsScore(total, par);
  let code: string | null = null;
  try {
    code = finishedGameCode(scenario, game, steps, learnerGroup(learner));
  } catch {
    code = null; // never expected: a finished game's own decisions always encode
  }
  if (code !== null && code.length > SCORM12_LIMITS.suspendData) code = null;
  return {
    status: total >= par ? 'passed' : 'failed',
    raw,
    min: LMS_SCORE_MIN,
    max: LMS_SCORE_MAX,
    summary: lmsSummary(scenario, game, raw, LMS_MASTERY_SCORE, code).slice(0, SCORM12_LIMITS.comments),
    code,
  };
}

/** The page's link to the LMS: a no-op when there is none. */
export interface Lms {
  /** Whether an LMS answered LMSInitialize. */
  readonly connected: boolean;
  /** The learner's name as the LMS has it (cmi.core.student_name), or null. */
  learnerName(): string | null;
  /** Writes a finished game's result and commits it; false when there is no LMS or it refused. */
  report(result: LmsResult): boolean;
  /** Ends the LMS session (session time, exit, LMSCommit, LMSFinish); once. */
  finish(): void;
}

const NO_LMS: Lms = { connected: false, learnerName: () => null, report: () => false, finish: () => undefined };

const ok = (value: unknown) => value === true || String(value) === 'true';

/** CMITimespan of SCORM 1.2: HHHH:MM:SS.SS, the hours in 2 to 4 digits. */
export function scormTimespan(ms: number): string {
  const hundredths = Math.max(0, Math.round(ms / 10));
  const hours = Math.min(9999, Math.floor(hundredths / 360_000));
  const minutes = Math.floor((hundredths % 360_000) / 6000);
  const seconds = (hundredths % 6000) / 100;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:${seconds.toFixed(2).padStart(5, '0')}`;
}

/**
 * Opens the LMS session on `api` (LMSInitialize), or gives the no-op link when `api` is null or
 * the LMS refuses. A session the LMS had not started yet is marked incomplete.
 * `now` is the app's clock, for the session time.
 */
export function connectLms(api: Scorm12Api | null, now: () => number = () => Date.now()): Lms {
  if (!api) return NO_LMS;
  const call = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch {
      return undefined;
    }
  };
  if (!ok(call(() => api.LMSInitialize('')))) return NO_LMS;
  const started = now();
  let open = true;
  let reported = false;
  const set = (element: string, value: string): boolean => {
    if (ok(call(() => api.LMSSetValue(element, value)))) return true;
    console.warn(`The LMS refused ${element} (SCORM error ${String(call(() => api.LMSGetLastError()))}).`);
    return false;
  };
  if (String(call(() => api.LMSGetValue('cmi.core.lesson_status')) ?? '') === 'not attempted') set('cmi.core.lesson_status', 'incomplete');
  return {
    connected: true,
    learnerName() {
      const name = open ? call(() => api.LMSGetValue('cmi.core.student_name')) : undefined;
      return typeof name === 'string' && name !== '' ? name.slice(0, SCORM12_LIMITS.studentName) : null;
    },
    report(result) {
      if (!open) return false;
      // Each write on its own: one the LMS refuses (a comment too long for it) keeps the others.
      // The score before the status, so an LMS that judges mastery sees the score first.
      const written = [
        set('cmi.core.score.min', String(result.min)),
        set('cmi.core.score.max', String(result.max)),
        set('cmi.core.score.raw', String(result.raw)),
        set('cmi.core.lesson_status', result.status),
        set('cmi.comments', result.summary),
        result.code === null || set('cmi.suspend_data', result.code),
      ];
      reported = true;
      return ok(call(() => api.LMSCommit(''))) && written.every(Boolean);
    },
    finish() {
      if (!open) return;
      set('cmi.core.session_time', scormTimespan(now() - started));
      // Unfinished: the LMS keeps the attempt open (the game resumes from this browser's save).
      set('cmi.core.exit', reported ? '' : 'suspend');
      call(() => api.LMSCommit(''));
      call(() => api.LMSFinish(''));
      open = false;
    },
  };
}

/** What the reporting reads of the session: its bus's phase changes. */
export type ReportedSession = Pick<GameSession, 'bus'>;

/**
 * Reports to `lms` every game that finishes in `session` (the step into the final results; a
 * finished game continued from a save is not reported again), when it is a game of one of the
 * `packaged` scenarios (the same content: a scenario file the trainee opens is not the course).
 */
export function reportFinishedGames(session: ReportedSession, lms: Lms, packaged: readonly Scenario[]): () => void {
  if (!lms.connected) return () => undefined;
  const hashes = new Set(packaged.map((s) => scenarioHash(s)));
  return session.bus.on('phase', ({ phase, snapshot }) => {
    if (phase !== 'finished') return;
    const { scenario, game, steps } = snapshot.context;
    if (!game.finished || !hashes.has(scenarioHash(scenario))) return;
    lms.report(lmsResult(scenario, game, steps, lms.learnerName()));
  });
}

/** The package's start: finds the LMS from `win`, reports finished games, and finishes on pagehide. */
export function startLms(win: Window, session: ReportedSession, packaged: readonly Scenario[]): Lms {
  const lms = connectLms(findScorm12Api(win as unknown as FrameLike));
  if (!lms.connected) return lms;
  reportFinishedGames(session, lms, packaged);
  win.addEventListener('pagehide', () => lms.finish());
  return lms;
}
