// The server's tables, as numbered migrations run on start (in order, each once, in one
// transaction under a lock, so two processes starting together on one PostgreSQL do not race).
// A migration is never edited once shipped: a change is a new one at the end.
import type { Database } from './db';

const MIGRATIONS: readonly string[][] = [
  [
    // The append-only log: one row per thing that happened to a heat, numbered from 1. Every
    // other figure the server shows is derived from it.
    `CREATE TABLE heat_events (
       heat_id TEXT NOT NULL,
       seq INTEGER NOT NULL,
       kind TEXT NOT NULL,
       body TEXT NOT NULL,
       at TEXT NOT NULL,
       PRIMARY KEY (heat_id, seq)
     )`,
    // A directory of heats for joining by heat code; derived from the log's first events.
    `CREATE TABLE heats (
       id TEXT PRIMARY KEY,
       heat_code TEXT NOT NULL,
       created_at TEXT NOT NULL
     )`,
    'CREATE INDEX heats_by_code ON heats (heat_code)',
  ],
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export async function migrate(db: Database): Promise<void> {
  await db.withHeatLock('schema-migrations', async (tx) => {
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const rows = await tx.query('SELECT MAX(version) AS v FROM schema_migrations');
    const current = Number(rows[0]?.v ?? 0);
    if (current > MIGRATIONS.length) {
      throw new Error(`the database is at schema version ${current}, newer than this server's ${MIGRATIONS.length}: run a newer server`);
    }
    for (let v = current + 1; v <= MIGRATIONS.length; v++) {
      for (const sql of MIGRATIONS[v - 1]!) await tx.query(sql);
      await tx.query('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', [v, new Date().toISOString()]);
    }
  });
}
