import pg from 'pg';
import PgBoss from 'pg-boss';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '@/db/embedded';
import { migrateDatabase } from '@/db/migrate';
import { embeddedDatabaseUrl } from '@/db/url';
import { jobDefinitions } from '@/lib/jobs/definitions';
import { VITEST_PG } from '@/tests/support/test-env';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

const admin = () => new pg.Client({ connectionString: embeddedDatabaseUrl(VITEST_PG.port, 'postgres') });

/**
 * Once per run: a real embedded PostgreSQL for the tests, and a migrated template database of
 * this run's own, which each test file copies (tests/setup/file-database.ts). Runs side by side
 * (two terminals) share the cluster and never touch each other's databases.
 */
export default async function setup(project: TestProject) {
  const template = `cloudpos_template_${process.pid}`;
  const server = await startEmbeddedPostgres({ ...VITEST_PG, database: 'postgres' });
  const client = admin();
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${template}"`);
  await client.end();
  const templateUrl = embeddedDatabaseUrl(VITEST_PG.port, template);
  await migrateDatabase(templateUrl);
  // The job queue's tables and our queues, as the app installs them at start.
  const boss = new PgBoss({ connectionString: templateUrl, schema: 'pgboss', supervise: false, schedule: false });
  await boss.start();
  for (const definition of Object.values(jobDefinitions)) await boss.createQueue(definition.name, { name: definition.name, ...definition.options });
  await boss.stop({ graceful: false, wait: true });
  project.provide('templateDatabase', template);

  return async () => {
    const client = admin();
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    const { rows } = await client.query("SELECT 1 FROM pg_database WHERE datname LIKE 'cloudpos_template_%'");
    await client.end();
    // Another run still uses the cluster: leave it to that run to stop.
    if (rows.length === 0) await server.stop();
  };
}
