// The LMS adapter (src/app/lms.ts) against scorm-again's SCORM 1.2 runtime, the LMS side an LMS
// would give the page: the API search through parents and the opener (and past a window of
// another origin), the score scaled against par, what a finished game writes (status, score,
// summary, result code) within SCORM 1.2's limits, the session's finish, and a page with no LMS,
// where nothing is called and nothing fails.
import fc from 'fast-check';
import { Scorm12API } from 'scorm-again';
import { describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_LEARNER,
  LMS_MASTERY_SCORE,
  SCORM12_LIMITS,
  connectLms,
  findScorm12Api,
  learnerGroup,
  lmsResult,
  lmsScore,
  reportFinishedGames,
  scormTimespan,
  type FrameLike,
  type Scorm12Api,
} from '../../src/app/lms';
import { GameSession } from '../../src/app/session';
import { verifyResultCode } from '../../src/scoreboard/index';
import { botNamed, playBot, type Scenario } from '../../src/sim/index';
import { eventsFor } from '../flow/support';
import { loadShipped } from '../support/scenarios';
import { MemoryStorage } from './memory-storage';

const twoHats = loadShipped('two-hats');

/** scorm-again's runtime as an LMS sets it up, with every call recorded. */
function lmsRuntime(data: { name?: string; mastery?: string } = {}) {
  const runtime = new Scorm12API({ logLevel: 5, mastery_override: false, autocommit: false });
  runtime.loadFromJSON({ core: { student_name: data.name ?? 'Lopez, Ana' }, student_data: { mastery_score: data.mastery ?? String(LMS_MASTERY_SCORE) } });
  const calls: string[] = [];
  const api: Scorm12Api = {
    LMSInitialize: (p) => (calls.push('LMSInitialize'), runtime.LMSInitialize(p)),
    LMSFinish: (p) => (calls.push('LMSFinish'), runtime.LMSFinish(p)),
    LMSGetValue: (e) => runtime.LMSGetValue(e),
    LMSSetValue: (e, v) => (calls.push(`set ${e}`), runtime.LMSSetValue(e, v)),
    LMSCommit: (p) => (calls.push('LMSCommit'), runtime.LMSCommit(p)),
    LMSGetLastError: () => runtime.LMSGetLastError(),
  };
  return { runtime, api, calls };
}

const finishedGame = (scenario: Scenario, seed: number, bot = 'balanced') => playBot(scenario, seed, botNamed(bot)!);

describe('the score the LMS records', () => {
  it('maps 0 to 0, half par to 40, par to the mastery score 80, one and a half par to 90 and twice par or more to 100', () => {
    expect(LMS_MASTERY_SCORE).toBe(80);
    expect([-20, 0, 40, 80, 120, 160, 200].map((total) => lmsScore(total, 80))).toEqual([0, 0, 40, 80, 90, 100, 100]);
    expect([45, 90, 135, 180].map((total) => lmsScore(total, 90))).toEqual([40, 80, 90, 100]);
    // One decimal, floored: a hundredth below par never reads as the pass mark.
    expect(lmsScore(79.99, 80)).toBe(79.9);
    expect(lmsScore(89.99, 90)).toBe(79.9);
    expect(lmsScore(80.01, 80)).toBe(80);
    // A par of 0 (the schema allows it): every score from 0 passes, 100 points above it make 100.
    expect([-1, 0, 50, 100, 150].map((total) => lmsScore(total, 0))).toEqual([0, 80, 90, 100, 100]);
  });

  it('reaches the mastery score exactly when the game reaches par, stays within 0–100 and never falls as the score rises', () => {
    const points = fc.integer({ min: -10_000, max: 20_000 }).map((n) => n / 100);
    fc.assert(
      fc.property(points, points, fc.integer({ min: 0, max: 20_000 }).map((n) => n / 100), (a, b, par) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(lmsScore(low, par) >= LMS_MASTERY_SCORE).toBe(low >= par);
        expect(lmsScore(low, par)).toBeGreaterThanOrEqual(0);
        expect(lmsScore(high, par)).toBeLessThanOrEqual(100);
        expect(lmsScore(low, par)).toBeLessThanOrEqual(lmsScore(high, par));
        expect(Math.round(lmsScore(low, par) * 10) / 10).toBe(lmsScore(low, par));
      }),
    );
  });

  it('writes session time as SCORM 1.2’s CMITimespan', () => {
    expect(scormTimespan(0)).toBe('00:00:00.00');
    expect(scormTimespan(3_723_450)).toBe('01:02:03.45');
    expect(scormTimespan(25 * 3600_000 + 59_990)).toBe('25:00:59.99');
    expect(scormTimespan(12_345 * 3600_000)).toBe('9999:00:00.00');
  });
});

