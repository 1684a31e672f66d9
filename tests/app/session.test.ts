// The save slots as the session uses them: a game saved at the dispute resumes at the same
// sitting; a save that cannot be resumed — an older format, or a dispute without its sitting — is
// reported, kept under another key and never half-loaded; every game has its own slot (a new game
// of another scenario, or a hot-seat workshop, leaves the others alone); the quarter's half-made
// plan is saved; a version-2 save is moved into its slot; and a game another tab plays is refused.
import { describe, expect, it, vi } from 'vitest';
import { disputeSitting, phaseOf } from '../../src/flow/index';
import { writePlayAs, type PlayAs } from '../../src/app/play-as';
import { LEGACY_SAVE_VERSION, REJECTED_KEY_PREFIX, SAVE_FORMAT, SAVE_KEY, SLOT_KEY_PREFIX, slotKey, slotOf } from '../../src/app/save';
import { OPEN_ELSEWHERE } from '../../src/app/save-text';
import { GameSession } from '../../src/app/session';
import { webSlotLocks, type LockManagerLike } from '../../src/app/slot-locks';
import { makeHeatCode } from '../../src/scoreboard/index';
import { botNamed, playBot } from '../../src/sim/index';
import { loadShipped } from '../support/scenarios';
import { eventsFor, scenario } from '../flow/support';
import { MemoryStorage } from './memory-storage';

const played = playBot(scenario, 1, botNamed('balanced')!);
const events = eventsFor(played.steps);
const soloKey = slotKey(slotOf(scenario.id, 1, null));
const hotSeat = (group: string, seed = 1): PlayAs => ({ mode: 'hot-seat', group, scenarioId: scenario.id, seed, heatCode: makeHeatCode(scenario, seed), ghost: null });

/** A session played up to the dispute's opening (the first DISPUTE_NEXT not yet sent). */
async function atDispute(storage: Storage): Promise<GameSession> {
  const session = new GameSession(storage);
  expect(await session.newGame(scenario, 1)).toEqual({ ok: true });
  for (const event of events) {
    if (phaseOf(session.snapshot()!) === 'dispute') break;
    session.bus.emit('flow', event);
  }
  expect(phaseOf(session.snapshot()!)).toBe('dispute');
  return session;
}

function kept(storage: MemoryStorage): string[] {
  const values: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i)!;
    if (key.startsWith(REJECTED_KEY_PREFIX)) values.push(storage.getItem(key)!);
  }
  return values;
}

function slots(storage: MemoryStorage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) if (storage.key(i)!.startsWith(SLOT_KEY_PREFIX)) keys.push(storage.key(i)!);
  return keys.sort();
}

/** A clock that moves on a second per reading, so the list's order is known. */
function clock(): () => number {
  let t = 1_700_000_000_000;
  return () => (t += 1000);
}

