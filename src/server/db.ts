// The workshop server's one query layer: plain SQL with `?` placeholders, run on SQLite
// (node:sqlite, the default: no native build, one file) or PostgreSQL (pg, when DATABASE_URL is
// set). Plain SQL over a query builder because the server has a handful of statements, all in
// the SQL both databases share; the adapter only renumbers placeholders for PostgreSQL and
// gives both the same transaction with a per-heat write lock, so writes to one heat are
// serialised by the database whichever process makes them.

export type SqlValue = string | number | null;
export type Row = Record<string, SqlValue>;

export interface Queryable {
  query(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  readonly kind: 'sqlite' | 'postgres';
  /**
   * Runs `work` in one transaction that holds the heat's write lock: no other transaction on
   * the heat, in this process or another, runs until it commits or rolls back. Whatever `work`
   * throws rolls the transaction back and is rethrown.
   */
  withHeatLock<T>(heatId: string, work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Tells every process listening that a heat's log grew, as "heat:last seq" (PostgreSQL: NOTIFY, delivered on commit). */
  notifyHeat(tx: Queryable, payload: string): Promise<void>;
  /** Calls `onHeat` with the payload when a process (this one too) appended to a heat; a no-op on SQLite, which one process serves. */
  listen(onHeat: (payload: string) => void): Promise<void>;
  close(): Promise<void>;
}
