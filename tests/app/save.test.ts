// The slot store on its own: one key per game (scenario, seed, way of playing), envelopes checked
// before use, a value that cannot be used set aside under a numbered key, and the version-2 save
// (one game under one key) moved into its slot.
import { describe, expect, it } from 'vitest';
import {
  LEGACY_SAVE_VERSION,
  REJECTED_KEY_PREFIX,
  SAVE_FORMAT,
  SAVE_KEY,
  SAVE_VERSION,
  migrateLegacySave,
  readSlot,
  setAside,
  slotKey,
  slotKeys,
  slotOf,
  writeSlot,
  type SlotId,
} from '../../src/app/save';
import type { PlayAs } from '../../src/app/play-as';
import { savedGameRows } from '../../src/app/save-text';
import { MemoryStorage } from './memory-storage';

const group = (mode: 'hot-seat' | 'join', name: string): PlayAs => ({ mode, group: name, scenarioId: 'two-hats', seed: 7, heatCode: null, ghost: null });
const envelope = (slot: SlotId) => ({
  slot,
  summary: { scenarioTitle: 'Two Hats', quarter: 2, quarters: 10, finished: false },
  savedAt: 5,
  playAs: null,
  snapshot: { status: 'active', value: { quarter: 'planning' }, context: { scenario: { id: slot.scenarioId }, game: { seed: slot.seed } } } as never,
});

