import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { LOCKS, withAdvisoryLock } from './advisory-lock';

/** Applies the committed migrations in db/migrations; safe to call from several processes at once. */
export async function migrateDatabase(url: string) {
  await withAdvisoryLock(url, LOCKS.migrations, (client) =>
    migrate(drizzle(client), { migrationsFolder: path.join(process.cwd(), 'db', 'migrations') }),
  );
}
