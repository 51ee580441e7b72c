import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { getTranslations } from 'next-intl/server';
import Papa from 'papaparse';
import { z } from 'zod';
import { getBatchForActor, listBatchOrders } from '@/db/queries/batches';
import { withRoute } from '@/lib/authz';
import { AppError } from '@/lib/errors';

const csvColumns = ['row', 'order', 'state', 'type', 'recipient', 'email', 'merchant', 'businessId', 'submitted', 'due', 'completed', 'username'] as const;

const helsinki = (date: Date | null) => (date ? format(new TZDate(date, 'Europe/Helsinki'), 'yyyy-MM-dd HH:mm') : '');

/**
 * GET /orders/batches/:batchId/export – the batch as it stands now, one row per order, as CSV
 * that Excel opens in the reader's language (a BOM for UTF-8; semicolons in Finnish and Swedish,
 * as their Excel expects). Usernames once created; passwords never: the portal does not keep them.
 */
export const GET = withRoute<{ batchId: string }>('organisation:read-own', async (_req, { actor, params }) => {
  const id = z.uuid().safeParse(params.batchId);
  const batch = id.success ? await getBatchForActor(actor, id.data) : null;
  if (!batch) throw new AppError('NOT_FOUND');
  const [t, orders] = await Promise.all([getTranslations({ locale: actor.locale }), listBatchOrders(batch.id, { limit: batch.rowCount })]);
  const csv = Papa.unparse(
    {
      fields: csvColumns.map((key) => t(`batchPage.csv.${key}`)),
      data: orders.map((order) => [
        order.rowNumber,
        order.number,
        t(`orderStates.${order.state}`),
        t(`accountTypes.${order.type}.name`),
        order.recipientName,
        order.recipientEmail,
        order.merchantName ?? '',
        order.merchantBusinessId ?? '',
        helsinki(order.submittedAt),
        helsinki(order.dueAt),
        helsinki(order.completedAt),
        order.username ?? '',
      ]),
    },
    // Cells starting with = + - @ are quoted and escaped, so a name cannot become a formula.
    { delimiter: actor.locale === 'en' ? ',' : ';', newline: '\r\n', escapeFormulae: true },
  );
  const fileName = `batch-${batch.number}.csv`;
  return new Response(`\uFEFF${csv}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
    },
  });
});