describe('the session’s save slots', () => {
  it('resumes a game saved at the dispute at the same sitting', async () => {
    const storage = new MemoryStorage();
    (await atDispute(storage)).stop();
    const again = new GameSession(storage);
    expect(again.listSaves()).toMatchObject({ games: [{ key: soloKey, quarter: expect.any(Number), finished: false }], rejected: [] });
    expect(await again.continueGame(soloKey)).toEqual({ ok: true });
    expect(phaseOf(again.snapshot()!)).toBe('dispute');
  });

  it.for([
    ['a save from the previous format', (envelope: Record<string, unknown>) => ({ ...envelope, version: 1 }), /another version of the game \(save format 1/],
    [
      'a dispute saved without its sitting',
      (envelope: Record<string, unknown>) => {
        const snapshot = envelope.snapshot as { children: Record<string, unknown> };
        return { ...envelope, snapshot: { ...snapshot, children: {} } };
      },
      /could not be resumed/,
    ],
  ] as const)('sets aside %s, says why and starts nothing', async ([, damage, reason]) => {
    const storage = new MemoryStorage();
    (await atDispute(storage)).stop();
    const bad = JSON.stringify(damage(JSON.parse(storage.getItem(soloKey)!) as Record<string, unknown>));
    storage.setItem(soloKey, bad);
    const session = new GameSession(storage);
    const list = session.listSaves();
    expect(list.games).toEqual([]);
    expect(list.rejected).toHaveLength(1);
    expect(list.rejected[0]!.message).toMatch(reason);
    expect(list.rejected[0]!.message).toMatch(/kept in this browser under “marketing-and-sales\.rejected-save\.1”/);
    expect(storage.getItem(soloKey)).toBeNull();
    expect(kept(storage)).toEqual([bad]);
    // Reported once: the next look finds nothing more to say.
    expect(session.listSaves()).toEqual({ games: [], rejected: [] });
    expect(await session.continueGame(soloKey)).toMatchObject({ ok: false, reason: 'gone' });
    expect(session.snapshot()).toBeNull();
  });

  // Saves of the game's first versions hold the refusal's words where the flow now keeps the
  // model's refusal: such a save still opens and plays to the end, with nothing refused yet.
  it.for([
    [
      'planning',
      (snapshot: { context: Record<string, unknown> }) => {
        snapshot.context.rejection = 'Over budget: 11 effort points planned, 10 available this quarter.';
      },
    ],
    [
      'the dispute',
      (snapshot: { context: Record<string, unknown>; children: Record<string, { snapshot: { context: Record<string, unknown> } }> }) => {
        snapshot.context.rejection = null;
        snapshot.children.dispute!.snapshot.context.rejection = 'Unknown way to settle the dispute: "later". Choose one of: discontinue, keep, reprice, phase-out, investigate, joint-meeting.';
      },
    ],
  ] as const)('resumes a save taken at %s whose refusal is a sentence, and plays it to the end', async ([where, wordy]) => {
    const storage = new MemoryStorage();
    const first = new GameSession(storage);
    await first.newGame(scenario, 1);
    let sent = 0;
    const stopAt = where === 'planning' ? 'planning' : 'dispute';
    if (stopAt === 'planning') first.bus.emit('flow', events[sent++]!);
    else while (phaseOf(first.snapshot()!) !== 'dispute') first.bus.emit('flow', events[sent++]!);
    expect(phaseOf(first.snapshot()!)).toBe(stopAt);
    first.stop();
    const envelope = JSON.parse(storage.getItem(soloKey)!) as { snapshot: never };
    wordy(envelope.snapshot);
    storage.setItem(soloKey, JSON.stringify(envelope));

    const again = new GameSession(storage);
    expect(again.listSaves().games.map((g) => g.key)).toEqual([soloKey]);
    expect(await again.continueGame(soloKey)).toEqual({ ok: true });
    const resumed = again.snapshot()!;
    expect(phaseOf(resumed)).toBe(stopAt);
    expect(resumed.context.rejection).toBeNull();
    const sitting = disputeSitting(resumed);
    if (sitting) expect(sitting.context.rejection).toBeNull();
    for (const event of events.slice(sent)) again.bus.emit('flow', event);
    const end = again.snapshot()!;
    expect(end.status).toBe('done');
    expect(end.context.steps).toStrictEqual(played.steps);
    expect(end.context.game).toStrictEqual(played.state);
  });

  it('gives a new game of another scenario its own slot: the game in progress stays, and both are listed, newest first', async () => {
    const storage = new MemoryStorage();
    const session = new GameSession(storage, undefined, clock());
    await session.newGame(scenario, 1);
    for (let i = 0; session.snapshot()!.context.game.quarter < 3; i++) session.bus.emit('flow', events[i]!);
    const inProgress = storage.getItem(soloKey);
    const quarter = session.snapshot()!.context.game.quarter;
    expect(quarter).toBeGreaterThan(1);
    session.stop();

    const solo = loadShipped('solo-founder');
    await session.newGame(solo, 3);
    session.stop();
    expect(storage.getItem(soloKey)).toBe(inProgress);
    const list = new GameSession(storage).listSaves();
    expect(list.games.map((g) => [g.title, g.slot.seed, g.quarter])).toEqual([
      [solo.title, 3, 1],
      [scenario.title, 1, quarter],
    ]);
    // The same scenario on another seed is another game too.
    await session.newGame(scenario, 2);
    expect(storage.getItem(soloKey)).toBe(inProgress);
    expect(slots(storage)).toHaveLength(3);
  });

  it('keeps a hot-seat workshop’s games in slots of their own: handing over puts away only the group’s game, the solo save stays', async () => {
    const storage = new MemoryStorage();
    const session = new GameSession(storage);
    await session.newGame(scenario, 1);
    for (const event of events.slice(0, 3)) session.bus.emit('flow', event);
    session.stop();
    const soloSave = storage.getItem(soloKey);

    await session.newGame(scenario, 1, hotSeat('Group A'));
    const groupKey = session.currentSlot()!;
    expect(groupKey).not.toBe(soloKey);
    for (const event of events.slice(0, 3)) session.bus.emit('flow', event);
    expect(JSON.parse(storage.getItem(groupKey)!)).toMatchObject({ slot: { mode: 'hot-seat', group: 'Group A' }, playAs: { group: 'Group A' } });
    session.putAway();
    expect(storage.getItem(groupKey)).toBeNull();
    await session.newGame(scenario, 1, hotSeat('Group B'));
    session.stop();

    expect(storage.getItem(soloKey)).toBe(soloSave);
    const again = new GameSession(storage);
    const games = again.listSaves().games;
    expect(games.map((g) => [g.slot.mode, g.slot.group]).sort()).toEqual([['hot-seat', 'Group B'], ['solo', null]]);
    // Continue brings the group back with its game (for its result code).
    expect(await again.continueGame(games.find((g) => g.slot.mode === 'hot-seat')!.key)).toEqual({ ok: true });
    expect(again.playAs).toEqual(hotSeat('Group B'));
  });

  it('saves the quarter’s half-made plan and its undo steps: a reload brings them back', async () => {
    const storage = new MemoryStorage();
    const session = new GameSession(storage);
    await session.newGame(scenario, 1);
    session.bus.emit('flow', { type: 'START' });
    session.bus.emit('flow', { type: 'SET_MOVE', move: { kind: 'prospecting', points: 2 } });
    session.bus.emit('flow', { type: 'SET_MOVE', move: { kind: 'brand', points: 3 } });
    const before = session.snapshot()!.context;
    expect(before.draft).toHaveLength(2);
    // No stop(): the page is simply reloaded.
    const again = new GameSession(storage);
    expect(await again.continueGame(soloKey)).toEqual({ ok: true });
    const resumed = again.snapshot()!;
    expect(phaseOf(resumed)).toBe('planning');
    expect(resumed.context.draft).toStrictEqual(before.draft);
    again.bus.emit('flow', { type: 'UNDO' });
    expect(again.snapshot()!.context.draft).toStrictEqual([{ kind: 'prospecting', points: 2 }]);
  });

  it('asks before a new game replaces the same game saved already, and replaces it when told to', async () => {
    const storage = new MemoryStorage();
    const session = new GameSession(storage);
    await session.newGame(scenario, 1);
    for (let i = 0; session.snapshot()!.context.game.quarter < 3; i++) session.bus.emit('flow', events[i]!);
    session.stop();
    const saved = storage.getItem(soloKey);
    expect(await session.newGame(scenario, 1)).toEqual({
      ok: false,
      reason: 'saved',
      key: soloKey,
      message: `This game is saved already: ${scenario.title} on seed 1, played alone, at quarter 3 of ${scenario.quarters}. Continue it, or start it over and lose the saved one.`,
    });
    expect(session.snapshot()).toBeNull();
    expect(storage.getItem(soloKey)).toBe(saved);
    expect(await session.newGame(scenario, 1, null, { replace: true })).toEqual({ ok: true });
    expect(session.snapshot()!.context.game.quarter).toBe(1);
    expect(storage.getItem(soloKey)).not.toBe(saved);
    // A damaged save in the slot is moved aside, not written over, and the game starts.
    session.stop();
    storage.setItem(soloKey, '{"format":"marketing-and-sales-save",');
    expect(await session.newGame(scenario, 1)).toEqual({ ok: true });
    expect(kept(storage)).toEqual(['{"format":"marketing-and-sales-save",']);
  });

  it('deletes one saved game and leaves the others', async () => {
    const storage = new MemoryStorage();
    const session = new GameSession(storage);
    await session.newGame(scenario, 1);
    await session.newGame(scenario, 2);
    session.stop();
    const other = slotKey(slotOf(scenario.id, 2, null));
    expect(await session.deleteGame(soloKey)).toEqual({ ok: true });
    expect(slots(storage)).toEqual([other]);
    // Deleting the running game stops it first.
    await session.continueGame(other);
    expect(await session.deleteGame(other)).toEqual({ ok: true });
    expect(session.snapshot()).toBeNull();
    expect(slots(storage)).toEqual([]);
  });

  describe('a version-2 save (one game under one key)', () => {
    async function legacySave(playAs: PlayAs | null = null): Promise<{ storage: MemoryStorage; text: string; snapshot: unknown }> {
      const storage = new MemoryStorage();
      const session = new GameSession(storage);
      await session.newGame(scenario, 1, playAs);
      for (const event of events.slice(0, 4)) session.bus.emit('flow', event);
      session.stop();
      const key = session.slotKeys()[0]!;
      const { snapshot, summary } = JSON.parse(storage.getItem(key)!) as { snapshot: unknown; summary: { scenarioTitle: string; quarter: number; quarters: number } };
      storage.clear();
      // Exactly what version 2 wrote: the envelope, and the group under its own key.
      const text = JSON.stringify({ format: SAVE_FORMAT, version: LEGACY_SAVE_VERSION, summary: { scenarioTitle: summary.scenarioTitle, quarter: summary.quarter, quarters: summary.quarters }, snapshot });
      storage.setItem(SAVE_KEY, text);
      writePlayAs(storage, playAs);
      return { storage, text, snapshot };
    }

    it('is moved into its slot on first read, unchanged, and plays on', async () => {
      const { storage, snapshot } = await legacySave();
      const session = new GameSession(storage);
      const list = session.listSaves();
      expect(list.rejected).toEqual([]);
      expect(list.games.map((g) => g.key)).toEqual([soloKey]);
      expect(storage.getItem(SAVE_KEY)).toBeNull();
      expect(JSON.parse(storage.getItem(soloKey)!).snapshot).toStrictEqual(snapshot);
      expect(await session.continueGame(soloKey)).toEqual({ ok: true });
      for (const event of events.slice(4)) session.bus.emit('flow', event);
      expect(session.snapshot()!.context.game).toStrictEqual(played.state);
    });

    it('keeps its hot-seat group: it goes into that group’s slot', async () => {
      const { storage } = await legacySave(hotSeat('Group A'));
      const session = new GameSession(storage);
      expect(session.listSaves().games.map((g) => [g.slot.mode, g.slot.group])).toEqual([['hot-seat', 'Group A']]);
      await session.continueGame(session.slotKeys()[0]!);
      expect(session.playAs).toEqual(hotSeat('Group A'));
    });

    it('stays where it is when its slot cannot be written (storage full), and moves on the next try', async () => {
      const { storage, text } = await legacySave();
      storage.full = true;
      const session = new GameSession(storage);
      expect(session.listSaves()).toEqual({ games: [], rejected: [] });
      expect(storage.getItem(SAVE_KEY)).toBe(text);
      storage.full = false;
      expect(session.listSaves().games.map((g) => g.key)).toEqual([soloKey]);
    });

    it('is set aside, not dropped, when it cannot be read', () => {
      const storage = new MemoryStorage();
      storage.setItem(SAVE_KEY, '{"format":"marketing-and-sales-save","vers');
      const list = new GameSession(storage).listSaves();
      expect(list.rejected.map((r) => r.message)).toEqual([expect.stringMatching(/could not be opened: the saved game is damaged \(it is not readable JSON\)\. The old save is kept/)]);
      expect(storage.getItem(SAVE_KEY)).toBeNull();
      expect(kept(storage)).toEqual(['{"format":"marketing-and-sales-save","vers']);
    });
  });

  describe('one game in one tab at a time', () => {
    const locks = () => webSlotLocks((globalThis.navigator as unknown as { locks: LockManagerLike }).locks);

    it('refuses to continue, restart or delete a game another tab plays, in words, and opens it once that tab lets go', async () => {
      const storage = new MemoryStorage();
      const first = new GameSession(storage, locks());
      const second = new GameSession(storage, locks());
      await first.newGame(scenario, 1);
      first.bus.emit('flow', { type: 'START' });
      const saved = storage.getItem(soloKey);

      expect(await second.openElsewhere()).toEqual(new Set([soloKey]));
      expect(await first.openElsewhere()).toEqual(new Set());
      expect(await second.continueGame(soloKey)).toEqual({ ok: false, reason: 'open-elsewhere', message: OPEN_ELSEWHERE });
      expect(await second.newGame(scenario, 1)).toEqual({ ok: false, reason: 'open-elsewhere', message: OPEN_ELSEWHERE });
      expect(await second.deleteGame(soloKey)).toMatchObject({ ok: false, reason: 'open-elsewhere', message: expect.stringMatching(/cannot be deleted now/) });
      expect(second.snapshot()).toBeNull();
      expect(storage.getItem(soloKey)).toBe(saved);
      // Another game is free to play in the second tab meanwhile.
      expect(await second.newGame(scenario, 2)).toEqual({ ok: true });

      first.stop();
      // The lock manager frees the first tab's lock a moment after it lets go.
      await vi.waitFor(async () => expect(await second.continueGame(soloKey)).toEqual({ ok: true }));
      expect(phaseOf(second.snapshot()!)).toBe('planning');
      expect(await first.continueGame(soloKey)).toMatchObject({ ok: false, reason: 'open-elsewhere' });
      second.stop();
    });
  });
});
