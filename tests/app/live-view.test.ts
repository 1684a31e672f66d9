// The live workshop's screens in words: the instructor's board says where the workshop stands
// and offers only the actions the server would take; a group's waiting screen says why it waits.
import { describe, expect, it } from 'vitest';
import { liveBoardModel, liveProjectorModel, liveWaitModel } from '../../src/app/live-view';
import type { BoardView, GroupView, Standing, WorkshopInfo } from '../../src/scoreboard/live-wire';

const workshop = (over: Partial<WorkshopInfo> = {}): WorkshopInfo => ({
  id: 'ABCD-EFGH',
  heatCode: '03000-0007F',
  scenarioId: 'two-hats',
  scenarioHash: '0'.repeat(16),
  title: 'Two Hats, One Firm',
  quarters: 10,
  pacing: 'instructor',
  missed: 'carry',
  hold: false,
  round: 3,
  paused: false,
  deadline: null,
  released: 2,
  finished: false,
  listedGroups: [],
  ...over,
});

const standing = (name: string, status: Standing['status'], over: Partial<Standing> = {}): Standing => ({
  rank: 1,
  name,
  played: 2,
  status,
  missed: [],
  score: -3.64,
  customerEquity: 4_685_300,
  totalProfit: 0,
  totalRevenue: 0,
  ...over,
});

const board = (w: WorkshopInfo, groups: Standing[]): BoardView => ({ type: 'board', workshop: w, groups, submitted: groups.filter((g) => g.status === 'submitted').length, codes: [], resultCodes: [] });

describe('the live board in words', () => {
  it('counts the plans in for the open round and offers its close, the rollback of the last and a deadline', () => {
    const m = liveBoardModel(board(workshop(), [standing('Falcons', 'submitted'), standing('Owls', 'planning', { missed: [2] })]));
    expect(m.progress).toBe('Quarter 3 of 10 is open: 1 of 2 groups have a plan in.');
    expect(m).toMatchObject({ round: 3, canClose: true, canRollBack: 2, canRelease: null });
    expect(m.rows.map((r) => [r.name, r.status, r.played, r.missed, r.score, r.customerEquity])).toEqual([
      ['Falcons', 'Plan in', '2 of 10', '—', '−3.6', '$46,853'],
      ['Owls', 'Planning', '2 of 10', '2', '−3.6', '$46,853'],
    ]);
  });

  it('offers no close while paused or before any group has joined, and a release only for held results', () => {
    expect(liveBoardModel(board(workshop({ paused: true }), [standing('Falcons', 'planning')])).canClose).toBe(false);
    const empty = liveBoardModel(board(workshop({ round: 1, released: 0 }), []));
    expect([empty.canClose, empty.progress, empty.canRollBack]).toEqual([false, 'No group has joined yet.', null]);
    expect(liveBoardModel(board(workshop({ hold: true, released: 1 }), [standing('Falcons', 'planning')])).canRelease).toBe(2);
  });

  it('counts down to a deadline', () => {
    const now = Date.parse('2026-12-03T10:00:00Z');
    const m = liveBoardModel(board(workshop({ deadline: '2026-12-03T10:01:05Z' }), [standing('Falcons', 'planning')]), now);
    expect(m.deadline).toBe('1:05 left');
  });
});

describe("a group's waiting screen", () => {
  const view = (w: WorkshopInfo, pending: boolean): GroupView => ({
    type: 'group',
    workshop: w,
    name: 'Falcons',
    seed: 1,
    quarter: 3,
    pending: pending ? { moves: [] } : null,
    steps: [],
    figures: [],
    missed: [],
    finished: false,
    resultCode: null,
  });

  it('says the plan is in and the round is open, or that the results are held', () => {
    expect(liveWaitModel(view(workshop(), true), 3, 'open', null).lines).toEqual(['The workshop server has your plan for quarter 3.', 'The report opens when the instructor closes the round.']);
    expect(liveWaitModel(view(workshop({ round: 4, hold: true }), false), 3, 'open', null).lines).toEqual(['The round has closed. The report opens when the instructor releases the results.']);
    expect(liveWaitModel(view(workshop({ paused: true }), true), 3, 'retrying', null).lines).toContain('The instructor has paused the workshop.');
    expect(liveWaitModel(null, 3, 'connecting', null).lines).toEqual(['Connecting to the workshop server…']);
  });
});

describe('the live projector', () => {
  it('shows nothing before a release, then the released standings, at most twelve', () => {
    const none = liveProjectorModel(board(workshop({ released: 0, round: 2 }), [standing('Falcons', 'planning')]));
    expect([none.heading, none.rows]).toEqual(['Two Hats, One Firm: no results yet', []]);
    const many = Array.from({ length: 15 }, (_, i) => standing(`G${i + 1}`, 'planning', { rank: i + 1 }));
    const shown = liveProjectorModel(board(workshop({ released: 2 }), many));
    expect(shown.heading).toBe('Two Hats, One Firm: standings after quarter 2');
    expect(shown.rows).toHaveLength(12);
    expect(shown.meta).toBe('Join with ABCD-EFGH · 15 groups · the top twelve');
  });
});
