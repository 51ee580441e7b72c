import { listEcrCatalogue } from '@/db/queries/orders';
import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';

/** GET /api/v1/ecr-products: the ECR catalogue the order form offers (supplier and ECR names for `sub_channel` and `merchant_rights`). */
export const GET = apiRoute(operations.listEcrProducts, async () => {
  return Response.json({ data: await listEcrCatalogue() });
});