describe('finding the LMS’s API', () => {
  const api = () => lmsRuntime().api;

  it('finds API on the window itself, on a parent some frames up, or on the opener’s frames', () => {
    const own = api();
    expect(findScorm12Api({ API: own })).toBe(own);
    const top: FrameLike = { API: api() };
    top.parent = top;
    const middle: FrameLike = { parent: top };
    expect(findScorm12Api({ parent: { parent: middle } })).toBe(top.API);
    const opener: FrameLike = { parent: { API: own } };
    const popup: FrameLike = { opener };
    popup.parent = popup;
    expect(findScorm12Api(popup)).toBe(own);
  });

  it('gives null, without throwing, when no window has it, when a parent belongs to another origin, or when API is not a SCORM 1.2 API', () => {
    const alone: FrameLike = {};
    alone.parent = alone;
    expect(findScorm12Api(alone)).toBeNull();
    const foreign = Object.defineProperty({}, 'API', {
      get() {
        throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
      },
    }) as FrameLike;
    expect(findScorm12Api({ parent: foreign })).toBeNull();
    expect(findScorm12Api({ API: { LMSInitialize: () => 'true' }, parent: null })).toBeNull();
    // A chain of parents that never ends is given up on.
    const endless = (): FrameLike => ({
      get parent() {
        return endless();
      },
    });
    expect(findScorm12Api(endless())).toBeNull();
  });
});

describe('the LMS session', () => {
  it('with no LMS is a no-op: not connected, nothing reported, finish does nothing', () => {
    const lms = connectLms(null);
    expect(lms.connected).toBe(false);
    expect(lms.learnerName()).toBeNull();
    const played = finishedGame(twoHats, 1);
    expect(lms.report(lmsResult(twoHats, played.state, played.steps, null))).toBe(false);
    expect(() => lms.finish()).not.toThrow();
  });

  it('opens with LMSInitialize and marks an attempt not started yet as incomplete; an LMS that refuses to initialise is no LMS', () => {
    const { runtime, api, calls } = lmsRuntime();
    const lms = connectLms(api);
    expect(lms.connected).toBe(true);
    expect(calls[0]).toBe('LMSInitialize');
    expect(runtime.LMSGetValue('cmi.core.lesson_status')).toBe('incomplete');
    expect(lms.learnerName()).toBe('Lopez, Ana');
    const refusing = { ...lmsRuntime().api, LMSInitialize: () => 'false' };
    expect(connectLms(refusing).connected).toBe(false);
    const throwing = { ...lmsRuntime().api, LMSInitialize: () => { throw new Error('broken LMS'); } };
    expect(connectLms(throwing).connected).toBe(false);
  });

  it('reports a finished game: passed or failed against par, the scaled score 0–100, the summary and a result code that verifies; then commits', () => {
    // Seeds of the balanced bot above and below par (two-hats: 81.9 on average against par 80).
    const games = [1, 2, 3, 4, 5, 6].map((seed) => finishedGame(twoHats, seed));
    const total = (g: (typeof games)[number]) => g.state.history.at(-1)!.score.total;
    const above = games.find((g) => total(g) >= twoHats.scoring.par)!;
    const below = games.find((g) => total(g) < twoHats.scoring.par)!;
    for (const played of [above, below]) {
      const { runtime, api, calls } = lmsRuntime();
      const lms = connectLms(api);
      const result = lmsResult(twoHats, played.state, played.steps, lms.learnerName());
      expect(lms.report(result)).toBe(true);
      expect(calls.at(-1)).toBe('LMSCommit');
      const passed = total(played) >= twoHats.scoring.par;
      expect(runtime.LMSGetValue('cmi.core.lesson_status')).toBe(passed ? 'passed' : 'failed');
      expect(Number(runtime.LMSGetValue('cmi.core.score.raw'))).toBe(lmsScore(total(played), twoHats.scoring.par));
      expect(Number(runtime.LMSGetValue('cmi.core.score.raw')) >= LMS_MASTERY_SCORE).toBe(passed);
      expect([runtime.LMSGetValue('cmi.core.score.min'), runtime.LMSGetValue('cmi.core.score.max')]).toEqual(['0', '100']);
      const comments = runtime.LMSGetValue('cmi.comments');
      expect(comments).toBe(result.summary);
      expect(comments).toContain(`${twoHats.title}, seed ${played.state.seed}:`);
      expect(comments).toContain(`par ${twoHats.scoring.par}`);
      expect(comments).toContain(`LMS score ${lmsScore(total(played), twoHats.scoring.par).toFixed(1)} of 100`);
      expect(comments.endsWith(` Result code (npm run verify-results replays it): ${runtime.LMSGetValue('cmi.suspend_data')}`)).toBe(true);
      const code = runtime.LMSGetValue('cmi.suspend_data');
      const verified = verifyResultCode(code, twoHats);
      expect(verified.ok && verified.group).toBe('Lopez, Ana');
      expect(verified.ok && verified.score).toBe(total(played));
    }
  });

  it('keeps every write within SCORM 1.2’s limits, for every shipped scenario and bot', () => {
    for (const id of ['two-hats', 'solo-founder', 'divisions']) {
      const scenario = loadShipped(id);
      for (const bot of ['balanced', 'adaptive', 'all-sales']) {
        const played = finishedGame(scenario, 3, bot);
        const result = lmsResult(scenario, played.state, played.steps, 'Lopez, Ana');
        expect(result.summary.length).toBeGreaterThan(100);
        expect(result.summary.length).toBeLessThanOrEqual(SCORM12_LIMITS.comments);
        // One line, as the strictest LMS patterns for CMIString4096 ('^.{0,4096}$') want it.
        expect(result.summary).toMatch(/^.{0,4096}$/);
        expect(result.code!.length).toBeLessThanOrEqual(SCORM12_LIMITS.suspendData);
        expect(result.raw).toBeGreaterThanOrEqual(0);
        expect(result.raw).toBeLessThanOrEqual(100);
      }
    }
  });

  it('puts the learner’s name in the result code when it makes a group name, "Trainee" when not', () => {
    expect(learnerGroup('Lopez, Ana')).toBe('Lopez, Ana');
    expect(learnerGroup(null)).toBe(DEFAULT_LEARNER);
    expect(learnerGroup('   ')).toBe(DEFAULT_LEARNER);
    expect(learnerGroup('x'.repeat(200))).toBe(DEFAULT_LEARNER);
  });

  it('finishes once: session time, exit (suspend before any game finished), LMSCommit, LMSFinish; nothing after', () => {
    let now = 1_000;
    const { runtime, api, calls } = lmsRuntime();
    const lms = connectLms(api, () => now);
    now += 754_250;
    lms.finish();
    expect(calls.slice(-4)).toEqual(['set cmi.core.session_time', 'set cmi.core.exit', 'LMSCommit', 'LMSFinish']);
    // The LMS's record of the session, as scorm-again would send it on (session_time is write-only).
    const record = JSON.stringify(runtime.renderCommitCMI(true));
    expect(record).toContain('"session_time":"00:12:34.25"');
    expect(record).toContain('"exit":"suspend"');
    const before = calls.length;
    lms.finish();
    const played = finishedGame(twoHats, 1);
    expect(lms.report(lmsResult(twoHats, played.state, played.steps, null))).toBe(false);
    expect(calls.length).toBe(before);
  });

  it('says so on the console, and goes on, when the LMS refuses a value', () => {
    const { api } = lmsRuntime();
    const refusing = { ...api, LMSSetValue: (e: string, v: string) => (e === 'cmi.comments' ? 'false' : api.LMSSetValue(e, v)) };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const lms = connectLms(refusing);
    const played = finishedGame(twoHats, 1);
    expect(lms.report(lmsResult(twoHats, played.state, played.steps, null))).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('cmi.comments'));
    warn.mockRestore();
  });
});

