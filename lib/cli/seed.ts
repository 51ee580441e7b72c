/** npm run db:seed – writes the demo organisations and people (idempotent). */
import './load-env';
import { prepareDatabase } from '@/db/runtime';
import { seedDemoData } from '@/db/seed';
import { getEnv } from '@/lib/env';

const database = await prepareDatabase(getEnv());
const { db, pool } = await import('@/db');
await seedDemoData(db);
await pool.end();
await database.stop();
console.log('Demo data is in place.');
