// The scoreboard's view-model: opening the board (no workshop, an unknown scenario, a heat code
// from another version of the scenario), a board the browser refused to store kept in memory,
// the one-time notice, the luck report kept per board content, the instructor's rows and the
// projector's reveal from last place to first.
import { describe, expect, it } from 'vitest';
import {
  LUCK_RUNNING,
  addedCodes,
  boardView,
  luckFor,
  openBoard,
  projectorView,
  rememberLuck,
  revealAnnouncement,
  revealMore,
  saveWorkshop,
  setBoardNotice,
  takeBoardNotice,
} from '../../src/app/scoreboard-view';
import type { Catalogue } from '../../src/app/scenarios';
import { WORKSHOP_KEY, createWorkshop, withCodes, writeWorkshop, type Workshop } from '../../src/app/workshop';
import { LUCK_SEED_COUNT, decodeResultCode, encodeResultCode, makeHeatCode } from '../../src/scoreboard/index';
import type { LuckOrSkill } from '../../src/scoreboard/luck';
import { botCode, scenario } from '../scoreboard/support';
import { MemoryStorage } from './memory-storage';

const catalogue: Catalogue = { scenarios: [{ id: scenario.id, scenario }], archived: [], problems: [] };
const seed = scenario.defaultSeed;

function workshop(codes: string[] = []): Workshop {
  const made = createWorkshop(scenario, seed, ['Group A', 'Group B', 'Group C']);
  if (!made.ok) throw new Error('workshop not made');
  return withCodes(made.workshop, codes);
}

const good = [botCode('balanced', 'Group A', seed), botCode('all-sales', 'Group B', seed), botCode('all-marketing', 'Group C', seed)];

function opened(storage: Storage) {
  const board = openBoard(storage, catalogue);
  if (!board.ok) throw new Error(board.message);
  return board;
}

describe('opening the board', () => {
  it('says there is no workshop yet, or that its scenario is missing', () => {
    const storage = new MemoryStorage();
    expect(openBoard(storage, catalogue)).toEqual({ ok: false, message: expect.stringMatching(/^There is no workshop on this device yet/) });
    writeWorkshop(storage, { ...workshop(), scenarioId: 'elsewhere' });
    expect(openBoard(storage, catalogue)).toEqual({ ok: false, message: 'The workshop’s scenario “elsewhere” is not available here.' });
    storage.setItem(WORKSHOP_KEY, 'not json');
    expect(openBoard(storage, catalogue)).toEqual({ ok: false, message: expect.stringMatching(/not readable JSON/) });
  });

  it('verifies every code against the heat and times it', () => {
    const storage = new MemoryStorage();
    writeWorkshop(storage, workshop([...good, 'garbage']));
    const board = opened(storage);
    expect(board.board.entries).toHaveLength(3);
    expect(board.board.rejected.map((r) => r.label)).toEqual(['code 4']);
    expect(board.verifyMs).toBeGreaterThanOrEqual(0);
  });

  it('checks against the seed alone when the heat code was made for another version of the scenario', () => {
    const storage = new MemoryStorage();
    const older = { ...scenario, version: scenario.version + 1 };
    writeWorkshop(storage, { ...workshop(good), heatCode: makeHeatCode(older, seed) });
    const board = opened(storage);
    expect(board.board.entries.map((e) => e.group).sort()).toEqual(['Group A', 'Group B', 'Group C']);
    expect(board.board.seedSource).toBe('majority');
  });

  it('keeps a board the browser refused to store, for the same heat only, and says so', () => {
    const storage = new MemoryStorage();
    writeWorkshop(storage, workshop());
    storage.full = true;
    saveWorkshop(storage, workshop(good.slice(0, 1)));
    const board = opened(storage);
    expect(board.workshop.codes).toHaveLength(1);
    expect(boardView(scenario, board.workshop, board.board, 0, null).unstored).toBe(true);
    // Once a write succeeds, storage is the board again.
    storage.full = false;
    saveWorkshop(storage, workshop(good));
    const stored = opened(storage);
    expect(stored.workshop.codes).toHaveLength(3);
    expect(boardView(scenario, stored.workshop, stored.board, 0, null).unstored).toBe(false);
  });
});

describe('what outlives a restart', () => {
  it('shows a notice once', () => {
    setBoardNotice('No QR code could be read.');
    expect(takeBoardNotice()).toBe('No QR code could be read.');
    expect(takeBoardNotice()).toBeNull();
  });

  it('keeps the luck report while the codes stay the same', () => {
    const luck = { rows: [], seeds: [1, 2], rule: 'r' } as unknown as LuckOrSkill;
    rememberLuck(workshop(good), luck);
    expect(luckFor(workshop(good))).toBe(luck);
    expect(luckFor(workshop(good.slice(0, 2)))).toBeNull();
  });
});

