// The heats as this process knows them: each one folded from its log and kept, then brought up
// to date from the database before every read and inside the write lock before every append,
// so a process sees what another process sharing the database appended. One queue per heat
// keeps this process's catch-ups and appends to a heat in order.
import type { Scenario } from '../sim/index';
import type { Database, Queryable, SqlValue } from './db';
import { refuse } from './errors';
import { HeatLogError, parseStoredEvent, type HeatEvent } from './heat-log';
import { applyEvent, initialHeat, type HeatState } from './heat-state';
import { scenarioHash } from '../replay/replay';

export interface ScenarioCatalog {
  /** The scenario with this id, or undefined. */
  get(id: string): Scenario | undefined;
  /** The version of scenario `id` with this content hash, the current one or an archived one, or undefined. */
  version(id: string, hash: string): Scenario | undefined;
  list(): Scenario[];
}

/** An append waiting for its heat's next transaction. */
interface Pending {
  decide: (heat: HeatState) => HeatEvent;
  resolve: (heat: HeatState) => void;
  reject: (error: unknown) => void;
}

/** Appends per transaction at most: a multi-row insert stays far below SQLite's 32,766 parameters. */
const MAX_BATCH = 500;

export class HeatStore {
  private readonly heats = new Map<string, HeatState>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly watchers = new Set<(heatId: string) => void>();
  private readonly batches = new Map<string, Pending[]>();

  constructor(
    private readonly db: Database,
    private readonly scenarios: ScenarioCatalog,
  ) {}

  /** Calls `watch` after every change to a heat this process appends or hears of. */
  onChange(watch: (heatId: string) => void): void {
    this.watchers.add(watch);
  }

  /**
   * A process appended to a heat (PostgreSQL's NOTIFY, as "heat:seq"). This process hears its
   * own commits too; those it already holds are ignored.
   */
  heard(payload: string): void {
    const at = payload.lastIndexOf(':');
    const heatId = at < 0 ? payload : payload.slice(0, at);
    const seq = at < 0 ? Number.NaN : Number(payload.slice(at + 1));
    if (Number.isInteger(seq) && (this.heats.get(heatId)?.seq ?? 0) >= seq) return;
    for (const watch of this.watchers) watch(heatId);
  }

  private serial<T>(heatId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(heatId) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.queues.set(heatId, settled);
    void settled.then(() => {
      if (this.queues.get(heatId) === settled) this.queues.delete(heatId);
    });
    return next;
  }

  async create(heatId: string, heatCode: string, event: Extract<HeatEvent, { kind: 'created' }>): Promise<void> {
    const at = new Date().toISOString();
    await this.db.withHeatLock(heatId, async (tx) => {
      await tx.query('INSERT INTO heats (id, heat_code, created_at) VALUES (?, ?, ?)', [heatId, heatCode, at]);
      await tx.query('INSERT INTO heat_events (heat_id, seq, kind, body, at) VALUES (?, ?, ?, ?, ?)', [heatId, 1, event.kind, JSON.stringify(event), at]);
    });
  }

  /** The heat brought up to date, or a 'not-found' refusal. */
  read(heatId: string): Promise<HeatState> {
    return this.serial(heatId, () => this.catchUp(this.db, heatId));
  }

  /**
   * Appends the event `decide` makes of the heat's latest state, inside the heat's write lock;
   * resolves with the heat after it, or rejects with what `decide` threw (nothing is logged).
   * Appends that arrive while the heat is busy, or in the same turn of the event loop, are
   * committed together in one transaction (group commit): each is still decided on the state
   * the ones before it left, but 300 submissions made at once take a few locks, reads and
   * inserts, not 300.
   */
  append(heatId: string, decide: (heat: HeatState) => HeatEvent): Promise<HeatState> {
    return new Promise((resolve, reject) => {
      let batch = this.batches.get(heatId);
      if (batch === undefined || batch.length >= MAX_BATCH) {
        batch = [];
        this.batches.set(heatId, batch);
        const taken = batch;
        // The commit waits for the loop's check phase: the requests whose bytes arrived in the
        // same poll are parsed by then and join this batch. Without the wait a SQLite commit
        // (synchronous underneath) is over before the next request is read, so a burst took
        // one transaction per submission.
        void this.serial(heatId, () => new Promise<void>((done) => setImmediate(() => void this.commit(heatId, taken).then(done))));
      }
      batch.push({ decide, resolve, reject });
    });
  }

