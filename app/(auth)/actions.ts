'use server';

import { eq } from 'drizzle-orm';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { db } from '@/db';
import { sessions } from '@/db/schema';
import { SESSION_COOKIES } from '@/lib/session-cookies';

/**
 * Signs out on the server: the database session ends and its cookie goes. A plain form posts
 * here, so the header needs no client-side auth library to offer it.
 */
export async function signOutAction() {
  const store = await cookies();
  for (const name of SESSION_COOKIES) {
    const token = store.get(name)?.value;
    if (!token) continue;
    await db.delete(sessions).where(eq(sessions.sessionToken, token));
    store.delete(name);
  }
  redirect('/sign-in');
}
