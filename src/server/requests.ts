// Every request body the server accepts, as a strict schema: unknown fields, wrong types and
// out-of-range values are refused with the field named, before any handler runs.
import * as z from 'zod/mini';
import { stepSchema } from '../replay/replay';
import { MAX_CODE_CHARS } from '../scoreboard/index';
import { MISSED_RULES, PACINGS } from './heat-log';
import { refuse } from './errors';

const quarter = z.int().check(z.gte(1), z.lte(100));

export const createWorkshopBody = z.strictObject({
  scenario: z.string().check(z.minLength(1), z.maxLength(100)),
  seed: z.optional(z.int().check(z.gte(0), z.lte(2 ** 31 - 1))),
  pacing: z.enum(PACINGS),
  missed: z.optional(z.enum(MISSED_RULES)),
  groups: z.optional(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(500))),
  hold: z.optional(z.boolean()),
});

export const joinBody = z.strictObject({
  code: z.string().check(z.minLength(1), z.maxLength(40)),
  name: z.string().check(z.maxLength(200)),
});

export const submitBody = z.strictObject({ quarter, step: stepSchema });
export const roundBody = z.strictObject({ quarter });
export const releaseBody = z.strictObject({ quarter: z.int().check(z.gte(0), z.lte(100)) });
export const emptyBody = z.strictObject({});
export const deadlineBody = z.strictObject({
  quarter,
  /** Minutes from now; null clears the deadline. */
  minutes: z.nullable(z.number().check(z.gt(0), z.lte(24 * 60))),
});
export const codeBody = z.strictObject({ code: z.string().check(z.minLength(1), z.maxLength(MAX_CODE_CHARS)) });

/** A live-channel message from a client. */
export const liveMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('hello'), token: z.string().check(z.minLength(1), z.maxLength(200)), audience: z.optional(z.enum(['instructor', 'projector'])) }),
  z.strictObject({ type: z.literal('ping') }),
]);

/** Parses a body by its schema, or refuses it naming the first field that is wrong. */
export function parseBody<T>(schema: z.ZodMiniType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.length > 0 ? issue.path.join('.') : '(body)';
  return refuse('bad-request', `field ${field}: ${issue.message}`, { field });
}
