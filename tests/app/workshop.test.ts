// The workshop kept in localStorage: a round trip, a damaged or foreign value set aside with a
// message (never a crash), group-name checks, the hot-seat queue and the play-as record.
import { describe, expect, it } from 'vitest';
import { readPlayAs, writePlayAs, PLAY_AS_KEY } from '../../src/app/play-as';
import {
  REJECTED_WORKSHOP_PREFIX,
  WORKSHOP_KEY,
  createWorkshop,
  groupProblems,
  groupsStillToPlay,
  randomSeed,
  readWorkshop,
  splitCodes,
  withCodes,
  writeWorkshop,
  type Workshop,
} from '../../src/app/workshop';
import { MAX_CODE_CHARS, MAX_SEED, decodeHeatCode, makeHeatCode } from '../../src/scoreboard/index';
import { botCode, scenario } from '../scoreboard/support';
import { MemoryStorage } from './memory-storage';

function workshop(groups = ['Group A', 'Group B']): Workshop {
  const made = createWorkshop(scenario, 7, groups);
  if (!made.ok) throw new Error('workshop not made');
  return made.workshop;
}

describe('the workshop in localStorage', () => {
  it('round-trips: what is written is read back, heat code and all', () => {
    const storage = new MemoryStorage();
    expect(readWorkshop(storage)).toEqual({ status: 'none' });
    const w = withCodes({ ...workshop(), groupsMaySeeBoard: true }, [botCode('balanced', 'Group A', 7)]);
    expect(writeWorkshop(storage, w)).toBe(true);
    const read = readWorkshop(storage);
    expect(read).toEqual({ status: 'ok', workshop: w });
    expect(w.heatCode).toBe(makeHeatCode(scenario, 7));
    expect(decodeHeatCode(w.heatCode).seed).toBe(7);
  });

  it.each([
    ['not JSON', '{"format": "marketing-and-sales-workshop", ', /not readable JSON/],
    ['another format', JSON.stringify({ hello: 'world' }), /not in a format this version knows/],
    ['another version', JSON.stringify({ ...workshop(), version: 99 }), /another version of the game \(workshop format 99/],
    ['a bad group name', JSON.stringify({ ...workshop(), groups: ['  padded  '] }), /damaged: a group name cannot start or end with spaces \(field groups\.0\)/],
    ['a seed out of range', JSON.stringify({ ...workshop(), seed: -1 }), /damaged.*field seed/],
    ['a plain number', '42', /not in a format/],
    ['null', 'null', /not in a format/],
  ])('sets aside a value that is %s, with a clear message, and starts afresh', (_what, text, message) => {
    const storage = new MemoryStorage();
    storage.setItem(`${REJECTED_WORKSHOP_PREFIX}1`, 'an older one');
    storage.setItem(WORKSHOP_KEY, text);
    const read = readWorkshop(storage);
    expect(read.status).toBe('rejected');
    if (read.status !== 'rejected') return;
    expect(read.message).toMatch(message);
    expect(read.message).toContain(`${REJECTED_WORKSHOP_PREFIX}2`);
    expect(read.keptUnder).toBe(`${REJECTED_WORKSHOP_PREFIX}2`);
    expect(storage.getItem(`${REJECTED_WORKSHOP_PREFIX}2`)).toBe(text);
    expect(storage.getItem(WORKSHOP_KEY)).toBeNull();
    expect(readWorkshop(storage)).toEqual({ status: 'none' });
  });

  it('keeps a damaged value in place when it cannot be copied aside (storage full)', () => {
    const storage = new MemoryStorage();
    storage.setItem(WORKSHOP_KEY, 'garbage');
    storage.full = true;
    const read = readWorkshop(storage);
    expect(read).toMatchObject({ status: 'rejected', keptUnder: null });
    expect(storage.getItem(WORKSHOP_KEY)).toBe('garbage');
    expect(writeWorkshop(storage, workshop())).toBe(false);
  });

  it('checks group names: the result code’s rules, and no two groups alike', () => {
    expect(groupProblems(['Group A', ' group a', 'group   a', '', 'x'.repeat(61), 'Group B'])).toEqual([
      null,
      'a group name cannot start or end with spaces',
      'the same name as group 1; every group needs its own name',
      'a group name cannot be empty',
      'a group name may be at most 60 characters',
      null,
    ]);
    const made = createWorkshop(scenario, 7, ['Team', 'team']);
    expect(made.ok).toBe(false);
    expect(createWorkshop(scenario, -3, ['A']).ok).toBe(false);
    expect(createWorkshop(scenario, 1, []).ok).toBe(false);
  });

  it('queues the groups still to play for hot-seat, by the names in the collected codes', () => {
    let w = workshop(['Group A', 'Group B', 'Group C']);
    expect(groupsStillToPlay(w)).toEqual(['Group A', 'Group B', 'Group C']);
    w = withCodes(w, [botCode('balanced', 'Group B', 7), 'garbage', botCode('balanced', 'Group B', 7)]);
    expect(w.codes).toHaveLength(2); // the same code twice is kept once
    // A line longer than any result code is not stored at all, not stored cut short.
    expect(withCodes(w, ['X'.repeat(MAX_CODE_CHARS + 1)]).codes).toEqual(w.codes);
    expect(withCodes(w, ['X'.repeat(MAX_CODE_CHARS)]).codes).toHaveLength(3);
    expect(groupsStillToPlay(w)).toEqual(['Group A', 'Group C']);
  });

  it('splits pasted text into codes and draws seeds in range', () => {
    expect(splitCodes(' MSR1-AAA \r\n\n  MSR1-BBB\rX ')).toEqual(['MSR1-AAA', 'MSR1-BBB', 'X']);
    expect(randomSeed(() => 0)).toBe(0);
    expect(randomSeed(() => 0.999999999999)).toBe(MAX_SEED);
  });

  it('remembers how a game is played, for the game of that scenario and seed only', () => {
    const storage = new MemoryStorage();
    const playAs = { mode: 'hot-seat' as const, group: 'Group A', scenarioId: scenario.id, seed: 7, heatCode: makeHeatCode(scenario, 7), ghost: null };
    writePlayAs(storage, playAs);
    expect(readPlayAs(storage, scenario.id, 7)).toEqual(playAs);
    expect(readPlayAs(storage, scenario.id, 8)).toBeNull();
    storage.setItem(PLAY_AS_KEY, '{broken');
    expect(readPlayAs(storage, scenario.id, 7)).toBeNull();
    writePlayAs(storage, null);
    expect(storage.getItem(PLAY_AS_KEY)).toBeNull();
  });
});
