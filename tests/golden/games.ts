// Which games the golden replays pin, and the recorded files: every bot, a few seeds each, so each kind of play
// (and the dispute, which all of them meet) is covered — and every way to act on the dispute, forced where the
// bot would not choose it. Version 1 of two-hats (no people) is frozen: its file was recorded once and is
// never re-recorded, so replays and codes made on it keep verifying against scenarios/archive. The current
// version adds the lead bots, whose play turns on the leads' asks and morale.
import type { DisputeOption, Scenario } from '../../src/sim/index';
import { loadArchived, loadShipped } from '../support/scenarios';

export type GoldenGame = { bot: string; seed: number; dispute?: DisputeOption };

export const GOLDEN_GAMES: readonly GoldenGame[] = [
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

export interface GoldenSet {
  label: string;
  file: URL;
  scenario: () => Scenario;
  games: readonly GoldenGame[];
  /** Only the current version is ever re-recorded. */
  frozen: boolean;
}

export const GOLDEN_SETS: readonly GoldenSet[] = [
  { label: 'two-hats version 1', file: new URL('./two-hats-v1.replays.json', import.meta.url), scenario: () => loadArchived('two-hats', 1), games: GOLDEN_GAMES, frozen: true },
  {
    label: 'two-hats version 2 (people)',
    file: new URL('./two-hats-v2.replays.json', import.meta.url),
    scenario: () => loadShipped('two-hats'),
    games: [...GOLDEN_GAMES, { bot: 'hears-leads', seed: 11 }, { bot: 'overrides-sales', seed: 12 }, { bot: 'overrides-marketing', seed: 13, dispute: 'joint-meeting' }],
    frozen: false,
  },
];
