import { translateFieldErrors, withRoute } from '@/lib/authz';
import { templateCsv, templateFileName, templateXlsx } from '@/lib/batches/template';
import { AppError } from '@/lib/errors';
import { getRequestLocale } from '@/lib/i18n/request-locale';
import { batchTemplateSchema } from '@/lib/validations/batches';

const contentTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * GET /api/orders/batches/template?type=merchant&format=xlsx – the bulk-order template of a type,
 * its columns named in the reader's language, with one example row.
 */
export const GET = withRoute('orders:own', async (req) => {
  const parsed = batchTemplateSchema.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'INVALID_INPUT', await translateFieldErrors(parsed.error));
  const { type, format } = parsed.data;
  const locale = await getRequestLocale();
  const body = format === 'csv' ? templateCsv(type, locale) : Buffer.from(await templateXlsx(type, locale));
  return new Response(body, {
    headers: {
      'Content-Type': contentTypes[format],
      'Content-Disposition': `attachment; filename="${templateFileName(type, format)}"`,
      'Cache-Control': 'private, no-store',
    },
  });
});
