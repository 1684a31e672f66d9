// A workshop group playing on its own device against the live workshop server. The game runs
// here as in every mode (the model is the same), and each committed quarter goes to the server,
// which resolves it again and keeps the truth. In an instructor-paced workshop the report of a
// quarter waits until the instructor has closed the round (and released it, when results are
// held). When the server's record and this device's game part (a plan that came too late, so
// the workshop's missed rule played instead; another device of the group), the game is started
// again from the server's record, and the screen says why.
import { canonicalJson, type Step } from '../sim/index';
import type { GroupView } from '../scoreboard/live-wire';
import { scenarioVersion } from './scenario-versions';
import type { Catalogue } from './scenarios';
import type { GameSession } from './session';
import { LiveApiError, liveApi, openChannel, type ChannelStatus } from './live-api';

export const LIVE_GROUP_KEY = 'marketing-and-sales.live-group';

export interface LiveGroupCredentials {
  workshop: string;
  token: string;
  group: string;
  scenarioId: string;
  seed: number;
}

function readCredentials(storage: Storage): LiveGroupCredentials | null {
  try {
    const value = JSON.parse(storage.getItem(LIVE_GROUP_KEY) ?? 'null') as Partial<LiveGroupCredentials> | null;
    if (!value || typeof value.workshop !== 'string' || typeof value.token !== 'string' || typeof value.group !== 'string' || typeof value.scenarioId !== 'string' || typeof value.seed !== 'number') return null;
    return value as LiveGroupCredentials;
  } catch {
    return null;
  }
}

const sameSteps = (a: readonly Step[], b: readonly Step[]) => canonicalJson(a) === canonicalJson(b);

