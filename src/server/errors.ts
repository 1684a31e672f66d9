// The server's refusals as codes with data: each says what was refused and why, with the HTTP
// status it travels under. A handler throws one; the HTTP layer turns it into
// `{error: code, message, ...details}` and never into a stack trace.

export const REFUSAL_STATUS = {
  'bad-request': 400,
  unauthorised: 401,
  forbidden: 403,
  'not-found': 404,
  'unknown-scenario': 404,
  'name-taken': 409,
  'name-not-listed': 409,
  'wrong-quarter': 409,
  'round-closed': 409,
  'nothing-to-roll-back': 409,
  paused: 409,
  'not-paused': 409,
  finished: 409,
  'not-instructor-paced': 409,
  'refused-by-model': 422,
  'bad-name': 422,
  'bad-deadline': 422,
  'too-large': 413,
} as const;

export type ServerRefusalCode = keyof typeof REFUSAL_STATUS;

export class ServerRefusal extends Error {
  readonly status: number;
  constructor(
    readonly code: ServerRefusalCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.status = REFUSAL_STATUS[code];
  }
}

export const refuse = (code: ServerRefusalCode, message: string, details?: Record<string, unknown>): never => {
  throw new ServerRefusal(code, message, details);
};
