// The save slots in localStorage: one per game, keyed by the game's scenario, seed and how it is
// played (alone, a hot-seat group, a group that joined a heat, against a ghost group), so a new
// game never overwrites another game and a hot-seat workshop never touches a solo game. Each slot
// is its own key holding the actor's persisted snapshot in a small envelope with a format name and
// version, so a save from an older build (or a hand-edited one) is recognised as such instead of
// being fed to the machine. A save that cannot be used is never dropped: it is moved under a key
// of its own for a trainer (or a bug report) to recover.
//
// Version 2 kept one game under one key (SAVE_KEY). Such a save is moved into its slot the first
// time the slots are read (migrateLegacySave), and only removed once its slot is written.
import type { Snapshot } from 'xstate';
import { playAsSchema, readPlayAs, type PlayAs } from './play-as';

/** Where version 2 kept the one saved game. Read once, moved into its slot. */
export const SAVE_KEY = 'marketing-and-sales.save';
/** Every slot's key starts so; the rest names the slot (slotKey). */
export const SLOT_KEY_PREFIX = 'marketing-and-sales.slot.';
export const REJECTED_KEY_PREFIX = 'marketing-and-sales.rejected-save.';
export const SAVE_FORMAT = 'marketing-and-sales-save';
/** Bump when the envelope or the snapshot's shape changes in a way an older save cannot be read from. */
// 2: the dispute became a child machine (a version-1 save taken at the dispute cannot resume it).
// 3: one slot per game (the slot and the play stored in the envelope); version 2 is migrated.
export const SAVE_VERSION = 3;
/** The single-slot version still read (and migrated) from SAVE_KEY. */
export const LEGACY_SAVE_VERSION = 2;

/** How a game is played, as far as its slot is concerned. */
export type SlotMode = 'solo' | 'hot-seat' | 'join' | 'ghost';
export const SLOT_MODES: readonly SlotMode[] = ['solo', 'hot-seat', 'join', 'ghost'];

/** What tells one game's slot from another's. */
export interface SlotId {
  mode: SlotMode;
  scenarioId: string;
  seed: number;
  /** The group playing (hot-seat, join) or played against (ghost); null when alone. */
  group: string | null;
}

export interface SaveSummary {
  scenarioTitle: string;
  quarter: number;
  quarters: number;
  finished: boolean;
}

export interface SaveEnvelope {
  format: typeof SAVE_FORMAT;
  version: typeof SAVE_VERSION;
  slot: SlotId;
  /** Shown on the title screen's list of saved games. */
  summary: SaveSummary;
  /** When the slot was last written (milliseconds since 1970; 0 when not known): the list's order. */
  savedAt: number;
  /** How the game is played (the group in its result code, a ghost beside it); null when alone. */
  playAs: PlayAs | null;
  snapshot: Snapshot<unknown>;
}

/** A saved game the title screen lists, to continue or to delete. */
export interface SavedGame {
  /** The slot's key: what continueGame and deleteGame take. */
  key: string;
  slot: SlotId;
  title: string;
  quarter: number;
  quarters: number;
  finished: boolean;
  savedAt: number;
}

export type ReadSave =
  | { status: 'none' }
  | { status: 'ok'; envelope: SaveEnvelope }
  | { status: 'bad'; reason: string };

/** The slot of a game of `scenarioId` on `seed` played as `playAs`. */
export function slotOf(scenarioId: string, seed: number, playAs: PlayAs | null): SlotId {
  if (playAs?.mode === 'hot-seat' || playAs?.mode === 'join') return { mode: playAs.mode, scenarioId, seed, group: playAs.group };
  if (playAs?.ghost) return { mode: 'ghost', scenarioId, seed, group: playAs.ghost.group };
  return { mode: 'solo', scenarioId, seed, group: null };
}

/** The storage key of a slot; also the slot's name for its lock and on the title screen. */
export function slotKey(slot: SlotId): string {
  const group = slot.group === null ? '' : `.${encodeURIComponent(slot.group)}`;
  return `${SLOT_KEY_PREFIX}${slot.mode}.${encodeURIComponent(slot.scenarioId)}.${slot.seed}${group}`;
}

/** The keys of every slot in the storage, in key order. */
export function slotKeys(storage: Storage): string[] {
  const keys: string[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key !== null && key.startsWith(SLOT_KEY_PREFIX)) keys.push(key);
    }
  } catch {
    // A storage that cannot be read holds no slot this page can use.
  }
  return keys.sort();
}

