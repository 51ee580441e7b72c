import 'server-only';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import NextAuth, { getServerSession, type NextAuthOptions } from 'next-auth';
import type { Adapter } from 'next-auth/adapters';
import EmailProvider from 'next-auth/providers/email';
import type { NextRequest } from 'next/server';
import { cache } from 'react';
import { db } from '@/db';
import { canSignInWithEmail, normaliseEmail } from '@/db/queries/users';
import { accounts, sessions, users, verificationTokens } from '@/db/schema';
import { sendEmail } from '@/lib/email/send';
import { signInLinkEmail } from '@/lib/email/templates/sign-in-link';
import { getEnv } from '@/lib/env';
import { clientIp, rateLimitKey, signInRateLimits, withinRateLimit } from '@/lib/rate-limit';

const SIGN_IN_LINK_MINUTES = 15;

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
      async sendVerificationRequest({ identifier, url }) {
        await sendEmail({ to: identifier, ...signInLinkEmail({ url, expiresInMinutes: SIGN_IN_LINK_MINUTES }) });
      },
    }),
  ],
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
 * The next-auth route, with sign-in link requests rate-limited per address and per IP first.
 * @see signInRateLimits
 */
export async function authRouteHandler(req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) {
  const { nextauth } = await ctx.params;
  if (req.method === 'POST' && nextauth.join('/') === 'signin/email') {
    const form = await req.clone().formData();
    const email = normaliseEmail(String(form.get('email') ?? ''));
    const ip = clientIp(req.headers, env.TRUST_PROXY_HOPS);
    const allowed =
      (await withinRateLimit(rateLimitKey('sign-in:ip', ip), signInRateLimits.perIp)) &&
      (await withinRateLimit(rateLimitKey('sign-in:email', email), signInRateLimits.perEmail));
    if (!allowed) {
      return Response.json({ url: `${env.NEXTAUTH_URL}/sign-in?error=RateLimited` }, { status: 429 });
    }
  }
  return nextAuthHandler(req, ctx);
}

/** The signed-in user's id, once per request. */
export const getSessionUserId = cache(async () => {
  const session = await getServerSession(authOptions);
  return session?.user.id ?? null;
});