describe('the instructor’s board', () => {
  it('has a column per score component and a row per verified group, best first', () => {
    const storage = new MemoryStorage();
    writeWorkshop(storage, workshop([...good, 'garbage']));
    const { workshop: w, board, verifyMs } = opened(storage);
    const view = boardView(scenario, w, board, verifyMs, null);
    expect(view.columns).toEqual(['Rank', 'Group', 'Score', 'Profit', 'Revenue', 'Cust. equity', 'Portfolio', 'Collab.', 'Luck or skill', 'Ghost']);
    expect(view.rows.map((r) => r.rank)).toEqual(['1', '2', '3']);
    expect(view.rows[0]!.components).toHaveLength(5);
    expect(view.rows[0]!.luck).toBe('—');
    expect(view.status).toMatch(/^4 codes verified by replaying in \d+ ms: 3 on the board, 1 rejected\.$/);
    expect(view.removeRejected).toBe('Remove the 1 rejected');
    expect(view.rejected[0]).toEqual({ head: 'code 4: ', reason: expect.stringMatching(/\.$/) });
    expect(view.luckButton).toEqual({ label: `Luck or skill: replay on ${LUCK_SEED_COUNT} other seeds`, enabled: true });
    expect(LUCK_RUNNING).toBe(`Replaying every group on ${LUCK_SEED_COUNT} other seeds…`);
    expect(view.luckRule).toBeNull();
  });

  it('words a decision the model refused as the planning screen does, with its quarter', () => {
    // Group A's own code with a first quarter over the budget, re-encoded with a valid checksum.
    const payload = decodeResultCode(good[0]!);
    const [first, ...rest] = payload.steps;
    const [move, ...others] = first!.moves;
    const over = { ...first!, moves: [{ ...move!, points: move!.points + scenario.effortBudget }, ...others] };
    const forged = encodeResultCode({ ...payload, group: 'Group D', steps: [over, ...rest] });
    const storage = new MemoryStorage();
    writeWorkshop(storage, workshop([good[1]!, forged]));
    const { workshop: w, board, verifyMs } = opened(storage);
    const planned = over.moves.reduce((sum, m) => sum + m.points, 0);
    expect(board.rejected[0]).toMatchObject({ reason: 'invalid-decisions', refused: { quarter: 1, refusal: { code: 'over-budget', planned, available: scenario.effortBudget } } });
    expect(boardView(scenario, w, board, verifyMs, null).rejected[0]!.reason).toBe(
      `the decisions do not replay: quarter 1 was refused. Over budget: ${planned} effort points planned, ${scenario.effortBudget} available this quarter.`,
    );
  });

  it('shows the luck report once computed, and closes its button', () => {
    const storage = new MemoryStorage();
    writeWorkshop(storage, workshop(good));
    const { workshop: w, board } = opened(storage);
    const luck = { rows: board.entries.map((e) => ({ position: e.position, mean: 40, sd: 2.5, meanRank: 1, rankHeld: 0.75 })), seeds: [1, 2, 3], rule: 'The rule.' } as unknown as LuckOrSkill;
    const view = boardView(scenario, w, board, 0, luck);
    expect(view.rows[0]!.luck).toBe('40.0 ± 2.5 · rank held 75%');
    expect(view.luckButton).toEqual({ label: 'Luck or skill: computed', enabled: false });
    expect(view.luckRule).toMatch(/^Luck or skill: each group’s decisions on 3 other seeds .* The rule\.$/);
  });

  it('closes the luck button on an empty board and says there are no codes', () => {
    const storage = new MemoryStorage();
    writeWorkshop(storage, workshop());
    const { workshop: w, board } = opened(storage);
    const view = boardView(scenario, w, board, 0, null);
    expect(view.luckButton.enabled).toBe(false);
    expect(view.status).toBe('No codes yet.');
    expect(view.removeRejected).toBeNull();
  });

  it('says how many codes were new and which lines were too long', () => {
    expect(addedCodes(3, 1, 0, 'pasted')).toEqual({ announce: '1 new code pasted; 2 already on the board.', notice: null });
    expect(addedCodes(4, 2, 1, 'from codes.txt')).toEqual({ announce: '2 new codes from codes.txt; 1 already on the board.', notice: expect.stringMatching(/^1 line was too long to be a result code \(over [\d,]+ characters\) and was not added\.$/) });
  });
});

describe('the projector view', () => {
  it('reveals the places from last to first and stops when all are shown', () => {
    const storage = new MemoryStorage();
    writeWorkshop(storage, workshop(good));
    const { board } = opened(storage);
    const hidden = projectorView(scenario, board, 0);
    expect(hidden.rows.map((r) => r.group)).toEqual(['to be revealed', 'to be revealed', 'to be revealed']);
    expect(hidden.done).toBe(false);
    const one = revealMore(board, 0, 1);
    const view = projectorView(scenario, board, one);
    expect(view.rows.map((r) => r.shown)).toEqual([false, false, true]);
    expect(revealAnnouncement(board, one, 1)).toMatch(/^Place 3: Group ., score [\d.]+\.$/);
    const all = revealMore(board, one, 99);
    expect(all).toBe(3);
    expect(projectorView(scenario, board, all).done).toBe(true);
    expect(revealAnnouncement(board, all, 99)).toBe('Every place revealed.');
    expect(view.meta).toBe(`Heat ${board.heatCode} · 3 groups verified by replaying their decisions`);
  });
});
