import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { isDatabaseUnavailable, QueryError } from '@/db/query-errors';
import { sessions, users } from '@/db/schema';
import { describeError } from '@/lib/log';
import { factories } from '@/tests/support/factories';

/** Everything a logger could print of an error: its message, stack and every own property. */
const printable = (error: unknown) => `${describeError(error)}\n${JSON.stringify(error)}\n${String((error as Error).stack)}`;

const caught = async (work: () => Promise<unknown>) => {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected the query to fail');
};

describe('failed queries, as they reach a log', () => {
  it('name the SQL and its SQLSTATE, never the parameters', async () => {
    const token = 'session-token-that-must-never-be-logged';
    // A NUL byte is refused by PostgreSQL: the query fails with the token among its parameters.
    const error = await caught(() => db.select().from(sessions).where(eq(sessions.sessionToken, `${token}\u0000`)));

    expect(error).toBeInstanceOf(QueryError);
    expect((error as QueryError).code).toBe('22021');
    expect((error as QueryError).query).toContain('"session_token" = $1');
    expect(printable(error)).not.toContain(token);
  });

  it("leave out the row PostgreSQL quotes back in a constraint's detail", async () => {
    const { user } = await factories(db).createPerson('partner_member');
    const error = await caught(() => db.insert(users).values({ email: user.email, name: 'Someone Else' }));

    expect((error as QueryError).code).toBe('23505');
    expect((error as QueryError).constraint).toBeTruthy();
    expect(printable(error)).not.toContain(user.email);
  });

  it('leave out the input PostgreSQL echoes in its message', async () => {
    const error = await caught(() => db.execute(sql`SELECT ${'private-person@example.com'}::uuid`));
    expect(printable(error)).not.toContain('private-person@example.com');
    expect((error as QueryError).code).toBe('22P02');
  });

  it('say when the database cannot be reached, so callers answer "try again"', async () => {
    const pool = new pg.Pool({ connectionString: 'postgres://postgres:postgres@127.0.0.1:9/none', connectionTimeoutMillis: 1000 });
    const unreachable = drizzle(pool);
    const error = await caught(() => unreachable.execute(sql`SELECT ${'secret-parameter'}`));
    await pool.end();

    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(printable(error)).not.toContain('secret-parameter');
  });

  it('tell a bad query from an outage', async () => {
    expect(isDatabaseUnavailable(await caught(() => db.execute(sql`SELECT 1/0`)))).toBe(false);
  });
});