describe('the save slots', () => {
  it('gives every scenario, seed and way of playing a key of its own', () => {
    const slots = [
      slotOf('two-hats', 7, null),
      slotOf('two-hats', 8, null),
      slotOf('solo-founder', 7, null),
      slotOf('two-hats', 7, group('hot-seat', 'Group A')),
      slotOf('two-hats', 7, group('hot-seat', 'Group B')),
      slotOf('two-hats', 7, group('join', 'Group A')),
      slotOf('two-hats', 7, { mode: 'solo', group: null, scenarioId: 'two-hats', seed: 7, heatCode: 'X', ghost: { group: 'Group A', code: 'MSR1' } }),
    ];
    const keys = slots.map(slotKey);
    expect(new Set(keys).size).toBe(slots.length);
    // A solo play with no ghost is the same slot as no play at all.
    expect(slotKey(slotOf('two-hats', 7, { mode: 'solo', group: null, scenarioId: 'two-hats', seed: 7, heatCode: null, ghost: null }))).toBe(keys[0]);
    // A group name with dots and spaces cannot run into another slot's key.
    expect(slotKey(slotOf('two-hats', 7, group('hot-seat', 'A.7 b')))).toBe('marketing-and-sales.slot.hot-seat.two-hats.7.A.7%20b');
  });

  it('writes and reads a slot under its key, and lists the slots only', () => {
    const storage = new MemoryStorage();
    storage.setItem('marketing-and-sales.workshop', '{}');
    const slot = slotOf('two-hats', 7, null);
    expect(writeSlot(storage, envelope(slot))).toBe(true);
    expect(slotKeys(storage)).toEqual([slotKey(slot)]);
    const read = readSlot(storage, slotKey(slot));
    expect(read).toMatchObject({ status: 'ok', envelope: { format: SAVE_FORMAT, version: SAVE_VERSION, slot, savedAt: 5 } });
    expect(readSlot(storage, slotKey(slotOf('two-hats', 8, null)))).toEqual({ status: 'none' });
    storage.full = true;
    expect(writeSlot(storage, envelope(slotOf('two-hats', 9, null)))).toBe(false);
  });

  it.for([
    ['not JSON', '{"format"', /not readable JSON/],
    ['another format', JSON.stringify({ format: 'something-else' }), /not in a format this version knows/],
    ['another version', JSON.stringify({ ...envelope(slotOf('two-hats', 7, null)), format: SAVE_FORMAT, version: 99 }), /save format 99, this game reads 2 and 3/],
    ['no snapshot', JSON.stringify({ ...envelope(slotOf('two-hats', 7, null)), format: SAVE_FORMAT, version: SAVE_VERSION, snapshot: null }), /incomplete/],
    ['another game’s slot', JSON.stringify({ ...envelope(slotOf('two-hats', 8, null)), format: SAVE_FORMAT, version: SAVE_VERSION }), /another game’s name/],
    ['a damaged group', JSON.stringify({ ...envelope(slotOf('two-hats', 7, null)), format: SAVE_FORMAT, version: SAVE_VERSION, playAs: { mode: 'party' } }), /group is damaged/],
  ] as const)('refuses a slot holding %s, with the reason', ([, text, reason]) => {
    const storage = new MemoryStorage();
    const key = slotKey(slotOf('two-hats', 7, null));
    storage.setItem(key, text);
    const read = readSlot(storage, key);
    expect(read.status).toBe('bad');
    expect(read.status === 'bad' && read.reason).toMatch(reason);
  });

  it('sets a value aside under the next free numbered key, and leaves it in place when the storage is full', () => {
    const storage = new MemoryStorage();
    storage.setItem(`${REJECTED_KEY_PREFIX}1`, 'older');
    storage.setItem('k', 'bad');
    expect(setAside(storage, 'k')).toBe(`${REJECTED_KEY_PREFIX}2`);
    expect(storage.getItem(`${REJECTED_KEY_PREFIX}2`)).toBe('bad');
    expect(storage.getItem('k')).toBeNull();
    storage.setItem('k', 'bad again');
    storage.full = true;
    expect(setAside(storage, 'k')).toBeNull();
    expect(storage.getItem('k')).toBe('bad again');
    expect(setAside(storage, 'nothing here')).toBeNull();
  });

  describe('the version-2 save', () => {
    const legacy = (seed = 7) =>
      JSON.stringify({
        format: SAVE_FORMAT,
        version: LEGACY_SAVE_VERSION,
        summary: { scenarioTitle: 'Two Hats', quarter: 3, quarters: 10 },
        snapshot: { status: 'active', value: 'briefing', context: { scenario: { id: 'two-hats', title: 'Two Hats', quarters: 10 }, game: { seed, quarter: 3, finished: false } } },
      });

    it('is moved into its slot with its snapshot unchanged; the old key goes only after', () => {
      const storage = new MemoryStorage();
      storage.setItem(SAVE_KEY, legacy());
      const key = slotKey(slotOf('two-hats', 7, null));
      expect(migrateLegacySave(storage, 42)).toEqual({ status: 'moved', key });
      expect(storage.getItem(SAVE_KEY)).toBeNull();
      const read = readSlot(storage, key);
      expect(read).toMatchObject({ status: 'ok', envelope: { savedAt: 42, summary: { quarter: 3, quarters: 10, scenarioTitle: 'Two Hats', finished: false } } });
      expect(read.status === 'ok' && read.envelope.snapshot).toStrictEqual(JSON.parse(legacy()).snapshot);
      expect(migrateLegacySave(storage)).toEqual({ status: 'none' });
    });

    it('takes its group from the play-as key when it is the same game', () => {
      const storage = new MemoryStorage();
      storage.setItem(SAVE_KEY, legacy());
      storage.setItem('marketing-and-sales.play-as', JSON.stringify(group('join', 'The Closers')));
      const moved = migrateLegacySave(storage);
      expect(moved).toEqual({ status: 'moved', key: slotKey(slotOf('two-hats', 7, group('join', 'The Closers'))) });
      // A play-as of another game is not taken.
      const other = new MemoryStorage();
      other.setItem(SAVE_KEY, legacy(8));
      other.setItem('marketing-and-sales.play-as', JSON.stringify(group('join', 'The Closers')));
      expect(migrateLegacySave(other)).toEqual({ status: 'moved', key: slotKey(slotOf('two-hats', 8, null)) });
    });

    it('is set aside, with the reason, when it cannot be used or its slot is taken by a newer save', () => {
      const storage = new MemoryStorage();
      storage.setItem(SAVE_KEY, JSON.stringify({ format: SAVE_FORMAT, version: 1, summary: { quarter: 2 }, snapshot: {} }));
      expect(migrateLegacySave(storage)).toEqual({ status: 'bad', reason: expect.stringMatching(/save format 1/), keptUnder: `${REJECTED_KEY_PREFIX}1` });
      storage.setItem(SAVE_KEY, legacy());
      writeSlot(storage, envelope(slotOf('two-hats', 7, null)));
      expect(migrateLegacySave(storage)).toEqual({ status: 'bad', reason: 'a newer save of the same game is already there', keptUnder: `${REJECTED_KEY_PREFIX}2` });
      expect(storage.getItem(`${REJECTED_KEY_PREFIX}2`)).toBe(legacy());
    });

    it('stays under its key when its slot cannot be written', () => {
      const storage = new MemoryStorage();
      storage.setItem(SAVE_KEY, legacy());
      storage.full = true;
      expect(migrateLegacySave(storage)).toEqual({ status: 'kept' });
      expect(storage.getItem(SAVE_KEY)).toBe(legacy());
    });
  });

  it('words each saved game for the title’s list: where it is, its seed and how it is played', () => {
    const game = (slot: SlotId, quarter: number, finished = false) => ({ key: slotKey(slot), slot, title: 'Two Hats, One Firm', quarter, quarters: 10, finished, savedAt: 0 });
    const rows = savedGameRows([
      game(slotOf('two-hats', 7, group('hot-seat', 'Group A')), 4),
      game(slotOf('two-hats', 8, null), 10, true),
      game(slotOf('two-hats', 7, group('join', 'The Closers')), 1),
      game(slotOf('two-hats', 7, { mode: 'solo', group: null, scenarioId: 'two-hats', seed: 7, heatCode: null, ghost: { group: 'Group B', code: 'x' } }), 2),
    ]);
    expect(rows.map((r) => [r.detail, r.continueName])).toEqual([
      ['Quarter 4 of 10 · seed 7 · hot-seat workshop, Group A', 'Continue: Two Hats, One Firm, quarter 4 of 10, seed 7, hot-seat workshop, Group A'],
      ['Final results · seed 8 · played alone', 'Continue: Two Hats, One Firm, final results, seed 8, played alone'],
      ['Quarter 1 of 10 · seed 7 · workshop heat, as The Closers', 'Continue: Two Hats, One Firm, quarter 1 of 10, seed 7, workshop heat, as The Closers'],
      ['Quarter 2 of 10 · seed 7 · against Group B’s decisions', 'Continue: Two Hats, One Firm, quarter 2 of 10, seed 7, against Group B’s decisions'],
    ]);
    expect(rows[1]!.confirmQuestion).toBe('Delete this game for good? Two Hats, One Firm, final results, cannot be continued afterwards.');
    expect(new Set(rows.flatMap((r) => [r.deleteName, r.confirmName, r.keepName])).size).toBe(12);
  });
});
