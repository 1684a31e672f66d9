// The running game: owns the XState actor, relays scene requests from the bus to it and its
// snapshots back, and keeps the game's own save slot current (src/app/save.ts), holding the
// slot's lock (src/app/slot-locks.ts) so no other tab plays the same game at the same time.
// Scenes never hold the actor; they read snapshots and send events, so every rule stays in the
// flow and the model.
import { createActor } from 'xstate';
import { useCurrencyOf } from '../scenario/currency';
import {
  disputeSitting,
  gameMachine,
  phaseOf,
  resumeGameActor,
  type GameFlowActor,
  type GameFlowEvent,
  type GameFlowSnapshot,
  type Phase,
} from '../flow/index';
import type { Scenario, Step } from '../sim/index';
import { TypedBus } from './bus';
import { ForecastClient } from './forecast-client';
import type { PlayAs } from './play-as';
import { deleteSlot, migrateLegacySave, readSlot, setAside, slotKey, slotKeys, slotOf, writeSlot, type SavedGame, type SlotId } from './save';
import { DELETE_OPEN_ELSEWHERE, OPEN_ELSEWHERE, SAVE_GONE, rejectedSave, savedAlready, type RejectedSave } from './save-text';
import { soloSlotLocks, type SlotLocks } from './slot-locks';

export type { SavedGame } from './save';

/** Every message between the scenes and the session, with its payload. */
export interface AppEvents {
  /** A scene asks the game to do something (the flow machine's own events). */
  flow: GameFlowEvent;
  /** The game changed: every scene showing it redraws from this. */
  snapshot: GameFlowSnapshot;
  /** A new game or a resumed one has started: the director opens the phase's scene. */
  started: GameFlowSnapshot;
  /** The game's phase changed (planning → review, …): the director switches scenes. */
  phase: { phase: Phase; snapshot: GameFlowSnapshot };
}

export interface SaveList {
  /** Most recently played first. */
  games: SavedGame[];
  rejected: RejectedSave[];
}

/**
 * Whether a game could be opened: not when another tab plays it, when its save has gone, or — for
 * a new game — when that game is saved already (`key`: continue it, or start again with replace).
 */
export type Opened =
  | { ok: true }
  | { ok: false; reason: 'open-elsewhere' | 'gone'; message: string }
  | { ok: false; reason: 'saved'; message: string; key: string };

export class GameSession {
  readonly bus = new TypedBus<AppEvents>();
  /** The planning screen's forecast, played off the page's thread (src/app/forecast-client.ts). */
  readonly forecasts = new ForecastClient();
  private actor: GameFlowActor | null = null;
  private unsubscribeActor: (() => void) | null = null;
  private lastPhase: Phase | null = null;
  /** The slot the running game saves to, and whose lock this page holds; null when none runs. */
  private slot: SlotId | null = null;
  /** How the running game is played (a workshop group, a ghost beside it); null when alone. */
  playAs: PlayAs | null = null;

  constructor(
    private readonly storage: Storage,
    private readonly locks: SlotLocks = soloSlotLocks(),
    /** The clock the saves are ordered by (the app's, never the model's). */
    private readonly now: () => number = () => Date.now(),
  ) {
    this.bus.on('flow', (event) => this.actor?.send(event));
  }

  snapshot(): GameFlowSnapshot | null {
    return this.actor?.getSnapshot() ?? null;
  }

  /** The keys of every save slot, unchecked (in key order). */
  slotKeys(): string[] {
    return slotKeys(this.storage);
  }

  /** The key of the running game's slot; null when no game runs. */
  currentSlot(): string | null {
    return this.slot ? slotKey(this.slot) : null;
  }

  /**
   * Starts a game from quarters already played elsewhere (a live workshop server's record of a
   * group), past the briefing when any were played. It takes the slot of that game whatever is
   * saved there: the server's record is the truth, and the device's copy is brought in line.
   */
  async startFromSteps(scenario: Scenario, seed: number, steps: readonly Step[], playAs: PlayAs | null): Promise<Opened> {
    const slot = slotOf(scenario.id, seed, playAs);
    if (!(await this.locks.claim(slotKey(slot)))) return { ok: false, reason: 'open-elsewhere', message: OPEN_ELSEWHERE };
    this.take(slot);
    this.playAs = playAs;
    const actor = createActor(gameMachine, { input: { scenario, seed, steps } });
    this.run(actor);
    if (steps.length > 0) actor.send({ type: 'START' });
    return { ok: true };
  }

