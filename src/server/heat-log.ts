// The events of a heat's append-only log, the one truth the server keeps: every figure it shows
// is folded from them by the deterministic model (./heat-state). Each event is stored as JSON
// and checked against this schema when read back, so a damaged row is named, not guessed at.
import * as z from 'zod/mini';
import { stepSchema } from '../replay/replay';
import { MISSED_RULES, PACINGS } from '../scoreboard/live-wire';

export { MISSED_RULES, PACINGS, type MissedRule, type Pacing } from '../scoreboard/live-wire';

const hash = z.string().check(z.regex(/^[0-9a-f]{64}$/));
const quarter = z.int().check(z.gte(1), z.lte(100));

export const heatEventSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('created'),
    scenarioId: z.string(),
    scenarioHash: z.string(),
    seed: z.int(),
    pacing: z.enum(PACINGS),
    missed: z.enum(MISSED_RULES),
    /** Groups named by the instructor in advance; empty for open joining. */
    groups: z.array(z.string()),
    /** Results of closed rounds wait for the instructor's release before groups and the projector see them. */
    hold: z.boolean(),
    secretHash: hash,
  }),
  z.strictObject({ kind: z.literal('joined'), name: z.string(), tokenHash: hash }),
  z.strictObject({ kind: z.literal('submitted'), group: z.int(), quarter, step: stepSchema }),
  z.strictObject({ kind: z.literal('closed'), quarter }),
  z.strictObject({ kind: z.literal('rolled-back'), quarter }),
  z.strictObject({ kind: z.literal('paused') }),
  z.strictObject({ kind: z.literal('resumed') }),
  /** A deadline for the open round (an ISO time), or none. */
  z.strictObject({ kind: z.literal('deadline'), quarter, at: z.nullable(z.string()) }),
  z.strictObject({ kind: z.literal('released'), quarter: z.int().check(z.gte(0), z.lte(100)) }),
  /** A result code from offline play, added to the live board. */
  z.strictObject({ kind: z.literal('code-added'), code: z.string() }),
]);

export type HeatEvent = z.infer<typeof heatEventSchema>;
export type HeatEventKind = HeatEvent['kind'];

/** A stored event that does not read back: names the heat and the row. */
export class HeatLogError extends Error {}

export function parseStoredEvent(heatId: string, seq: number, body: string): HeatEvent {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw new HeatLogError(`heat ${heatId}, event ${seq}: the stored event is not JSON (${(error as Error).message})`);
  }
  const parsed = heatEventSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HeatLogError(`heat ${heatId}, event ${seq}: field ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return parsed.data;
}
