/**
 * Runs once when the server starts, before it serves a request: validates the configuration,
 * readies the database (embedded PostgreSQL unless DATABASE_URL is set) and applies migrations.
 * Any problem stops start-up with a message that names the variable at fault.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServerRuntime } = await import('./lib/server-runtime');
  await startServerRuntime();
}
