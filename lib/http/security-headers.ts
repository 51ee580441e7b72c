/**
 * The security headers of every response: the page-independent ones are set on every request
 * (lib/http/incoming.ts), each page's Content-Security-Policy with its nonce in proxy.ts.
 */

/** Pages get a policy with a nonce from proxy.ts; everything else (route handlers, static files) the strict one. */
export const isPagePath = (pathname: string) => !pathname.startsWith('/api/') && !pathname.startsWith('/_next/');

/** For responses that are data, never a document that runs anything. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * A page's policy. Scripts run only with this response's nonce (Next.js puts it on its own
 * scripts when it finds it in the request's policy), and 'strict-dynamic' lets those load the
 * route's chunks. Styles allow inline `style` attributes, which React writes; they cannot run code.
 */
export function contentSecurityPolicy(nonce: string, { development = false } = {}) {
  return [
    "default-src 'self'",
    // React's development build evaluates code for its stack traces; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function staticSecurityHeaders({ https }: { https: boolean }): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    ...(https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** A fresh nonce per response: 128 random bits. */
export const newNonce = () => Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
