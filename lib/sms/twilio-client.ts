import http from 'node:http';
import twilio, { type Twilio } from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import { getEnv, type Env } from '@/lib/env';

const TWILIO_API_ORIGIN = /^https:\/\/[a-z0-9.-]*twilio\.com/;

/**
 * Connections to Twilio: kept alive between calls (a new TCP and TLS handshake per message cost
 * the SMS worker more CPU than the call itself), and enough of them for the SMS workers' batches
 * in flight (the SDK's default is 20 per host); more calls wait for a free one. A call that takes
 * longer than `timeout` counts as ambiguous (the retry looks at Twilio first), well inside the
 * job's expiry.
 */
const CONNECTIONS = { keepAlive: true, maxSockets: 100, timeout: 10_000 };

/**
 * Sends every Twilio API call to `baseUrl` instead of twilio.com: how tests and staging point
 * the real SDK at a local double.
 */
class RedirectingRequestClient extends twilio.RequestClient {
  constructor(private readonly baseUrl: string) {
    super(CONNECTIONS);
    // The SDK configures its agent for https only; a plain-http double gets the same pooling.
    this.axios.defaults.httpAgent = new http.Agent(CONNECTIONS);
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    return super.request<TData>({ ...opts, uri: opts.uri.replace(TWILIO_API_ORIGIN, this.baseUrl.replace(/\/$/, '')) });
  }
}

export function createTwilioClient(env: Pick<Env, 'TWILIO_ACCOUNT_SID' | 'TWILIO_AUTH_TOKEN' | 'TWILIO_API_URL'>) {
  return twilio(env.TWILIO_ACCOUNT_SID, env.TWILIO_AUTH_TOKEN, {
    ...CONNECTIONS,
    httpClient: env.TWILIO_API_URL ? new RedirectingRequestClient(env.TWILIO_API_URL) : undefined,
  });
}

let client: Twilio | undefined;

/** This process's Twilio client, from the validated configuration. */
export function getTwilioClient() {
  client ??= createTwilioClient(getEnv());
  return client;
}
