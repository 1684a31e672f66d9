// PostgreSQL through pg. A transaction on a heat takes a transaction-scoped advisory lock keyed
// by the heat, so every process sharing the database serialises its writes to that heat, and
// NOTIFY inside the transaction tells the other processes (delivered only if it commits).
import pg from 'pg';
import type { Database, Queryable, Row, SqlValue } from './db';

const CHANNEL = 'heat_log';

/** `?` placeholders become `$1, $2, …`; the server's SQL never has a `?` inside a string literal. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client that loses its connection (the database restarted) is dropped, not fatal.
  pool.on('error', () => undefined);
  const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
    query: async (sql, params = []) => (await client.query(numbered(sql), params as SqlValue[])).rows as Row[],
  });
  await pool.query('select 1');
  let listener: pg.Client | null = null;
  return {
    kind: 'postgres',
    query: on(pool).query,
    async withHeatLock<T>(heatId: string, work: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [heatId]);
        const result = await work(on(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async notifyHeat(tx, payload) {
      await tx.query('SELECT pg_notify(?, ?)', [CHANNEL, payload]);
    },
    async listen(onHeat) {
      listener = new pg.Client({ connectionString: url });
      listener.on('error', () => undefined);
      await listener.connect();
      listener.on('notification', (message) => {
        if (message.channel === CHANNEL && message.payload) onHeat(message.payload);
      });
      await listener.query(`LISTEN ${CHANNEL}`);
    },
    async close() {
      await listener?.end().catch(() => undefined);
      await pool.end();
    },
  };
}
