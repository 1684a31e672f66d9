// The hash that pins a game's outcome: the whole state but its luck table, which the seed
// already determines and which would only slow the hash down.
import { hashValue } from './hash';
import type { GameState } from './types';

export function stateHash(state: GameState): string {
  return hashValue({ ...state, luck: undefined });
}
