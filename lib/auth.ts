import 'server-only';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import { sql } from 'drizzle-orm';
import NextAuth, { getServerSession, type NextAuthOptions } from 'next-auth';
import type { Adapter } from 'next-auth/adapters';
import EmailProvider from 'next-auth/providers/email';
import { cookies } from 'next/headers';
import type { NextRequest } from 'next/server';
import { cache } from 'react';
import { db } from '@/db';
import { isDatabaseUnavailable } from '@/db/query-errors';
import { canSignInWithEmail, localeOfEmail } from '@/db/queries/users';
import { accounts, sessions, users, verificationTokens } from '@/db/schema';
import { sendEmail } from '@/lib/email/send';
import { signInLinkEmail } from '@/lib/email/templates/sign-in-link';
import { getEnv } from '@/lib/env';
import { AppError, isAppError } from '@/lib/errors';
import { bodyLimits, formFromBody, readBoundedBody } from '@/lib/http/body-limit';
import { logError } from '@/lib/log';
import { clientIp, rateLimitKey, signInRateLimits, withinRateLimit } from '@/lib/rate-limit';
import { SESSION_COOKIES } from '@/lib/session-cookies';
import { signInSchema } from '@/lib/validations/auth';

const SIGN_IN_LINK_MINUTES = 15;

/**
 * The address a sign-in link goes to, or null for anything but one plain address.
 *
 * Note: next-auth's own normaliser cuts `someone@x.example,v1` down to `someone@x.example`, so
 * every variant reached one inbox while each counted as a new address for the rate limit. This is
 * next-auth's normaliser too (below): the limit counts exactly the address that gets the link, and
 * anything it would have rewritten is refused.
 */
export function signInEmail(value: unknown): string | null {
  const parsed = signInSchema.safeParse({ email: value });
  return parsed.success ? parsed.data.email : null;
}

const env = getEnv();
/** What next-auth answers after sending a link; unknown addresses get exactly the same. */
const verifyRequestUrl = `${env.NEXTAUTH_URL}/api/auth/verify-request?provider=email&type=email`;

export const authOptions: NextAuthOptions = {
  // The adapter is typed against @auth/core; its runtime contract is the one next-auth v4 uses.
  adapter: DrizzleAdapter(db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  }) as unknown as Adapter,
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: 'database', maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
  pages: { signIn: '/sign-in', verifyRequest: '/sign-in/check-email', error: '/sign-in/error' },
  providers: [
    EmailProvider({
      maxAge: SIGN_IN_LINK_MINUTES * 60,
      normalizeIdentifier(identifier) {
        const email = signInEmail(identifier);
        if (!email) throw new Error('not one plain email address');
        return email;
      },
      async sendVerificationRequest({ identifier, url }) {
        const locale = await localeOfEmail(identifier);
        await sendEmail({ to: identifier, ...signInLinkEmail({ url, expiresInMinutes: SIGN_IN_LINK_MINUTES, locale }) });
      },
    }),
  ],
  // next-auth's metadata carries tokens and addresses: only the error itself is logged.
  logger: {
    error: (code, metadata) => logError(`next-auth ${code}`, metadata instanceof Error ? metadata : (metadata as { error?: unknown })?.error),
    warn: (code) => console.warn(`next-auth warning ${code}`),
    debug: () => undefined,
  },
  callbacks: {
    async signIn({ user, email }) {
      if (user.email && (await canSignInWithEmail(user.email))) return true;
      // Note: accounts come only from invitations and the bootstrap command. An unknown or
      // deactivated address gets the answer a known one gets, and no email is sent.
      return email?.verificationRequest ? verifyRequestUrl : false;
    },
    session({ session, user }) {
      return { ...session, user: { ...session.user, id: user.id } };
    },
  },
};

const nextAuthHandler = NextAuth(authOptions) as (req: NextRequest, ctx: unknown) => Promise<Response>;

/**
 * The next-auth route, with sign-in link requests rate-limited per IP and per address first.
 * @see signInRateLimits
 */
export async function authRouteHandler(req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) {
  const { nextauth } = await ctx.params;
  try {
    const body = req.method === 'POST' ? await readBoundedBody(req.clone(), bodyLimits.auth) : null;
    if (body && nextauth.join('/') === 'signin/email') {
      // A body that is no form has no address in it: refused like one that is not an address.
      const form = await formFromBody(body, req.headers.get('content-type') ?? '').catch(() => null);
      const email = signInEmail(form?.get('email'));
      if (!email) return Response.json({ url: `${env.NEXTAUTH_URL}/sign-in/error?error=EmailSignin` }, { status: 400 });
      const ip = clientIp(req.headers, env.TRUST_PROXY_HOPS);
      const allowed =
        (await withinRateLimit(rateLimitKey('sign-in:ip', ip), signInRateLimits.perIp)) &&
        (await withinRateLimit(rateLimitKey('sign-in:email', email), signInRateLimits.perEmail));
      if (!allowed) {
        return Response.json({ url: `${env.NEXTAUTH_URL}/sign-in?error=RateLimited` }, { status: 429 });
      }
    }
    return await nextAuthHandler(req, ctx);
  } catch (error) {
    if (isAppError(error) && error.code === 'PAYLOAD_TOO_LARGE') return new Response('Payload too large', { status: 413 });
    if (!isDatabaseUnavailable(error)) throw error;
    logError('sign-in unavailable', error);
    return Response.json({ url: `${env.NEXTAUTH_URL}/sign-in?error=Unavailable` }, { status: 503, headers: { 'Retry-After': '30' } });
  }
}

/**
 * The signed-in user's id, once per request.
 *
 * Note: next-auth answers "no session" when its session query fails, which would send everyone
 * to sign-in during a database outage. So when a session cookie came with the request and no
 * session was found, the database is asked whether it is there at all; if it is not, this
 * throws UNAVAILABLE and the caller shows "try again" with the cookie untouched.
 */
export const getSessionUserId = cache(async () => {
  const session = await getServerSession(authOptions);
  if (session?.user.id) return session.user.id;
  const jar = await cookies();
  if (SESSION_COOKIES.some((name) => jar.has(name))) {
    try {
      await db.execute(sql`SELECT 1`);
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw new AppError('UNAVAILABLE');
      throw error;
    }
  }
  return null;
});
