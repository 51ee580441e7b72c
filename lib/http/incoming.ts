import { Server, type IncomingMessage, type ServerResponse } from 'node:http';
import { bodyLimitFor, declaresTooLarge } from './body-limit';
import { API_CONTENT_SECURITY_POLICY, isPagePath, staticSecurityHeaders } from './security-headers';

const installed = Symbol.for('cloudpos.incomingRequests');

/**
 * What every request meets before Next.js sees it, installed once at start-up
 * (lib/server-runtime.ts):
 *
 * - Its socket's address is appended to `X-Forwarded-For`, as a proxy appends the address it saw.
 *   Next.js fills the header from the socket only when it is absent, so a client that sent its
 *   own would otherwise choose the "IP" its rate limits count; now the chain always ends with the
 *   peer, and `clientIp` trusts exactly `TRUST_PROXY_HOPS` entries before it.
 * - The security headers that do not depend on the page (lib/http/security-headers.ts) are set,
 *   so static files and route handlers carry them too; proxy.ts adds each page's nonce policy.
 * - A body declared larger than its route accepts is refused with 413 at once. Next.js reads a
 *   request's whole body before it answers from proxy.ts, so the proxy is too late for that.
 */
export function guardIncomingRequests({ https }: { https: boolean }) {
  const prototype = Server.prototype as Server & { [installed]?: boolean };
  if (prototype[installed]) return;
  prototype[installed] = true;
  const emit = prototype.emit;
  prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const [req, res] = args as [IncomingMessage, ServerResponse];
      if (!guard(req, res, https)) return true;
    }
    return emit.apply(this, [event, ...args] as Parameters<Server['emit']>);
  } as Server['emit'];
}

/** False when the request has been answered here. */
function guard(req: IncomingMessage, res: ServerResponse, https: boolean) {
  const peer = req.socket?.remoteAddress;
  const claimed = req.headers['x-forwarded-for'];
  if (peer) req.headers['x-forwarded-for'] = claimed ? `${[claimed].flat().join(', ')}, ${peer}` : peer;

  const pathname = new URL(req.url ?? '/', 'http://portal.invalid').pathname;
  for (const [name, value] of Object.entries(staticSecurityHeaders({ https }))) res.setHeader(name, value);
  if (!isPagePath(pathname)) res.setHeader('Content-Security-Policy', API_CONTENT_SECURITY_POLICY);

  if (!declaresTooLarge(req.headers['content-length'], bodyLimitFor(pathname))) return true;
  if (pathname.startsWith('/api/v1/')) {
    // The partner API answers every error as RFC 9457 problem details (lib/api/problem.ts).
    const problem = { type: '/developers/api#problem-payload-too-large', title: 'The request body is too large.', status: 413 };
    res.writeHead(413, { 'content-type': 'application/problem+json', connection: 'close' }).end(JSON.stringify(problem));
    return false;
  }
  res.writeHead(413, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }).end('The request is too large.');
  return false;
}
