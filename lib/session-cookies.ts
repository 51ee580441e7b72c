/**
 * next-auth v4's database-session cookie: with the __Secure- prefix when the portal is served
 * over https. No imports, so the proxy (middleware) can read it too.
 */
export const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'] as const;
