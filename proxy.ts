import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIES } from '@/lib/session-cookies';

/**
 * Sends visitors without a session cookie to sign-in, remembering where they were going.
 * Only a convenience: every page, action and route handler checks the session again.
 */
export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const signIn = new URL('/sign-in', request.url);
  signIn.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ['/', '/orders/:path*', '/support/:path*', '/admin/:path*', '/organisations/:path*', '/account/:path*'],
};
