// The save slot as the session uses it: a game saved at the dispute resumes at the same sitting,
// and a save that cannot be resumed — an older format, or a dispute without its sitting — is
// reported, kept under another key and never half-loaded.
import { describe, expect, it } from 'vitest';
import { disputeSitting, phaseOf } from '../../src/flow/index';
import { REJECTED_KEY_PREFIX, SAVE_KEY } from '../../src/app/save';
import { GameSession } from '../../src/app/session';
import { botNamed, playBot } from '../../src/sim/index';
import { eventsFor, scenario } from '../flow/support';
import { MemoryStorage } from './memory-storage';

const played = playBot(scenario, 1, botNamed('balanced')!);
const events = eventsFor(played.steps);

/** A session played up to the dispute's opening (the first DISPUTE_NEXT not yet sent). */
function atDispute(storage: Storage): GameSession {
  const session = new GameSession(storage);
  session.newGame(scenario, 1);
  for (const event of events) {
    if (phaseOf(session.snapshot()!) === 'dispute') break;
    session.bus.emit('flow', event);
  }
  expect(phaseOf(session.snapshot()!)).toBe('dispute');
  return session;
}

function kept(storage: MemoryStorage): string[] {
  const values: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i)!;
    if (key.startsWith(REJECTED_KEY_PREFIX)) values.push(storage.getItem(key)!);
  }
  return values;
}

describe('the session’s save slot', () => {
  it('resumes a game saved at the dispute at the same sitting', () => {
    const storage = new MemoryStorage();
    atDispute(storage).stop();
    const again = new GameSession(storage);
    expect(again.inspectSave()).toMatchObject({ status: 'ok' });
    expect(again.continueGame()).toBe(true);
    expect(phaseOf(again.snapshot()!)).toBe('dispute');
  });

  it.for([
    ['a save from the previous format', (envelope: Record<string, unknown>) => ({ ...envelope, version: 1 }), /another version of the game \(save format 1/],
    [
      'a dispute saved without its sitting',
      (envelope: Record<string, unknown>) => {
        const snapshot = envelope.snapshot as { children: Record<string, unknown> };
        return { ...envelope, snapshot: { ...snapshot, children: {} } };
      },
      /could not be resumed/,
    ],
  ] as const)('sets aside %s, says why and starts nothing', ([, damage, reason]) => {
    const storage = new MemoryStorage();
    atDispute(storage).stop();
    const bad = JSON.stringify(damage(JSON.parse(storage.getItem(SAVE_KEY)!) as Record<string, unknown>));
    storage.setItem(SAVE_KEY, bad);
    const session = new GameSession(storage);
    const status = session.inspectSave();
    expect(status.status).toBe('rejected');
    expect(status.status === 'rejected' && status.message).toMatch(reason);
    expect(storage.getItem(SAVE_KEY)).toBeNull();
    expect(kept(storage)).toEqual([bad]);
    expect(session.continueGame()).toBe(false);
    expect(session.snapshot()).toBeNull();
  });

  // Saves of the game's first versions hold the refusal's words where the flow now keeps the
  // model's refusal: such a save still opens and plays to the end, with nothing refused yet.
  it.for([
    [
      'planning',
      (snapshot: { context: Record<string, unknown> }) => {
        snapshot.context.rejection = 'Over budget: 11 effort points planned, 10 available this quarter.';
      },
    ],
    [
      'the dispute',
      (snapshot: { context: Record<string, unknown>; children: Record<string, { snapshot: { context: Record<string, unknown> } }> }) => {
        snapshot.context.rejection = null;
        snapshot.children.dispute!.snapshot.context.rejection = 'Unknown way to settle the dispute: "later". Choose one of: discontinue, keep, reprice, phase-out, investigate, joint-meeting.';
      },
    ],
  ] as const)('resumes a save taken at %s whose refusal is a sentence, and plays it to the end', ([where, wordy]) => {
    const storage = new MemoryStorage();
    const first = new GameSession(storage);
    first.newGame(scenario, 1);
    let sent = 0;
    const stopAt = where === 'planning' ? 'planning' : 'dispute';
    if (stopAt === 'planning') first.bus.emit('flow', events[sent++]!);
    else while (phaseOf(first.snapshot()!) !== 'dispute') first.bus.emit('flow', events[sent++]!);
    expect(phaseOf(first.snapshot()!)).toBe(stopAt);
    first.stop();
    const envelope = JSON.parse(storage.getItem(SAVE_KEY)!) as { snapshot: never };
    wordy(envelope.snapshot);
    storage.setItem(SAVE_KEY, JSON.stringify(envelope));

    const again = new GameSession(storage);
    expect(again.inspectSave()).toMatchObject({ status: 'ok' });
    expect(again.continueGame()).toBe(true);
    const resumed = again.snapshot()!;
    expect(phaseOf(resumed)).toBe(stopAt);
    expect(resumed.context.rejection).toBeNull();
    const sitting = disputeSitting(resumed);
    if (sitting) expect(sitting.context.rejection).toBeNull();
    for (const event of events.slice(sent)) again.bus.emit('flow', event);
    const end = again.snapshot()!;
    expect(end.status).toBe('done');
    expect(end.context.steps).toStrictEqual(played.steps);
    expect(end.context.game).toStrictEqual(played.state);
  });
});
