import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { open, seal, type Keyring } from '@/lib/credentials/encryption';

/**
 * Endpoint signing secrets: `whsec_` and 32 random bytes in base64, the Standard Webhooks form
 * that every verifying library accepts. Shown to the admin once (on creation and on rotation);
 * at rest sealed with the credentials keyring, bound to its endpoint (AES-GCM associated data),
 * so a sealed secret copied to another endpoint row does not open.
 */
export function generateWebhookSecret() {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

const associatedData = (endpointId: string) => `webhook-endpoint:${endpointId}`;

/** "keyId.iv.ciphertext.tag", each part base64. */
export function sealWebhookSecret(secret: string, endpointId: string, keyring: Keyring) {
  const sealed = seal(secret, keyring, associatedData(endpointId));
  return [sealed.keyId, sealed.iv.toString('base64'), sealed.ciphertext.toString('base64'), sealed.tag.toString('base64')].join('.');
}

export function openWebhookSecret(stored: string, endpointId: string, keyring: Keyring) {
  const [keyId, iv, ciphertext, tag] = stored.split('.');
  if (!keyId || !iv || !ciphertext || !tag) throw new Error('malformed sealed webhook secret');
  return open(
    { keyId, iv: Buffer.from(iv, 'base64'), ciphertext: Buffer.from(ciphertext, 'base64'), tag: Buffer.from(tag, 'base64') },
    keyring,
    associatedData(endpointId),
  );
}

/**
 * The Standard Webhooks headers for one attempt. With several secrets (during a rotation) the
 * signature header lists one `v1,…` per secret, space-separated; a receiver accepts any match.
 */
export function signWebhook(input: { id: string; timestamp: Date; body: string; secrets: string[] }) {
  const signatures = input.secrets.map((secret) => new Webhook(secret).sign(input.id, input.timestamp, input.body));
  return {
    'webhook-id': input.id,
    'webhook-timestamp': String(Math.floor(input.timestamp.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}