describe('reporting the session’s finished games', () => {
  const played = finishedGame(twoHats, 1);

  async function playThrough(session: GameSession, scenario: Scenario) {
    expect(await session.newGame(scenario, 1)).toEqual({ ok: true });
    for (const event of eventsFor(played.steps)) session.bus.emit('flow', event);
  }

  it('reports a game of a packaged scenario once, as it steps into the final results', async () => {
    const session = new GameSession(new MemoryStorage());
    const { runtime, api, calls } = lmsRuntime();
    const lms = connectLms(api);
    reportFinishedGames(session, lms, [twoHats]);
    await playThrough(session, twoHats);
    expect(calls.filter((c) => c === 'LMSCommit')).toHaveLength(1);
    const total = played.state.history.at(-1)!.score.total;
    expect(Number(runtime.LMSGetValue('cmi.core.score.raw'))).toBe(lmsScore(total, twoHats.scoring.par));
    // Continuing the finished game from its save reports nothing more.
    const key = session.currentSlot()!;
    session.stop();
    expect(await session.continueGame(key)).toEqual({ ok: true });
    expect(calls.filter((c) => c === 'LMSCommit')).toHaveLength(1);
  });

  it('does not report a game of another scenario (a file the trainee opened), nor anything without an LMS', async () => {
    const session = new GameSession(new MemoryStorage());
    const { api, calls } = lmsRuntime();
    reportFinishedGames(session, connectLms(api), [loadShipped('divisions')]);
    await playThrough(session, twoHats);
    expect(calls.filter((c) => c === 'LMSCommit')).toHaveLength(0);
    const alone = new GameSession(new MemoryStorage());
    const before = alone.bus.listenerCount();
    reportFinishedGames(alone, connectLms(null), [twoHats]);
    expect(alone.bus.listenerCount()).toBe(before);
  });
});
