// Whether the game may make sounds: the player's choice, remembered in the browser's storage so
// a reload or the next game keeps it. Sound is on unless the player turned it off; the browser
// still keeps it silent until the player's first click or key (its autoplay rule).
export const SOUND_KEY = 'marketing-and-sales:sound';

export function soundOn(storage: Storage): boolean {
  try {
    return storage.getItem(SOUND_KEY) !== 'off';
  } catch {
    return true;
  }
}

export function setSoundOn(storage: Storage, on: boolean): void {
  try {
    storage.setItem(SOUND_KEY, on ? 'on' : 'off');
  } catch {
    // Storage full or blocked: the choice holds for this page only.
  }
}

/** The toggle's words: what it is now, and what pressing it does. */
export function soundToggleText(on: boolean): { label: string; title: string } {
  return on
    ? { label: 'Sound: on', title: 'Turn the game’s sounds off (remembered)' }
    : { label: 'Sound: off', title: 'Turn the game’s sounds on (remembered)' };
}
