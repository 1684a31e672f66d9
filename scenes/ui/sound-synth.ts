// The game's sounds, synthesised with the Web Audio API: short tones made here, no sound file
// and nothing from the network. A chunk of its own, fetched the first time a sound plays.
import type { SoundCue } from '../../src/app/sound-cues';

interface Note {
  /** Hz. */
  pitch: number;
  /** Seconds after the cue starts. */
  at: number;
  /** Seconds. */
  length: number;
  wave: OscillatorType;
  /** Peak gain, 0–1; kept low: these sit under speech in a training room. */
  level: number;
}

const note = (pitch: number, at: number, length: number, wave: OscillatorType = 'sine', level = 0.16): Note => ({ pitch, at, length, wave, level });

// Rising figures for good news, falling for bad; the dispute a low two-note call; par a short fanfare.
const CUE_NOTES: Record<SoundCue, readonly Note[]> = {
  commit: [note(523.25, 0, 0.09, 'triangle', 0.14), note(783.99, 0.07, 0.12, 'triangle', 0.12)],
  gain: [note(659.25, 0, 0.12), note(880, 0.1, 0.2)],
  loss: [note(440, 0, 0.14), note(329.63, 0.12, 0.24)],
  'key-account-lost': [note(233.08, 0, 0.22, 'sawtooth', 0.08), note(196, 0.2, 0.42, 'sawtooth', 0.08)],
  'dispute-opens': [note(196, 0, 0.18, 'square', 0.06), note(261.63, 0.2, 0.3, 'square', 0.06)],
  'par-passed': [note(523.25, 0, 0.1), note(659.25, 0.1, 0.1), note(783.99, 0.2, 0.1), note(1046.5, 0.3, 0.34)],
};

/** How long a cue lasts, so the next one waits for it. */
export function cueLength(cue: SoundCue): number {
  return Math.max(...CUE_NOTES[cue].map((n) => n.at + n.length));
}

/** Plays `cue` on `context`, starting `delay` seconds from now. */
export function playCue(context: AudioContext, cue: SoundCue, delay: number): void {
  const start = context.currentTime + delay;
  for (const n of CUE_NOTES[cue]) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = n.wave;
    oscillator.frequency.value = n.pitch;
    // A quick attack and an exponential release: no click at either end.
    gain.gain.setValueAtTime(0.0001, start + n.at);
    gain.gain.exponentialRampToValueAtTime(n.level, start + n.at + 0.012);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + n.at + n.length);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + n.at);
    oscillator.stop(start + n.at + n.length + 0.02);
  }
}
