// Secrets: the instructor's and each group's token are 256 random bits, shown once, and only
// their SHA-256 is logged, so the database alone lets nobody act for anyone. Workshop ids are
// short Crockford base32 codes a group can type.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { CROCKFORD } from '../scoreboard/codec';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether `token` is the one whose hash is `hash`, in time that does not depend on where they differ. */
export function tokenMatches(token: string, hash: string): boolean {
  const a = Buffer.from(tokenHash(token), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A workshop's join code: eight symbols shown as XXXX-XXXX (40 bits, so guessing one is hopeless at any request rate). */
export function newWorkshopId(): string {
  let id = '';
  for (let i = 0; i < 8; i++) id += CROCKFORD[randomInt(32)];
  return `${id.slice(0, 4)}-${id.slice(4)}`;
}

/** A typed code made canonical: upper case, Crockford's look-alikes read as digits, one dash. */
export function normaliseCode(text: string): string {
  const bare = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return bare.length === 8 ? `${bare.slice(0, 4)}-${bare.slice(4)}` : bare.length === 10 ? `${bare.slice(0, 5)}-${bare.slice(5)}` : bare;
}
