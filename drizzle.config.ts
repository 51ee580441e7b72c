import { defineConfig } from 'drizzle-kit';

// Note: only the schema and the migrations folder are needed to generate migrations; they are
// applied by db/migrate.ts at start-up, so this file needs no secrets.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './db/migrations',
  casing: 'snake_case',
});
