// Which short sounds a step of the game calls for, read from the flow's snapshots in the order
// they come: a quarter committed, its report's reveal (a gain or a loss on the quarter before), a
// key account lost, the dispute opening, and the score passing par (climbing over it, or ending
// the game at or above it). Codes only: the sounds
// themselves are made in the scenes (scenes/ui/sound-synth.ts) and play only when allowed.
import { phaseOf, type GameFlowSnapshot, type Phase } from '../flow/index';
import type { GameState } from '../sim/index';

export const SOUND_CUES = ['commit', 'gain', 'loss', 'key-account-lost', 'dispute-opens', 'par-passed'] as const;
export type SoundCue = (typeof SOUND_CUES)[number];

/** What the cues are worked out from: the phase and the game as a snapshot holds them. */
export interface CueState {
  phase: Phase;
  game: GameState;
  par: number;
}

export function cueStateOf(snapshot: GameFlowSnapshot): CueState {
  return { phase: phaseOf(snapshot), game: snapshot.context.game, par: snapshot.context.scenario.scoring.par };
}

/**
 * The cues for going from `before` to `after`, in the order they should sound. A game opened
 * from a save or a fresh start (no `before`) sounds nothing: nothing happened in front of the player.
 */
export function cuesBetween(before: CueState | null, after: CueState): SoundCue[] {
  if (before === null || before.game.seed !== after.game.seed) return [];
  const cues: SoundCue[] = [];
  const played = after.game.history.length;
  if (played === before.game.history.length + 1) {
    const record = after.game.history[played - 1]!;
    const previous = after.game.history[played - 2];
    cues.push('commit');
    // The reveal compares with the quarter before, as the report's headline does; the first
    // quarter has only its own sign.
    cues.push(record.profit >= (previous?.profit ?? 0) ? 'gain' : 'loss');
    const lostKey = record.lostAccounts.some((id) => after.game.accounts.find((a) => a.id === id)?.key === true);
    if (lostKey) cues.push('key-account-lost');
    // Par is the end's measure: the last quarter at or above it, or the score so far climbing
    // back over it (the first quarter's score so far is scaled up and says little).
    const last = after.game.finished;
    const climbed = previous !== undefined && previous.score.total < after.par && record.score.total >= after.par;
    if (record.score.total >= after.par && (last || climbed)) cues.push('par-passed');
  }
  if (after.phase === 'dispute' && before.phase !== 'dispute') cues.push('dispute-opens');
  return cues;
}

/** What the page's sound player reports, for the page hook (tests read it). */
export interface SoundReport {
  on: boolean;
  /** Whether the player has interacted, so the browser lets the page make sound. */
  unlocked: boolean;
  /** The cues sounded so far, oldest first (the last 50). */
  played: SoundCue[];
}
