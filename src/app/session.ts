// The running game: owns the XState actor, relays scene requests from the bus to it and its
// snapshots back, and keeps the save slot current. Scenes never hold the actor; they read
// snapshots and send events, so every rule stays in the flow and the model.
import { createActor } from 'xstate';
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
import { readPlayAs, writePlayAs, type PlayAs } from './play-as';
import { clearSave, readSave, setAsideSave, writeSave } from './save';

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

export type SaveStatus =
  | { status: 'none' }
  | { status: 'ok'; title: string; quarter: number; quarters: number; finished: boolean }
  | { status: 'rejected'; message: string; keptUnder: string | null };

export class GameSession {
  readonly bus = new TypedBus<AppEvents>();
  private actor: GameFlowActor | null = null;
  private unsubscribeActor: (() => void) | null = null;
  private lastPhase: Phase | null = null;
  private lastQuarter = 0;
  /** How the running game is played (a workshop group, a ghost beside it); null when alone. */
  playAs: PlayAs | null = null;

  constructor(private readonly storage: Storage) {
    this.bus.on('flow', (event) => this.actor?.send(event));
  }

  snapshot(): GameFlowSnapshot | null {
    return this.actor?.getSnapshot() ?? null;
  }

  newGame(scenario: Scenario, seed: number, playAs: PlayAs | null = null): void {
    clearSave(this.storage);
    this.playAs = playAs;
    writePlayAs(this.storage, playAs);
    this.run(createActor(gameMachine, { input: { scenario, seed } }));
  }

  /**
   * Starts a game from quarters already played elsewhere (a live workshop server's record of a
   * group), past the briefing when any were played.
   */
  startFromSteps(scenario: Scenario, seed: number, steps: readonly Step[], playAs: PlayAs | null): void {
    clearSave(this.storage);
    this.playAs = playAs;
    writePlayAs(this.storage, playAs);
    const actor = createActor(gameMachine, { input: { scenario, seed, steps } });
    this.run(actor);
    if (steps.length > 0) actor.send({ type: 'START' });
  }

  /**
   * Looks at the save slot. A save that cannot be resumed (damaged, another version, a state the
   * machine does not know) is set aside under its own key and reported, never resumed half-way.
   */
  inspectSave(): SaveStatus {
    const read = readSave(this.storage);
    if (read.status === 'none') return read;
    if (read.status === 'ok') {
      const probe = this.tryResume(read.envelope.snapshot);
      if (probe) {
        const context = probe.getSnapshot().context;
        const result: SaveStatus = {
          status: 'ok',
          title: context.scenario.title,
          quarter: Math.min(context.game.quarter, context.scenario.quarters),
          quarters: context.scenario.quarters,
          finished: context.game.finished,
        };
        probe.stop();
        return result;
      }
    }
    const reason = read.status === 'bad' ? read.reason : 'the saved game could not be resumed';
    const keptUnder = setAsideSave(this.storage);
    return {
      status: 'rejected',
      message: `Your saved game could not be opened: ${reason}. A new game starts instead${keptUnder ? '; the old save is kept in this browser under “' + keptUnder + '”' : ''}.`,
      keptUnder,
    };
  }

  /** Resumes the saved game; false when there is none it can use (inspectSave says why). */
  continueGame(): boolean {
    const read = readSave(this.storage);
    if (read.status !== 'ok') return false;
    const actor = this.tryResume(read.envelope.snapshot);
    if (!actor) return false;
    const { scenario, game } = actor.getSnapshot().context;
    this.playAs = readPlayAs(this.storage, scenario.id, game.seed);
    this.run(actor, true);
    return true;
  }

  /** Stops the running game (back to the title); its save stays for Continue. */
  stop(): void {
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
    this.stop();
    this.actor = actor;
    const subscription = actor.subscribe({
      next: (snapshot) => this.onSnapshot(snapshot),
      // A model error must not kill the page silently: it reaches the console and the tests.
      error: (error) => console.error('The game stopped on an error:', error),
    });
    this.unsubscribeActor = () => subscription.unsubscribe();
    if (!alreadyStarted) actor.start();
    const snapshot = actor.getSnapshot();
    this.lastPhase = phaseOf(snapshot);
    this.lastQuarter = snapshot.context.game.quarter;
    this.save(snapshot);
    this.bus.emit('started', snapshot);
  }

  private onSnapshot(snapshot: GameFlowSnapshot): void {
    const phase = phaseOf(snapshot);
    const quarter = snapshot.context.game.quarter;
    // Saved at every change of phase or quarter: after each quarter and each dispute decision.
    // Draft edits are not saved; a reload mid-planning starts the quarter's plan afresh.
    const moved = phase !== this.lastPhase || quarter !== this.lastQuarter;
    if (moved) this.save(snapshot);
    this.bus.emit('snapshot', snapshot);
    if (phase !== this.lastPhase) {
      this.lastPhase = phase;
      this.lastQuarter = quarter;
      this.bus.emit('phase', { phase, snapshot });
    }
    this.lastQuarter = quarter;
  }

  private save(snapshot: GameFlowSnapshot): void {
    if (!this.actor) return;
    const context = snapshot.context;
    writeSave(this.storage, {
      summary: { scenarioTitle: context.scenario.title, quarter: context.game.quarter, quarters: context.scenario.quarters },
      snapshot: this.actor.getPersistedSnapshot(),
    });
  }
}
