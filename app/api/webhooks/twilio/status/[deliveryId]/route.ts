import type { NextRequest } from 'next/server';
import twilio from 'twilio';
import { z } from 'zod';
import { unsafeApplyDeliveryStatus, unsafeGetDelivery } from '@/db/queries/deliveries';
import { smsStatuses } from '@/lib/sms/delivery-rules';
import { getEnv } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { bodyLimits, readBoundedText } from '@/lib/http/body-limit';
import { statusCallbackUrl } from '@/lib/sms/credentials-sms';

const callbackSchema = z.object({
  MessageSid: z.string().min(1),
  MessageStatus: z.enum(smsStatuses),
  ErrorCode: z.string().optional(),
});

/**
 * POST /api/webhooks/twilio/status/:deliveryId – Twilio's status for one password SMS.
 *
 * Note: the signature is checked against the public URL from configuration (NEXTAUTH_URL),
 * not the URL this process sees, which a proxy changes. Nothing is read from an unsigned or
 * forged request; the URL carries only the opaque delivery id.
 */
export async function POST(req: NextRequest, context: { params: Promise<{ deliveryId: string }> }) {
  const { deliveryId } = await context.params;
  const env = getEnv();
  const signature = req.headers.get('x-twilio-signature');
  let body: string;
  try {
    // Twilio's callbacks are a few hundred bytes; anything larger is refused before it is held.
    body = await readBoundedText(req, bodyLimits.twilioCallback);
  } catch (error) {
    if (isAppError(error)) return new Response('Payload too large', { status: 413 });
    throw error;
  }
  const params = Object.fromEntries(new URLSearchParams(body));
  if (!env.TWILIO_AUTH_TOKEN || !signature || !twilio.validateRequest(env.TWILIO_AUTH_TOKEN, signature, statusCallbackUrl(deliveryId), params)) {
    return new Response('Forbidden', { status: 403 });
  }

  const parsed = callbackSchema.safeParse(params);
  if (!parsed.success || !z.uuid().safeParse(deliveryId).success) return new Response('Bad request', { status: 400 });
  const row = await unsafeGetDelivery(deliveryId);
  // A signed callback about a message that is not this delivery's is ignored, not trusted.
  if (!row || (row.delivery.twilioSid && row.delivery.twilioSid !== parsed.data.MessageSid)) return new Response(null, { status: 204 });

  // A delivered status queues the redaction at Twilio in the same transaction (lib/sms/redaction.ts).
  await unsafeApplyDeliveryStatus(deliveryId, parsed.data.MessageStatus, parsed.data.ErrorCode ?? null, parsed.data.MessageSid);
  return new Response(null, { status: 204 });
}
