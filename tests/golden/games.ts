// Which games the golden replays pin, and the recorded file itself: every bot, a few seeds each, so each kind of play
// (and the dispute, which all of them meet) is covered — and every way to act on the dispute, forced where the
// bot would not choose it.
import type { DisputeOption } from '../../src/sim/index';

export const GOLDEN_GAMES: readonly { bot: string; seed: number; dispute?: DisputeOption }[] = [
  { bot: 'balanced', seed: 1 },
  { bot: 'balanced', seed: 2 },
  { bot: 'adaptive', seed: 7 },
  { bot: 'adaptive', seed: 1234 },
  { bot: 'all-marketing', seed: 3 },
  { bot: 'all-sales', seed: 4 },
  { bot: 'short-run-greedy', seed: 5 },
  { bot: 'random', seed: 42 },
  { bot: 'balanced', seed: 6, dispute: 'investigate' },
  { bot: 'adaptive', seed: 8, dispute: 'joint-meeting' },
  { bot: 'balanced', seed: 9, dispute: 'phase-out' },
  { bot: 'adaptive', seed: 10, dispute: 'reprice' },
];

/** One recorded golden game: the replay and the state hash and score it gave when recorded. */
export interface Golden {
  bot: string;
  seed: number;
  /** The dispute option forced on the bot, if any. */
  dispute?: DisputeOption;
  stateHash: string;
  score: number;
  replay: unknown;
}

export const GOLDEN_FILE = new URL('./two-hats.replays.json', import.meta.url);
