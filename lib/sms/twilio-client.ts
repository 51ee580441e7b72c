import twilio, { type Twilio } from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import { getEnv, type Env } from '@/lib/env';

const TWILIO_API_ORIGIN = /^https:\/\/[a-z0-9.-]*twilio\.com/;

/**
 * Sends every Twilio API call to `baseUrl` instead of twilio.com: how tests and staging point
 * the real SDK at a local double.
 */
class RedirectingRequestClient extends twilio.RequestClient {
  constructor(private readonly baseUrl: string) {
    super();
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    return super.request<TData>({ ...opts, uri: opts.uri.replace(TWILIO_API_ORIGIN, this.baseUrl.replace(/\/$/, '')) });
  }
}

export function createTwilioClient(env: Pick<Env, 'TWILIO_ACCOUNT_SID' | 'TWILIO_AUTH_TOKEN' | 'TWILIO_API_URL'>) {
  return twilio(env.TWILIO_ACCOUNT_SID, env.TWILIO_AUTH_TOKEN, {
    httpClient: env.TWILIO_API_URL ? new RedirectingRequestClient(env.TWILIO_API_URL) : undefined,
  });
}

let client: Twilio | undefined;

/** This process's Twilio client, from the validated configuration. */
export function getTwilioClient() {
  client ??= createTwilioClient(getEnv());
  return client;
}
