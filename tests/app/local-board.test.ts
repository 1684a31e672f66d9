// The local scoreboard for solo play: verified by replaying like the instructor's board, so a
// forged score in the browser's storage is rejected; kept per scenario version and seed.
import { describe, expect, it } from 'vitest';
import { LOCAL_BOARD_KEY, REJECTED_LOCAL_BOARD_PREFIX, addToLocalBoard, boardKey, localBoard, soloGameName } from '../../src/app/local-board';
import { finishedGameCode } from '../../src/app/results';
import { decodeResultCode, encodeResultCode } from '../../src/scoreboard/index';
import { playBot, BOTS } from '../../src/sim/index';
import { botCode, scenario } from '../scoreboard/support';
import { MemoryStorage } from './memory-storage';

describe('the local scoreboard', () => {
  it('adds finished games, verified and ranked, per scenario and seed', () => {
    const storage = new MemoryStorage();
    const a = botCode('balanced', 'Game 1', 7);
    const b = botCode('all-sales', 'Game 2', 7);
    addToLocalBoard(storage, scenario, 7, a);
    addToLocalBoard(storage, scenario, 7, a); // the same game twice counts once
    const { board, problem } = addToLocalBoard(storage, scenario, 7, b);
    expect(problem).toBeNull();
    expect(board.entries.map((e) => e.group).sort()).toEqual(['Game 1', 'Game 2']);
    expect(board.entries[0]!.score).toBeGreaterThanOrEqual(board.entries[1]!.score);
    expect(board.rejected).toEqual([]);
    // Another seed has its own board.
    expect(localBoard(storage, scenario, 8).board.entries).toEqual([]);
    expect(soloGameName(storage, scenario, 7, new Date(2026, 10, 26, 16, 40))).toMatch(/^Game 3 · 26 Nov 16:40$/);
  });

  it('rejects a forged score typed into storage, and keeps the honest games', () => {
    const storage = new MemoryStorage();
    const honest = botCode('balanced', 'Game 1', 7);
    const payload = decodeResultCode(botCode('all-marketing', 'Game 2', 7));
    const forged = encodeResultCode({ ...payload, claimedScore: payload.claimedScore + 50 });
    storage.setItem(LOCAL_BOARD_KEY, JSON.stringify({ format: 'marketing-and-sales-local-board', version: 1, boards: { [boardKey(scenario, 7)]: [honest, forged] } }));
    const { board } = localBoard(storage, scenario, 7);
    expect(board.entries.map((e) => e.group)).toEqual(['Game 1']);
    expect(board.rejected).toHaveLength(1);
    expect(board.rejected[0]).toMatchObject({ reason: 'score-mismatch', group: 'Game 2' });
    expect(board.rejected[0]!.message).toMatch(/claims a score of/);
  });

  it('sets a damaged store aside and starts afresh', () => {
    const storage = new MemoryStorage();
    storage.setItem(LOCAL_BOARD_KEY, '[1, 2');
    const { board, problem } = localBoard(storage, scenario, 7);
    expect(board.entries).toEqual([]);
    expect(problem).toMatch(/damaged and starts afresh.*rejected-local-board\.1/);
    expect(storage.getItem(`${REJECTED_LOCAL_BOARD_PREFIX}1`)).toBe('[1, 2');
    expect(storage.getItem(LOCAL_BOARD_KEY)).toBeNull();
  });

  it('makes a finished game’s code that verifies to the game’s own score', () => {
    const played = playBot(scenario, 7, BOTS.find((b) => b.name === 'balanced')!);
    const code = finishedGameCode(scenario, played.state, played.steps, 'Team A');
    const storage = new MemoryStorage();
    const { board } = addToLocalBoard(storage, scenario, 7, code);
    expect(board.entries[0]!.score).toBe(played.state.history.at(-1)!.score.total);
  });
});
