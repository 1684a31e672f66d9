// Which games the golden replays pin, and the recorded file itself: every bot, a few seeds each, so each kind of play
// (and the dispute, which all of them meet) is covered.
export const GOLDEN_GAMES = [
  { bot: 'balanced', seed: 1 },
  { bot: 'balanced', seed: 2 },
  { bot: 'adaptive', seed: 7 },
  { bot: 'adaptive', seed: 1234 },
  { bot: 'all-marketing', seed: 3 },
  { bot: 'all-sales', seed: 4 },
  { bot: 'short-run-greedy', seed: 5 },
  { bot: 'random', seed: 42 },
] as const;

/** One recorded golden game: the replay and the state hash and score it gave when recorded. */
export interface Golden {
  bot: string;
  seed: number;
  stateHash: string;
  score: number;
  replay: unknown;
}

export const GOLDEN_FILE = new URL('./two-hats.replays.json', import.meta.url);
