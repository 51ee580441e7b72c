/** npm run db:migrate – applies the committed migrations (the app also does this at start). */
import './load-env';
import { prepareDatabase } from '@/db/runtime';
import { getEnv } from '@/lib/env';

const database = await prepareDatabase(getEnv());
console.log('Migrations applied.');
await database.stop();
