// Which games the golden replays pin: every bot, a few seeds each, so each kind of play
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
