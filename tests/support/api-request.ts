import { NextRequest } from 'next/server';

/** A request to a partner API route handler, as a client would send it. */
export function apiRequest(
  path: string,
  { key, method = 'GET', body, headers = {} }: { key?: string; method?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  return new NextRequest(new URL(path, 'http://portal.test'), {
    method,
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The context Next.js passes a route handler: its path's parameters. */
export const routeParams = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });
export const noParams = routeParams({} as Record<string, never>);
