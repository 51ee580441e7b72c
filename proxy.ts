import { NextResponse, type NextRequest } from 'next/server';
import { refuseMalformedAction } from '@/lib/http/action-request';
import { bodyLimitFor, declaresTooLarge } from '@/lib/http/body-limit';
import { REQUEST_PATH_HEADER } from '@/lib/http/request-path';
import { newNonce, securityHeaders } from '@/lib/http/security-headers';
import { SESSION_COOKIES } from '@/lib/session-cookies';

/** The portal's pages: visitors without a session cookie go to sign-in from these. */
const PORTAL_PATHS = /^\/(?:$|orders|support|admin|organisations|account|sub-channels)(?:\/|$)/;

/**
 * Runs before every request: refuses oversized and malformed requests with a 4xx before
 * anything reads them, sends visitors without a session cookie to sign-in, and puts the
 * security headers (a fresh CSP nonce each time) on every response.
 * The sign-in redirect is only a convenience: every page, action and route handler checks the
 * session again.
 */
export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const headers = securityHeaders({
    nonce,
    https: (process.env.NEXTAUTH_URL ?? '').startsWith('https://'),
    development: process.env.NODE_ENV === 'development',
  });
  const respond = (response: Response) => {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  };

  const { pathname, search } = request.nextUrl;
  if (declaresTooLarge(request.headers, bodyLimitFor(pathname))) {
    return respond(new Response('The request is too large.', { status: 413, headers: { connection: 'close' } }));
  }
  if (!pathname.startsWith('/api/')) {
    const refusal = await refuseMalformedAction(request);
    if (refusal) return respond(refusal);
  }

  if (PORTAL_PATHS.test(pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const signIn = new URL('/sign-in', request.url);
    signIn.searchParams.set('callbackUrl', pathname + search);
    return respond(NextResponse.redirect(signIn));
  }

  // Next.js reads the nonce from the request's policy and puts it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']);
  requestHeaders.set(REQUEST_PATH_HEADER, pathname + search);
  return respond(NextResponse.next({ request: { headers: requestHeaders } }));
}

export const config = {
  // Every response, static files included, carries the security headers.
  matcher: '/:path*',
};
