// Opens the database a server was asked for: PostgreSQL for a URL (DATABASE_URL), else the SQLite
// file. Each adapter is loaded only when chosen, so a SQLite server never loads pg.
import type { Database } from './db';

/** Opens the database the server was asked for: PostgreSQL for a postgres:// URL, else a SQLite file. */
export async function openDatabase(target: { url?: string; file?: string }): Promise<Database> {
  if (target.url !== undefined && target.url !== '') {
    const { openPostgres } = await import('./db-postgres');
    return openPostgres(target.url);
  }
  const { openSqlite } = await import('./db-sqlite');
  return openSqlite(target.file ?? 'workshop.sqlite');
}
