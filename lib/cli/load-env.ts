// Imported first by every command-line entry point: loads .env files the way `next start` does,
// before lib/env reads the variables.
import nextEnv from '@next/env';

nextEnv.loadEnvConfig(process.cwd());
