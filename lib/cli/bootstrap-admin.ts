/**
 * npm run bootstrap:admin -- --email you@poplapay.fi --name "Your Name"
 * Creates the first support_admin (and the Poplapay organisation if it is missing).
 */
import './load-env';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { prepareDatabase } from '@/db/runtime';
import { ensureOrganisation } from '@/db/queries/organisations';
import { upsertMember } from '@/db/queries/users';
import { getEnv } from '@/lib/env';
import { emailAddress, oneLine } from '@/lib/validations/form-fields';

const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
// The same rules as the portal's forms: this name goes into emails like any other.
const input = z.object({ email: emailAddress(), name: oneLine().min(1) }).safeParse(values);
if (!input.success) {
  console.error('Usage: npm run bootstrap:admin -- --email you@poplapay.fi --name "Your Name"');
  process.exit(2);
}

const database = await prepareDatabase(getEnv());
const { db, pool } = await import('@/db');
await db.transaction(async (tx) => {
  const organisationId = await ensureOrganisation(tx, { kind: 'poplapay', name: 'Poplapay' });
  await upsertMember(tx, { ...input.data, organisationId, role: 'support_admin' });
});
console.log(`${input.data.email} is a support admin. They sign in at ${getEnv().NEXTAUTH_URL}/sign-in.`);
await pool.end();
await database.stop();
