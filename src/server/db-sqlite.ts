// SQLite through node:sqlite. One connection per process; a transaction is BEGIN IMMEDIATE,
// which takes the file's write lock at once (another process on the same file waits for it, up
// to the busy timeout), and an in-process queue keeps this process's own transactions from
// interleaving on the shared connection while they await.
import { DatabaseSync } from 'node:sqlite';
import type { Database, Queryable, Row, SqlValue } from './db';

export function openSqlite(file: string): Database {
  const db = new DatabaseSync(file);
  // WAL: readers never wait for the writer; NORMAL sync is durable across a process crash
  // (only a power cut can lose the last commits), which is the failure a workshop sees.
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;');
  const statements = new Map<string, ReturnType<DatabaseSync['prepare']>>();
  const run = (sql: string, params: readonly SqlValue[] = []): Row[] => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    if (/^\s*(select|with)\b/i.test(sql) || /\breturning\b/i.test(sql)) return statement.all(...params) as Row[];
    statement.run(...params);
    return [];
  };
  const direct: Queryable = { query: async (sql, params) => run(sql, params) };
  let queue: Promise<unknown> = Promise.resolve();
  return {
    kind: 'sqlite',
    query: direct.query,
    withHeatLock<T>(_heatId: string, work: (tx: Queryable) => Promise<T>): Promise<T> {
      const next = queue.then(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(direct);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          db.exec('ROLLBACK');
          throw error;
        }
      });
      queue = next.catch(() => undefined);
      return next;
    },
    notifyHeat: async () => undefined,
    listen: async () => undefined,
    close: async () => {
      await queue;
      db.close();
    },
  };
}
