// The local scoreboard for solo play: every finished solo game's result code, kept in localStorage
// per scenario version and seed. The board is rebuilt from the codes each time it is shown and
// verified like the instructor's (buildScoreboard replays every code), so a score typed into the
// browser's storage by hand is rejected with its reason, never shown.
import * as z from 'zod/mini';
import { makeReplay, scenarioHash } from '../replay/replay';
import { MAX_CODE_CHARS, buildScoreboard, decodeResultCode, makeHeatCode, payloadReplay, type Scoreboard } from '../scoreboard/index';
import { canonicalJson, type GameState, type Scenario, type Step } from '../sim/index';
import { finishedGameCode } from './results';

export const LOCAL_BOARD_KEY = 'marketing-and-sales.local-board';
export const REJECTED_LOCAL_BOARD_PREFIX = 'marketing-and-sales.rejected-local-board.';
export const LOCAL_BOARD_FORMAT = 'marketing-and-sales-local-board';
/** Games kept per scenario and seed: the oldest beyond this are dropped. */
export const MAX_LOCAL_GAMES = 50;

const storeSchema = z.strictObject({
  format: z.literal(LOCAL_BOARD_FORMAT),
  version: z.literal(1),
  /** Codes per board, keyed `scenarioId:contentHash:seed`. */
  boards: z.record(z.string().check(z.maxLength(200)), z.array(z.string().check(z.maxLength(MAX_CODE_CHARS))).check(z.maxLength(MAX_LOCAL_GAMES))),
});

type Store = z.infer<typeof storeSchema>;

const empty = (): Store => ({ format: LOCAL_BOARD_FORMAT, version: 1, boards: {} });

export function boardKey(scenario: Scenario, seed: number): string {
  return `${scenario.id}:${scenarioHash(scenario)}:${seed}`;
}

export interface ReadStore {
  store: Store;
  /** Set when the stored value could not be used and was moved aside. */
  problem: string | null;
}

function readStore(storage: Storage): ReadStore {
  let text: string | null = null;
  try {
    text = storage.getItem(LOCAL_BOARD_KEY);
  } catch {
    return { store: empty(), problem: null };
  }
  if (text === null) return { store: empty(), problem: null };
  try {
    const parsed = storeSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { store: parsed.data, problem: null };
  } catch {
    // falls through to setting it aside
  }
  let keptUnder: string | null = null;
  try {
    let n = 1;
    while (storage.getItem(`${REJECTED_LOCAL_BOARD_PREFIX}${n}`) !== null) n++;
    keptUnder = `${REJECTED_LOCAL_BOARD_PREFIX}${n}`;
    storage.setItem(keptUnder, text);
    storage.removeItem(LOCAL_BOARD_KEY);
  } catch {
    keptUnder = null;
  }
  return {
    store: empty(),
    problem: `The local scoreboard in this browser was damaged and starts afresh${keptUnder ? `; the old one is kept under “${keptUnder}”` : ''}.`,
  };
}

export interface LocalBoard {
  board: Scoreboard;
  /** Why the stored boards could not be read, if they could not (they were set aside). */
  problem: string | null;
}

/** The verified local board of a scenario and seed. */
export function localBoard(storage: Storage, scenario: Scenario, seed: number): LocalBoard {
  const { store, problem } = readStore(storage);
  const codes = store.boards[boardKey(scenario, seed)] ?? [];
  return { board: buildScoreboard(scenario, codes, { heat: makeHeatCode(scenario, seed) }), problem };
}

/** Adds a finished game's code to its board (once: the same code twice is kept once). */
export function addToLocalBoard(storage: Storage, scenario: Scenario, seed: number, code: string): LocalBoard {
  const { store, problem } = readStore(storage);
  const key = boardKey(scenario, seed);
  const codes = store.boards[key] ?? [];
  if (!codes.includes(code)) {
    store.boards[key] = [...codes, code].slice(-MAX_LOCAL_GAMES);
    try {
      storage.setItem(LOCAL_BOARD_KEY, JSON.stringify(store));
    } catch {
      // Storage full or disabled: the board is shown from memory this once.
      return { board: buildScoreboard(scenario, store.boards[key]!, { heat: makeHeatCode(scenario, seed) }), problem };
    }
  }
  return { ...localBoard(storage, scenario, seed), problem };
}

/** The name a solo game carries on the local board: "Game 3 · 26 Nov 16:40". */
export function soloGameName(storage: Storage, scenario: Scenario, seed: number, now: Date): string {
  const { store } = readStore(storage);
  const n = (store.boards[boardKey(scenario, seed)]?.length ?? 0) + 1;
  const when = now.toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).replace(',', '');
  return `Game ${n} · ${when}`;
}

/**
 * Puts a finished solo game on its board under a new "Game N" name, or finds it there already
 * (the final results open again after a reload): the same decisions are never added twice.
 * Returns the board and the name the game has on it.
 */
export function recordSoloGame(storage: Storage, scenario: Scenario, game: GameState, steps: readonly Step[], now: Date): LocalBoard & { group: string } {
  const seed = game.seed;
  const { store } = readStore(storage);
  const decisions = canonicalJson(makeReplay(scenario, seed, steps).decisions);
  for (const code of store.boards[boardKey(scenario, seed)] ?? []) {
    try {
      const payload = decodeResultCode(code);
      if (canonicalJson(payloadReplay(scenario, payload).decisions) === decisions) return { ...localBoard(storage, scenario, seed), group: payload.group };
    } catch {
      // A code that cannot be read is not this game; the board lists it as rejected.
    }
  }
  const group = soloGameName(storage, scenario, seed, now);
  return { ...addToLocalBoard(storage, scenario, seed, finishedGameCode(scenario, game, steps, group)), group };
}
