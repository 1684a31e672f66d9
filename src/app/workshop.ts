// The instructor's workshop on this device: the heat (scenario, seed, heat code), the groups, the
// result codes collected so far and whether groups may see the board. Kept in localStorage under
// one key in a zod-checked envelope; a value that cannot be read (damaged, hand-edited, from
// another version) is never dropped and never crashes the page: it is moved under a key of its
// own, like a rejected save (src/app/save.ts), and the screen says so in words.
import * as z from 'zod/mini';
import { MAX_CODE_CHARS, MAX_SEED, decodeResultCode, groupNameProblem, makeHeatCode } from '../scoreboard/index';
import type { Scenario } from '../sim/index';

export const WORKSHOP_KEY = 'marketing-and-sales.workshop';
export const REJECTED_WORKSHOP_PREFIX = 'marketing-and-sales.rejected-workshop.';
export const WORKSHOP_FORMAT = 'marketing-and-sales-workshop';
export const WORKSHOP_VERSION = 1;
export const MIN_GROUPS = 1;
export const MAX_GROUPS = 12;
/** More codes than any workshop collects; a bound so a damaged value cannot fill the page. */
export const MAX_CODES = 500;

const groupName = z.string().check(
  z.superRefine((name, ctx) => {
    const problem = groupNameProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: name });
  }),
);

export const workshopSchema = z.strictObject({
  format: z.literal(WORKSHOP_FORMAT),
  version: z.literal(WORKSHOP_VERSION),
  scenarioId: z.string().check(z.minLength(1), z.maxLength(100)),
  seed: z.int().check(z.gte(0), z.lte(MAX_SEED)),
  heatCode: z.string().check(z.regex(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/)),
  groups: z.array(groupName).check(z.minLength(MIN_GROUPS), z.maxLength(MAX_GROUPS)),
  /** Result codes handed in or collected after hot-seat games, in the order they came. */
  codes: z.array(z.string().check(z.maxLength(MAX_CODE_CHARS))).check(z.maxLength(MAX_CODES)),
  groupsMaySeeBoard: z.boolean(),
});

export type Workshop = z.infer<typeof workshopSchema>;

export type ReadWorkshop =
  | { status: 'none' }
  | { status: 'ok'; workshop: Workshop }
  /** The stored value could not be used; it was set aside under `keptUnder` (null if it could not be). */
  | { status: 'rejected'; message: string; keptUnder: string | null };

/** Reads the workshop; an unusable value is set aside and reported, never thrown. */
export function readWorkshop(storage: Storage): ReadWorkshop {
  let text: string | null;
  try {
    text = storage.getItem(WORKSHOP_KEY);
  } catch {
    return { status: 'none' };
  }
  if (text === null) return { status: 'none' };
  let reason: string;
  try {
    const parsed = workshopSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { status: 'ok', workshop: parsed.data };
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? ` (field ${issue.path.join('.')})` : '';
    const value = JSON.parse(text) as { format?: unknown; version?: unknown } | null;
    if (typeof value !== 'object' || value === null || value.format !== WORKSHOP_FORMAT) reason = 'it is not in a format this version knows';
    else if (value.version !== WORKSHOP_VERSION) reason = `it comes from another version of the game (workshop format ${String(value.version)}, this game reads ${WORKSHOP_VERSION})`;
    else reason = `it is damaged: ${issue.message}${where}`;
  } catch {
    reason = 'it is damaged (it is not readable JSON)';
  }
  const keptUnder = setAside(storage, text);
  return {
    status: 'rejected',
    message: `The saved workshop could not be opened: ${reason}. Set up the workshop again${keptUnder ? `; the old value is kept in this browser under “${keptUnder}”` : ''}.`,
    keptUnder,
  };
}

function setAside(storage: Storage, text: string): string | null {
  try {
    let n = 1;
    while (storage.getItem(`${REJECTED_WORKSHOP_PREFIX}${n}`) !== null) n++;
    const key = `${REJECTED_WORKSHOP_PREFIX}${n}`;
    storage.setItem(key, text);
    storage.removeItem(WORKSHOP_KEY);
    return key;
  } catch {
    // Storage full or disabled: leave the value where it is rather than lose it.
    return null;
  }
}