export class LiveGroup {
  /** The credentials of the game running now, when it is a live workshop group's; else null. */
  credentials: LiveGroupCredentials | null = null;
  view: GroupView | null = null;
  status: ChannelStatus = 'connecting';
  /** Words for the screen: why the game was put back in line with the server, or a plan refused. */
  notice: string | null = null;
  private channel: { close(): void } | null = null;
  private posting = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly session: GameSession,
    private readonly storage: Storage,
    private readonly catalogue: Catalogue,
  ) {
    // Every game that starts is checked against the stored credentials: a live group's game
    // (new, or continued after a reload) connects; any other game disconnects.
    session.bus.on('started', () => this.attachIfLive());
    session.bus.on('snapshot', () => void this.postCommitted());
  }

  /** Joins a workshop on the server and starts the group's game from the server's record. */
  async join(code: string, group: string): Promise<void> {
    const joined = await liveApi.join(code, group);
    await this.start(joined.view, joined.token);
  }

  private async start(view: GroupView, token: string): Promise<void> {
    const scenario = scenarioVersion(this.catalogue, view.workshop.scenarioId, view.workshop.scenarioHash) ?? this.catalogue.scenarios.find((s) => s.scenario.id === view.workshop.scenarioId)?.scenario;
    if (!scenario) throw new LiveApiError(0, 'unknown-scenario', `this game has no scenario "${view.workshop.scenarioId}"; reload the page from the workshop server`);
    const credentials: LiveGroupCredentials = { workshop: view.workshop.id, token, group: view.name, scenarioId: scenario.id, seed: view.seed };
    try {
      this.storage.setItem(LIVE_GROUP_KEY, JSON.stringify(credentials));
    } catch {
      // Without storage a reload forgets the group; the game itself goes on.
    }
    this.view = view;
    const playAs = { mode: 'join' as const, group: view.name, scenarioId: scenario.id, seed: view.seed, heatCode: view.workshop.heatCode, ghost: null };
    const opened = await this.session.startFromSteps(scenario, view.seed, view.steps, playAs);
    if (!opened.ok) throw new LiveApiError(0, opened.reason, opened.message);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  /** Whether the report of `quarter` may be shown: always when self-paced, else once its round is closed and released. */
  mayShowReport(quarter: number): boolean {
    if (this.credentials === null) return true;
    // Connected but not yet told (a reload): wait for the server's word.
    if (this.view === null) return false;
    const w = this.view.workshop;
    return w.pacing === 'self' || w.released >= quarter;
  }

  private attachIfLive(): void {
    const credentials = readCredentials(this.storage);
    const snapshot = this.session.snapshot();
    const playAs = this.session.playAs;
    const live =
      credentials !== null &&
      snapshot !== null &&
      playAs?.mode === 'join' &&
      playAs.group === credentials.group &&
      snapshot.context.scenario.id === credentials.scenarioId &&
      snapshot.context.game.seed === credentials.seed;
    if (!live) {
      this.detach();
      return;
    }
    if (this.credentials?.token === credentials.token && this.channel !== null) return;
    this.detach();
    this.credentials = credentials;
    this.channel = openChannel(
      credentials.workshop,
      credentials.token,
      (view) => this.onView(view as GroupView),
      (status, problem) => {
        this.status = status;
        if (problem !== null) this.notice = `The workshop server refused this device: ${problem}.`;
        this.changed();
      },
    );
  }

  private detach(): void {
    this.channel?.close();
    this.channel = null;
    this.credentials = null;
    this.view = null;
    this.notice = null;
  }

  private onView(view: GroupView): void {
    this.view = view;
    const snapshot = this.session.snapshot();
    if (snapshot === null || this.credentials === null) return;
    const local = snapshot.context.steps;
    const server = view.steps;
    const agrees = local.length >= server.length && sameSteps(local.slice(0, server.length), server);
    if (!agrees) {
      const missed = view.missed.filter((q) => q > local.length || !sameSteps([local[q - 1]!], [server[q - 1]!]));
      this.notice = missed.length > 0 ? missedWords(missed, view.workshop.missed) : 'Your game was brought in line with the workshop server’s record.';
      void this.session.startFromSteps(snapshot.context.scenario, view.seed, server, this.session.playAs).then(() => this.changed());
      return;
    }
    this.changed();
    void this.postCommitted();
  }

  /** Sends every quarter committed here that the server does not have yet, in order. */
  private async postCommitted(): Promise<void> {
    const credentials = this.credentials;
    const view = this.view;
    const snapshot = this.session.snapshot();
    if (this.posting || credentials === null || view === null || snapshot === null) return;
    const steps = snapshot.context.steps;
    // The server has a quarter once it is played there (steps) or in for the open round (pending).
    const held = view.steps.length + (view.pending !== null ? 1 : 0);
    if (steps.length <= held || steps.length !== view.quarter) return;
    this.posting = true;
    try {
      this.view = await liveApi.submit(credentials.workshop, credentials.token, steps.length, steps[steps.length - 1]!);
      this.notice = null;
    } catch (error) {
      const e = error instanceof LiveApiError ? error : new LiveApiError(0, 'internal', String(error));
      this.notice = e.code === 'offline' ? 'Your plan is not sent yet: the workshop server cannot be reached. It is sent when the connection is back.' : `The workshop server did not take your plan: ${e.message}.`;
      // The server's record decides; a refused plan is replaced by what the server holds.
      if (e.code !== 'offline') {
        try {
          this.onView(await liveApi.me(credentials.workshop, credentials.token));
        } catch {
          // The live channel brings the record when the server is back.
        }
      }
    } finally {
      this.posting = false;
      this.changed();
    }
  }
}

function missedWords(quarters: number[], rule: GroupView['workshop']['missed']): string {
  const which = quarters.length === 1 ? `quarter ${quarters[0]}` : `quarters ${quarters.join(', ')}`;
  const played = rule === 'carry' ? 'your last plan was played again (less any move no longer possible)' : 'no moves were played';
  return `The round for ${which} closed before your plan reached the workshop server, so ${played}.`;
}
