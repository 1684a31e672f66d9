// How the running game is played: alone, as a group that joined a workshop heat, as one group of a
// hot-seat round on this device, or against a ghost group's recorded decisions. The session keeps
// it beside the game (and in localStorage, so Continue after a reload still knows the group);
// the final results read it to make the group's result code. It is saved in the game's own save
// slot (src/app/save.ts); PLAY_AS_KEY is where version 2 of the saves kept it, read when such a
// save is moved into its slot.
import * as z from 'zod/mini';
import { MAX_SEED, groupNameProblem } from '../scoreboard/index';

export const PLAY_AS_KEY = 'marketing-and-sales.play-as';

const groupName = z.string().check(z.refine((name) => groupNameProblem(name) === null));

export const playAsSchema = z.strictObject({
  /** join: a group on its own device; hot-seat: groups take turns on this one; solo: no group. */
  mode: z.enum(['join', 'hot-seat', 'solo']),
  /** The group's name, which goes in its result code; null when played alone. */
  group: z.nullable(groupName),
  scenarioId: z.string().check(z.minLength(1), z.maxLength(100)),
  seed: z.int().check(z.gte(0), z.lte(MAX_SEED)),
  heatCode: z.nullable(z.string().check(z.maxLength(40))),
  /** Another group's game shown beside this one, quarter by quarter. */
  ghost: z.nullable(z.strictObject({ group: z.string().check(z.maxLength(240)), code: z.string().check(z.maxLength(8000)) })),
});

export type PlayAs = z.infer<typeof playAsSchema>;

export function writePlayAs(storage: Storage, playAs: PlayAs | null): void {
  try {
    if (playAs === null) storage.removeItem(PLAY_AS_KEY);
    else storage.setItem(PLAY_AS_KEY, JSON.stringify(playAs));
  } catch {
    // Storage full or disabled: the game goes on; only a reload would forget the group.
  }
}

/** The stored play for a game of `scenarioId` and `seed`; null when there is none that fits. */
export function readPlayAs(storage: Storage, scenarioId: string, seed: number): PlayAs | null {
  try {
    const text = storage.getItem(PLAY_AS_KEY);
    if (text === null) return null;
    const parsed = playAsSchema.safeParse(JSON.parse(text));
    if (!parsed.success || parsed.data.scenarioId !== scenarioId || parsed.data.seed !== seed) return null;
    return parsed.data;
  } catch {
    return null;
  }
}
