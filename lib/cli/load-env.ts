// Imported first by every command-line entry point: loads .env files the way `next start` does,
// before lib/env reads the variables, and logs a failure without its data.
import nextEnv from '@next/env';
import { logError } from '@/lib/log';

nextEnv.loadEnvConfig(process.cwd());

// A command that fails prints the error's class, code, message and stack, never its properties.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (error) => {
    logError('failed', error);
    process.exit(1);
  });
}
