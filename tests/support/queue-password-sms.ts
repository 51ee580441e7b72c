/**
 * Queues password SMS the way support does (recordCredentials: the password sealed, a delivery
 * and its job in one transaction) for orders already claimed by an agent. Run with the app's
 * server conditions, by the two-instance test:
 *   node --import tsx --conditions=react-server tests/support/queue-password-sms.ts AGENT_USER_ID ORDER_ID…
 * DATABASE_URL and the rest of the configuration come from the environment.
 */
import { recordCredentials } from '@/db/queries/support';
import { getActorByUserId } from '@/db/queries/users';
import { pool } from '@/db';
import { generatePassword } from '@/lib/credentials/password';

const [agentUserId, ...orderIds] = process.argv.slice(2);
const agent = await getActorByUserId(agentUserId!);
if (!agent) throw new Error('the agent has no membership');
for (const [index, orderId] of orderIds.entries()) {
  await recordCredentials(agent, orderId, { username: `instances-${index}`, password: generatePassword() });
}
await pool.end();