function getItem(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

function parse(text: string): { value: Record<string, unknown> } | { reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { reason: 'the saved game is damaged (it is not readable JSON)' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { reason: 'the saved game is damaged' };
  const envelope = value as Record<string, unknown>;
  if (envelope.format !== SAVE_FORMAT) return { reason: 'the saved game is not in a format this version knows' };
  return { value: envelope };
}

const otherVersion = (version: unknown) =>
  `the saved game comes from another version of the game (save format ${String(version)}, this game reads ${LEGACY_SAVE_VERSION} and ${SAVE_VERSION})`;

function isSlotId(value: unknown): value is SlotId {
  if (typeof value !== 'object' || value === null) return false;
  const slot = value as Partial<SlotId>;
  return (
    SLOT_MODES.includes(slot.mode as SlotMode) &&
    typeof slot.scenarioId === 'string' &&
    slot.scenarioId.length > 0 &&
    Number.isInteger(slot.seed) &&
    (slot.group === null || typeof slot.group === 'string')
  );
}

/** Reads and checks one slot's envelope; the snapshot inside is checked by resuming it (see session). */
export function readSlot(storage: Storage, key: string): ReadSave {
  const text = getItem(storage, key);
  if (text === null) return { status: 'none' };
  const parsed = parse(text);
  if ('reason' in parsed) return { status: 'bad', reason: parsed.reason };
  const envelope = parsed.value as Partial<SaveEnvelope> & Record<string, unknown>;
  if (envelope.version !== SAVE_VERSION) return { status: 'bad', reason: otherVersion(envelope.version) };
  const summary = envelope.summary;
  if (!envelope.snapshot || typeof envelope.snapshot !== 'object' || !summary || typeof summary.quarter !== 'number' || typeof summary.quarters !== 'number') {
    return { status: 'bad', reason: 'the saved game is incomplete' };
  }
  if (!isSlotId(envelope.slot) || slotKey(envelope.slot) !== key) return { status: 'bad', reason: 'the saved game is stored under another game’s name' };
  if (envelope.playAs !== null && !playAsSchema.safeParse(envelope.playAs).success) return { status: 'bad', reason: 'the saved game’s group is damaged' };
  return {
    status: 'ok',
    envelope: {
      ...(envelope as SaveEnvelope),
      summary: { ...summary, finished: summary.finished === true },
      savedAt: typeof envelope.savedAt === 'number' ? envelope.savedAt : 0,
    },
  };
}

/** Writes a slot; false when the browser's storage refused it (full, disabled). */
export function writeSlot(storage: Storage, envelope: Omit<SaveEnvelope, 'format' | 'version'>): boolean {
  const full: SaveEnvelope = { format: SAVE_FORMAT, version: SAVE_VERSION, ...envelope };
  try {
    storage.setItem(slotKey(envelope.slot), JSON.stringify(full));
    return true;
  } catch {
    // A full or disabled storage must not stop the game; the player only loses Continue.
    return false;
  }
}

export function deleteSlot(storage: Storage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Nothing to do: a storage that cannot be written cannot be emptied either.
  }
}

/** Moves the value under `key` aside under a key of its own and returns that key (null when it could not). */
export function setAside(storage: Storage, key: string): string | null {
  const text = getItem(storage, key);
  if (text === null) return null;
  try {
    let n = 1;
    while (storage.getItem(`${REJECTED_KEY_PREFIX}${n}`) !== null) n++;
    const kept = `${REJECTED_KEY_PREFIX}${n}`;
    storage.setItem(kept, text);
    storage.removeItem(key);
    return kept;
  } catch {
    // Could not copy it (storage full): leave it where it is rather than lose it.
    return null;
  }
}

export type Migration =
  | { status: 'none' }
  /** The version-2 save now lives in the slot `key`. */
  | { status: 'moved'; key: string }
  /** The version-2 save could not be used; it was set aside under `keptUnder` (null: left where it was). */
  | { status: 'bad'; reason: string; keptUnder: string | null }
  /** Its slot could not be written (storage full): it stays under SAVE_KEY for the next try. */
  | { status: 'kept' };

/**
 * Moves a version-2 save (the one game under SAVE_KEY) into its own slot. Its group, if it had
 * one, came from the play-as key of the same version. The old key is removed only after the slot
 * is written; a save that cannot be read is set aside like any rejected save.
 */
export function migrateLegacySave(storage: Storage, now: number = 0): Migration {
  const text = getItem(storage, SAVE_KEY);
  if (text === null) return { status: 'none' };
  const bad = (reason: string): Migration => ({ status: 'bad', reason, keptUnder: setAside(storage, SAVE_KEY) });
  const parsed = parse(text);
  if ('reason' in parsed) return bad(parsed.reason);
  const old = parsed.value;
  if (old.version !== LEGACY_SAVE_VERSION) return bad(otherVersion(old.version));
  const summary = old.summary as Partial<SaveSummary> | undefined;
  const snapshot = old.snapshot as { context?: { scenario?: { id?: unknown; title?: unknown; quarters?: unknown }; game?: { seed?: unknown; quarter?: unknown; finished?: unknown } } } | undefined;
  const scenario = snapshot?.context?.scenario;
  const game = snapshot?.context?.game;
  if (!snapshot || typeof snapshot !== 'object' || !summary || typeof summary.quarter !== 'number') return bad('the saved game is incomplete');
  if (typeof scenario?.id !== 'string' || scenario.id.length === 0 || !Number.isInteger(game?.seed)) return bad('the saved game could not be resumed');
  const seed = game!.seed as number;
  const playAs = readPlayAs(storage, scenario.id, seed);
  const slot = slotOf(scenario.id, seed, playAs);
  const key = slotKey(slot);
  // A slot of the same game written by this version is newer than the old save: keep both.
  if (getItem(storage, key) !== null) return bad('a newer save of the same game is already there');
  const written = writeSlot(storage, {
    slot,
    summary: {
      scenarioTitle: typeof summary.scenarioTitle === 'string' ? summary.scenarioTitle : String(scenario.title ?? scenario.id),
      quarter: summary.quarter,
      quarters: typeof summary.quarters === 'number' ? summary.quarters : Number(scenario.quarters ?? 0),
      finished: game?.finished === true,
    },
    savedAt: now,
    playAs,
    snapshot: snapshot as Snapshot<unknown>,
  });
  if (!written) return { status: 'kept' };
  deleteSlot(storage, SAVE_KEY);
  return { status: 'moved', key };
}
