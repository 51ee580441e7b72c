import { Server, type IncomingMessage } from 'node:http';

const installed = Symbol.for('cloudpos.peerAddress');

/**
 * Appends the socket's address to every request's `X-Forwarded-For`, as a proxy appends the
 * address it saw.
 *
 * Note: Next.js fills the header from the socket only when it is absent, so a client that sends
 * its own would otherwise choose the "IP" its rate limits count. With this, the chain always ends
 * with the peer this process saw, and `clientIp` trusts exactly `TRUST_PROXY_HOPS` entries
 * before it. Idempotent; runs once at start-up, before the first request.
 */
export function appendPeerAddressToForwardedFor() {
  const prototype = Server.prototype as Server & { [installed]?: boolean };
  if (prototype[installed]) return;
  prototype[installed] = true;
  const emit = prototype.emit;
  prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const req = args[0] as IncomingMessage;
      const peer = req.socket?.remoteAddress;
      const claimed = req.headers['x-forwarded-for'];
      if (peer) req.headers['x-forwarded-for'] = claimed ? `${[claimed].flat().join(', ')}, ${peer}` : peer;
    }
    return emit.apply(this, [event, ...args] as Parameters<Server['emit']>);
  } as Server['emit'];
}