  private async commit(heatId: string, batch: Pending[]): Promise<void> {
    if (this.batches.get(heatId) === batch) this.batches.delete(heatId);
    const refusals = new Map<Pending, unknown>();
    let heat: HeatState;
    try {
      heat = await this.db.withHeatLock(heatId, async (tx) => {
        const current = await this.catchUp(tx, heatId);
        const rows: SqlValue[] = [];
        const at = new Date().toISOString();
        for (const item of batch) {
          let event: HeatEvent;
          try {
            event = item.decide(current);
          } catch (error) {
            refusals.set(item, error);
            continue;
          }
          const seq = current.seq + 1;
          // Folded at once, so the next decision in the batch sees it; a failed commit drops the heat (below).
          this.fold(current, event, seq);
          rows.push(heatId, seq, event.kind, JSON.stringify(event), at);
        }
        if (rows.length > 0) {
          const values = Array.from({ length: rows.length / 5 }, () => '(?, ?, ?, ?, ?)').join(', ');
          await tx.query(`INSERT INTO heat_events (heat_id, seq, kind, body, at) VALUES ${values}`, rows);
          await this.db.notifyHeat(tx, `${heatId}:${current.seq}`);
        }
        return current;
      });
    } catch (error) {
      // The events folded in were not committed: the heat is read again from its log next time.
      this.heats.delete(heatId);
      for (const item of batch) item.reject(error);
      return;
    }
    if (refusals.size < batch.length) for (const watch of this.watchers) watch(heatId);
    for (const item of batch) {
      if (refusals.has(item)) item.reject(refusals.get(item));
      else item.resolve(heat);
    }
  }

  /** Heats whose join code or heat code is `code`, newest first. */
  async find(code: string): Promise<string[]> {
    const rows = await this.db.query('SELECT id FROM heats WHERE id = ? OR heat_code = ? ORDER BY created_at DESC', [code, code]);
    return rows.map((r) => String(r.id));
  }

  /** Every heat's id, for re-arming deadlines on start. */
  async all(): Promise<string[]> {
    return (await this.db.query('SELECT id FROM heats ORDER BY created_at')).map((r) => String(r.id));
  }

  private fold(heat: HeatState, event: HeatEvent, seq: number): void {
    try {
      applyEvent(heat, event, seq);
    } catch (error) {
      // A heat that failed to fold is read again from its log next time, never served half-folded.
      this.heats.delete(heat.id);
      throw error;
    }
  }

  private async catchUp(q: Queryable, heatId: string): Promise<HeatState> {
    let heat = this.heats.get(heatId);
    const rows = await q.query('SELECT seq, body FROM heat_events WHERE heat_id = ? AND seq > ? ORDER BY seq', [heatId, heat?.seq ?? 0]);
    for (const row of rows) {
      const seq = Number(row.seq);
      const event = parseStoredEvent(heatId, seq, String(row.body));
      if (heat === undefined) {
        if (event.kind !== 'created') throw new HeatLogError(`heat ${heatId}, event ${seq}: the log does not start with 'created'`);
        heat = initialHeat(heatId, event, this.scenarioFor(heatId, event));
        this.heats.set(heatId, heat);
      } else {
        this.fold(heat, event, seq);
      }
    }
    if (heat === undefined) return refuse('not-found', `no workshop "${heatId}"`);
    return heat;
  }

  private scenarioFor(heatId: string, event: Extract<HeatEvent, { kind: 'created' }>): Scenario {
    // A workshop created on an earlier version plays on it (scenarios/archive keeps it).
    const version = this.scenarios.version(event.scenarioId, event.scenarioHash);
    if (version !== undefined) return version;
    const scenario = this.scenarios.get(event.scenarioId);
    if (scenario === undefined) return refuse('unknown-scenario', `workshop ${heatId} plays scenario "${event.scenarioId}", which this server does not have`);
    if (scenarioHash(scenario) !== event.scenarioHash) {
      return refuse('unknown-scenario', `workshop ${heatId} was created on another version of "${event.scenarioId}" (content hash ${event.scenarioHash}; this server has ${scenarioHash(scenario)})`);
    }
    return scenario;
  }
}
