// The portraits shipped in assets/portraits: one SVG per person and mood, drawn for the project
// (scripts/portraits.mjs makes them). A scenario's people name one by id; the ids say what the
// person looks like, so an instructor can cast without opening the files.
export const PORTRAITS = ['curls-cardigan', 'bun-glasses', 'hijab-blazer', 'beard-crop', 'grey-side-part', 'braids-hoops'] as const;
export type Portrait = (typeof PORTRAITS)[number];

/** The moods each portrait is drawn in. */
export const MOODS = ['neutral', 'pleased', 'worried', 'upset'] as const;
export type Mood = (typeof MOODS)[number];

/** Who a lead looks like when the file does not say. */
export const DEFAULT_PORTRAIT = { marketing: 'curls-cardigan', sales: 'beard-crop' } as const satisfies Record<'marketing' | 'sales', Portrait>;