  /**
   * Starts a new game in its own slot: the slot of this scenario, seed and way of playing. Every
   * other game's slot stays as it is. Refused, with the reason in words, when another tab plays
   * the game of that slot, and — unless `replace` — when that very game is saved already, so a
   * game is never replaced unasked.
   */
  async newGame(scenario: Scenario, seed: number, playAs: PlayAs | null = null, options: { replace?: boolean } = {}): Promise<Opened> {
    const slot = slotOf(scenario.id, seed, playAs);
    const key = slotKey(slot);
    if (!(await this.locks.claim(key))) return { ok: false, reason: 'open-elsewhere', message: OPEN_ELSEWHERE };
    let saved = readSlot(this.storage, key);
    // A save there that cannot be used is kept under a key of its own, never written over.
    if (saved.status === 'bad' && setAside(this.storage, key) !== null) saved = { status: 'none' };
    if (!options.replace && saved.status !== 'none') {
      if (key !== this.currentSlot()) this.locks.release(key);
      return { ok: false, reason: 'saved', message: savedAlready(slot, saved.status === 'ok' ? saved.envelope.summary : null), key };
    }
    this.take(slot);
    this.playAs = playAs;
    this.run(createActor(gameMachine, { input: { scenario, seed } }));
    return { ok: true };
  }

  /**
   * Lists the saved games. A version-2 save is first moved into its slot. A save that cannot be
   * resumed (damaged, another version, a state the machine does not know) is set aside under its
   * own key and reported, never resumed half-way.
   */
  listSaves(): SaveList {
    const rejected: RejectedSave[] = [];
    const migration = migrateLegacySave(this.storage, this.now());
    if (migration.status === 'bad') rejected.push(rejectedSave(migration.reason, migration.keptUnder, null));
    const games: SavedGame[] = [];
    for (const key of slotKeys(this.storage)) {
      const read = readSlot(this.storage, key);
      if (read.status === 'none') continue;
      if (read.status === 'ok') {
        const probe = this.tryResume(read.envelope.snapshot);
        if (probe) {
          const context = probe.getSnapshot().context;
          games.push({
            key,
            slot: read.envelope.slot,
            title: context.scenario.title,
            quarter: Math.min(context.game.quarter, context.scenario.quarters),
            quarters: context.scenario.quarters,
            finished: context.game.finished,
            savedAt: read.envelope.savedAt,
          });
          probe.stop();
          continue;
        }
      }
      // The running game's own slot is never set aside under it (it is being written).
      if (key === this.currentSlot()) continue;
      const reason = read.status === 'bad' ? read.reason : 'the saved game could not be resumed';
      rejected.push(rejectedSave(reason, setAside(this.storage, key), read.status === 'ok' ? read.envelope.summary.scenarioTitle : null));
    }
    games.sort((a, b) => b.savedAt - a.savedAt || (a.key < b.key ? -1 : 1));
    return { games, rejected };
  }

  /** Resumes the game saved in slot `key`; refused when another tab plays it or the save cannot be used. */
  async continueGame(key: string): Promise<Opened> {
    if (!(await this.locks.claim(key))) return { ok: false, reason: 'open-elsewhere', message: OPEN_ELSEWHERE };
    const read = readSlot(this.storage, key);
    const actor = read.status === 'ok' ? this.tryResume(read.envelope.snapshot) : null;
    if (read.status !== 'ok' || !actor) {
      if (key !== this.currentSlot()) this.locks.release(key);
      return { ok: false, reason: 'gone', message: SAVE_GONE };
    }
    this.take(read.envelope.slot);
    this.playAs = read.envelope.playAs;
    this.run(actor, true);
    return { ok: true };
  }

  /** Deletes the game saved in slot `key`; refused when another tab plays it. */
  async deleteGame(key: string): Promise<Opened> {
    if (key === this.currentSlot()) {
      this.stop();
      deleteSlot(this.storage, key);
      return { ok: true };
    }
    if (!(await this.locks.claim(key))) return { ok: false, reason: 'open-elsewhere', message: DELETE_OPEN_ELSEWHERE };
    deleteSlot(this.storage, key);
    this.locks.release(key);
    return { ok: true };
  }