/** Writes the workshop; false when the browser's storage refused it (full, disabled). */
export function writeWorkshop(storage: Storage, workshop: Workshop): boolean {
  try {
    storage.setItem(WORKSHOP_KEY, JSON.stringify(workshopSchema.parse(workshop)));
    return true;
  } catch {
    return false;
  }
}

export function clearWorkshop(storage: Storage): void {
  try {
    storage.removeItem(WORKSHOP_KEY);
  } catch {
    // Nothing to do: a storage that cannot be written holds no workshop either.
  }
}

const nameKey = (name: string) => name.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

/** The default name of group `i` (0-based): Group A, Group B, … */
export function defaultGroupName(i: number): string {
  return i < 26 ? `Group ${String.fromCharCode(65 + i)}` : `Group ${i + 1}`;
}

/** One problem per name (null when it is fine): the result code's rules, and no two alike. */
export function groupProblems(names: readonly string[]): (string | null)[] {
  return names.map((name, i) => {
    const problem = groupNameProblem(name);
    if (problem) return problem;
    const first = names.findIndex((other) => nameKey(other) === nameKey(name));
    return first < i ? `the same name as group ${first + 1}; every group needs its own name` : null;
  });
}

/**
 * A new workshop for a scenario and seed with these groups, or the problems that stop it (one
 * per group name, null where the name is fine, and a general one for the seed).
 */
export function createWorkshop(
  scenario: Scenario,
  seed: number,
  groups: readonly string[],
  options: { codes?: readonly string[]; groupsMaySeeBoard?: boolean } = {},
): { ok: true; workshop: Workshop } | { ok: false; seedProblem: string | null; groupProblems: (string | null)[] } {
  const seedProblem = Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED ? null : `the seed is a whole number from 0 to ${MAX_SEED}`;
  const problems = groupProblems(groups);
  const countProblem = groups.length < MIN_GROUPS || groups.length > MAX_GROUPS;
  if (seedProblem || countProblem || problems.some((p) => p !== null)) {
    return { ok: false, seedProblem: seedProblem ?? (countProblem ? `a workshop has ${MIN_GROUPS} to ${MAX_GROUPS} groups` : null), groupProblems: problems };
  }
  return {
    ok: true,
    workshop: {
      format: WORKSHOP_FORMAT,
      version: WORKSHOP_VERSION,
      scenarioId: scenario.id,
      seed,
      heatCode: makeHeatCode(scenario, seed),
      groups: [...groups],
      codes: [...(options.codes ?? [])],
      groupsMaySeeBoard: options.groupsMaySeeBoard ?? false,
    },
  };
}

/** Whether a pasted line is too long to be any result code (it is not stored: a cut copy would be rejected for the wrong reason). */
export function tooLongForCode(raw: string): boolean {
  return raw.trim().length > MAX_CODE_CHARS;
}

/** Adds codes (whitespace trimmed; empty lines, codes already there and lines too long to be a code skipped). */
export function withCodes(workshop: Workshop, codes: readonly string[]): Workshop {
  const next = [...workshop.codes];
  for (const raw of codes) {
    const code = raw.trim();
    if (code.length === 0 || tooLongForCode(code) || next.includes(code) || next.length >= MAX_CODES) continue;
    next.push(code);
  }
  return { ...workshop, codes: next };
}

/** The group named in a code, or null when the code cannot be read that far. */
export function groupOfCode(code: string): string | null {
  try {
    return decodeResultCode(code).group;
  } catch {
    return null;
  }
}

/** The groups whose code is not collected yet, in the workshop's order (the hot-seat queue). */
export function groupsStillToPlay(workshop: Workshop): string[] {
  const done = new Set(workshop.codes.map(groupOfCode).filter((g): g is string => g !== null).map(nameKey));
  return workshop.groups.filter((g) => !done.has(nameKey(g)));
}

/** A fresh seed for a new heat. Randomness belongs here, in the app, never in the model. */
export function randomSeed(random: () => number = Math.random): number {
  return Math.floor(random() * (MAX_SEED + 1));
}

/** Splits pasted or file text into codes: one per line, blank lines ignored. */
export function splitCodes(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}
