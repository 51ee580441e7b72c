import { z } from 'zod';
import { getLatestDelivery } from '@/db/queries/support';
import { withRoute } from '@/lib/authz';
import { AppError } from '@/lib/errors';
import { deliveryView } from '@/lib/sms/delivery-view';

/**
 * GET /api/orders/:orderId/delivery – the password SMS's latest attempt as support's order page
 * shows it, polled until it is final. Support only; never the number, the text or the password.
 */
export const GET = withRoute<{ orderId: string }>('support:queue', async (_req, { actor, params }) => {
  const orderId = z.uuid().safeParse(params.orderId);
  if (!orderId.success) throw new AppError('NOT_FOUND');
  const delivery = await getLatestDelivery(actor, orderId.data);
  return Response.json({ delivery: delivery && deliveryView(delivery) }, { headers: { 'Cache-Control': 'no-store' } });
});
