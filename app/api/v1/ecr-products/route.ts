import { listEcrCatalogue } from '@/db/queries/orders';
import { apiRoute } from '@/lib/api/route';

/** GET /api/v1/ecr-products: the ECR catalogue the order form offers (supplier and ECR names for `sub_channel` and `merchant_rights`). */
export const GET = apiRoute({ permission: 'orders:own', scope: 'read' }, async () => {
  return Response.json({ data: await listEcrCatalogue() });
});
