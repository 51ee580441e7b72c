import { NextResponse, type NextRequest } from 'next/server';
import { refuseMalformedAction } from '@/lib/http/action-request';
import { REQUEST_PATH_HEADER } from '@/lib/http/request-path';
import { contentSecurityPolicy, newNonce } from '@/lib/http/security-headers';
import { SESSION_COOKIES } from '@/lib/session-cookies';

/** The portal's pages: visitors without a session cookie go to sign-in from these. */
const PORTAL_PATHS = /^\/(?:$|orders|support|admin|organisations|account|sub-channels)(?:\/|$)/;

/**
 * Runs before every page (not route handlers or static files, see `config`): refuses malformed
 * server action requests with a 4xx before Next.js reads them, sends visitors without a session
 * cookie to sign-in, and gives each response its Content-Security-Policy with a fresh nonce.
 * The other security headers and the body size limits are set earlier, for every request
 * (lib/http/incoming.ts). The sign-in redirect is only a convenience: every page, action and
 * route handler checks the session again.
 */
export async function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy(newNonce(), { development: process.env.NODE_ENV === 'development' });
  const withPolicy = (response: Response) => {
    response.headers.set('Content-Security-Policy', policy);
    return response;
  };

  const refusal = await refuseMalformedAction(request);
  if (refusal) return withPolicy(refusal);

  const { pathname, search } = request.nextUrl;
  if (PORTAL_PATHS.test(pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const signIn = new URL('/sign-in', request.url);
    signIn.searchParams.set('callbackUrl', pathname + search);
    return withPolicy(NextResponse.redirect(signIn));
  }

  // Next.js reads the nonce from the request's policy and puts it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', policy);
  requestHeaders.set(REQUEST_PATH_HEADER, pathname + search);
  return withPolicy(NextResponse.next({ request: { headers: requestHeaders } }));
}

export const config = {
  // Pages only, as isPagePath in lib/http/security-headers.ts says: a route handler reads its own
  // body (bounded), and Next.js would otherwise read every body whole before the handler runs.
  matcher: '/((?!api/|_next/).*)',
};
