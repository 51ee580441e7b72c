import pg from 'pg';
import PgBoss from 'pg-boss';
import { startEmbeddedPostgres } from '@/db/embedded';
import { migrateDatabase } from '@/db/migrate';
import { embeddedDatabaseUrl } from '@/db/url';
import { jobDefinitions } from '@/lib/jobs/definitions';
import { TEMPLATE_DATABASE, VITEST_PG } from '@/tests/support/test-env';

/**
 * Once per run: a real embedded PostgreSQL for the tests, and a migrated template database
 * that each test file copies (tests/setup/file-database.ts).
 */
export default async function setup() {
  const admin = embeddedDatabaseUrl(VITEST_PG.port, 'postgres');
  const server = await startEmbeddedPostgres({ ...VITEST_PG, database: 'postgres' });
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  // Leftovers of an interrupted run would otherwise pile up.
  const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'test_%'");
  for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await client.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
  await client.end();
  const template = embeddedDatabaseUrl(VITEST_PG.port, TEMPLATE_DATABASE);
  await migrateDatabase(template);
  // The job queue's tables and our queues, as the app installs them at start.
  const boss = new PgBoss({ connectionString: template, schema: 'pgboss', supervise: false, schedule: false });
  await boss.start();
  for (const definition of Object.values(jobDefinitions)) await boss.createQueue(definition.name, { name: definition.name, ...definition.options });
  await boss.stop({ graceful: false, wait: true });
  return async () => server.stop();
}
