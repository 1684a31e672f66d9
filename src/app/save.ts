// The save slot in localStorage: the actor's persisted snapshot wrapped in a small envelope
// with a format name and version, so a save from an older build (or a hand-edited one) is
// recognised as such instead of being fed to the machine. A save that cannot be used is never
// dropped: it is moved under a key of its own for a trainer (or a bug report) to recover.
import type { Snapshot } from 'xstate';

export const SAVE_KEY = 'marketing-and-sales.save';
export const REJECTED_KEY_PREFIX = 'marketing-and-sales.rejected-save.';
export const SAVE_FORMAT = 'marketing-and-sales-save';
/** Bump when the snapshot's shape changes in a way an older save cannot be resumed from. */
// 2: the dispute became a child machine (a version-1 save taken at the dispute cannot resume it).
export const SAVE_VERSION = 2;

export interface SaveEnvelope {
  format: typeof SAVE_FORMAT;
  version: number;
  /** Shown on the title screen's Continue button. */
  summary: { scenarioTitle: string; quarter: number; quarters: number };
  snapshot: Snapshot<unknown>;
}

export type ReadSave =
  | { status: 'none' }
  | { status: 'ok'; envelope: SaveEnvelope }
  | { status: 'bad'; reason: string };

/** Reads and checks the envelope; the snapshot inside is checked by resuming it (see session). */
export function readSave(storage: Storage): ReadSave {
  const text = storage.getItem(SAVE_KEY);
  if (text === null) return { status: 'none' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { status: 'bad', reason: 'the saved game is damaged (it is not readable JSON)' };
  }
  if (typeof value !== 'object' || value === null) return { status: 'bad', reason: 'the saved game is damaged' };
  const envelope = value as Partial<SaveEnvelope>;
  if (envelope.format !== SAVE_FORMAT) return { status: 'bad', reason: 'the saved game is not in a format this version knows' };
  if (envelope.version !== SAVE_VERSION) {
    return { status: 'bad', reason: `the saved game comes from another version of the game (save format ${String(envelope.version)}, this game reads ${SAVE_VERSION})` };
  }
  const summary = envelope.summary;
  if (!envelope.snapshot || typeof envelope.snapshot !== 'object' || !summary || typeof summary.quarter !== 'number') {
    return { status: 'bad', reason: 'the saved game is incomplete' };
  }
  return { status: 'ok', envelope: envelope as SaveEnvelope };
}

export function writeSave(storage: Storage, envelope: Omit<SaveEnvelope, 'format' | 'version'>): void {
  const full: SaveEnvelope = { format: SAVE_FORMAT, version: SAVE_VERSION, ...envelope };
  try {
    storage.setItem(SAVE_KEY, JSON.stringify(full));
  } catch {
    // A full or disabled storage must not stop the game; the player only loses Continue.
  }
}

/** Moves the unusable save aside under its own key and returns that key. */
export function setAsideSave(storage: Storage): string | null {
  const text = storage.getItem(SAVE_KEY);
  if (text === null) return null;
  let n = 1;
  while (storage.getItem(`${REJECTED_KEY_PREFIX}${n}`) !== null) n++;
  const key = `${REJECTED_KEY_PREFIX}${n}`;
  try {
    storage.setItem(key, text);
    storage.removeItem(SAVE_KEY);
    return key;
  } catch {
    // Could not copy it (storage full): leave it where it is rather than lose it.
    return null;
  }
}

export function clearSave(storage: Storage): void {
  storage.removeItem(SAVE_KEY);
}