  /** The slots another tab plays now (the title screen says so beside them). */
  openElsewhere(): Promise<Set<string>> {
    return this.locks.heldElsewhere();
  }

  /** Stops the running game (back to the title); its save stays for Continue, and other tabs may open it. */
  stop(): void {
    this.stopActor();
    if (this.slot) this.locks.release(slotKey(this.slot));
    this.slot = null;
  }

  /** Stops the running game and deletes its save (a hot-seat game handed over: its code is collected). */
  putAway(): void {
    const key = this.currentSlot();
    this.stop();
    if (key) deleteSlot(this.storage, key);
  }

  /** Makes `slot` the running game's slot, freeing the lock of the one before (its lock is already claimed). */
  private take(slot: SlotId): void {
    const key = slotKey(slot);
    const before = this.currentSlot();
    this.stopActor();
    if (before && before !== key) this.locks.release(before);
    this.slot = slot;
  }

  private stopActor(): void {
    this.unsubscribeActor?.();
    this.unsubscribeActor = null;
    this.actor?.stop();
    this.actor = null;
    this.lastPhase = null;
  }

  private tryResume(saved: unknown): GameFlowActor | null {
    try {
      const actor = resumeGameActor(saved as Parameters<typeof resumeGameActor>[0]);
      // Without an error observer XState rethrows a failed restore later, outside this try.
      let failed = false;
      const probe = actor.subscribe({ error: () => (failed = true) });
      actor.start();
      probe.unsubscribe();
      if (failed) return null;
      const snapshot = actor.getSnapshot();
      const context = snapshot.context;
      // A snapshot from another shape of machine restores without complaint but lands nowhere.
      const known = (['briefing', 'planning', 'review', 'dispute', 'finished'] as const).some((p) =>
        p === 'planning' ? snapshot.matches({ quarter: 'planning' }) : p === 'review' ? snapshot.matches({ quarter: 'review' }) : snapshot.matches(p),
      );
      // A save taken at the dispute must bring the sitting with it, or the dispute screen has nothing to show.
      const sittingLost = snapshot.matches('dispute') && disputeSitting(snapshot) === null;
      if (snapshot.status === 'error' || !known || sittingLost || !Array.isArray(context.draft) || !Array.isArray(context.game?.history)) {
        actor.stop();
        return null;
      }
      return actor;
    } catch {
      return null;
    }
  }

  private run(actor: GameFlowActor, alreadyStarted = false): void {
    this.stopActor();
    this.actor = actor;
    useCurrencyOf(actor.getSnapshot().context.scenario);
    const subscription = actor.subscribe({
      next: (snapshot) => this.onSnapshot(snapshot),
      // A model error must not kill the page silently: it reaches the console and the tests.
      error: (error) => console.error('The game stopped on an error:', error),
    });
    this.unsubscribeActor = () => subscription.unsubscribe();
    if (!alreadyStarted) actor.start();
    const snapshot = actor.getSnapshot();
    this.lastPhase = phaseOf(snapshot);
    this.save(snapshot);
    this.bus.emit('started', snapshot);
  }

  private onSnapshot(snapshot: GameFlowSnapshot): void {
    const phase = phaseOf(snapshot);
    // Saved at every change: each quarter, each dispute step and each edit of the quarter's
    // draft, so a reload mid-planning brings the half-made plan back.
    this.save(snapshot);
    this.bus.emit('snapshot', snapshot);
    if (phase !== this.lastPhase) {
      this.lastPhase = phase;
      this.bus.emit('phase', { phase, snapshot });
    }
  }

  private save(snapshot: GameFlowSnapshot): void {
    if (!this.actor || !this.slot) return;
    const context = snapshot.context;
    writeSlot(this.storage, {
      slot: this.slot,
      summary: { scenarioTitle: context.scenario.title, quarter: context.game.quarter, quarters: context.scenario.quarters, finished: context.game.finished },
      savedAt: this.now(),
      playAs: this.playAs,
      snapshot: this.actor.getPersistedSnapshot(),
    });
  }
}
