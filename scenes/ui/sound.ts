// Plays the game's sounds as it goes: follows the session's snapshots, asks src/app/sound-cues
// which cues a step calls for and plays them in turn, unless the player turned sound off. No
// AudioContext exists until the player's first click or key (browsers allow sound only then),
// and the synthesiser is a chunk fetched the first time a sound plays.
import type { GameFlowSnapshot } from '../../src/flow/index';
import { cueStateOf, cuesBetween, type CueState, type SoundCue, type SoundReport } from '../../src/app/sound-cues';
import { setSoundOn, soundOn } from '../../src/app/sound-settings';

interface SnapshotBus {
  on(type: 'snapshot' | 'started', listener: (snapshot: GameFlowSnapshot) => void): () => void;
}

export interface SoundDirector {
  isOn(): boolean;
  /** Turns sound on or off and remembers it; returns whether it is on now. */
  toggle(): boolean;
  report(): SoundReport;
}

const GAP_S = 0.06;
const KEPT = 50;
const UNLOCK_EVENTS = ['pointerdown', 'keydown', 'touchstart'] as const;

let current: SoundDirector | null = null;

/** The page's sound director, once startSound has run. */
export function soundDirector(): SoundDirector | null {
  return current;
}

export function startSound(bus: SnapshotBus, storage: Storage): SoundDirector {
  let on = soundOn(storage);
  let context: AudioContext | null = null;
  let synth: Promise<typeof import('./sound-synth')> | null = null;
  let last: CueState | null = null;
  const played: SoundCue[] = [];

  const unlock = () => {
    for (const type of UNLOCK_EVENTS) window.removeEventListener(type, unlock, true);
    const Context = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (Context === undefined) return;
    try {
      context = new Context();
    } catch {
      context = null;
    }
  };
  for (const type of UNLOCK_EVENTS) window.addEventListener(type, unlock, { capture: true, passive: true });

  const play = (cues: SoundCue[]) => {
    if (!on || context === null || cues.length === 0) return;
    const audio = context;
    synth ??= import('./sound-synth');
    void synth
      .then(({ playCue, cueLength }) => {
        if (audio.state === 'suspended') void audio.resume();
        let delay = 0;
        for (const cue of cues) {
          playCue(audio, cue, delay);
          delay += cueLength(cue) + GAP_S;
          played.push(cue);
        }
        played.splice(0, Math.max(0, played.length - KEPT));
      })
      .catch(() => {
        // The chunk could not load (the server that served the page is gone): stay silent, try again next time.
        synth = null;
      });
  };

  const follow = (snapshot: GameFlowSnapshot, opened: boolean) => {
    const now = cueStateOf(snapshot);
    const cues = opened ? [] : cuesBetween(last, now);
    last = now;
    play(cues);
  };
  bus.on('started', (snapshot) => follow(snapshot, true));
  bus.on('snapshot', (snapshot) => follow(snapshot, false));

  current = {
    isOn: () => on,
    toggle() {
      on = !on;
      setSoundOn(storage, on);
      return on;
    },
    report: () => ({ on, unlocked: context !== null, played: played.slice() }),
  };
  return current;
}
