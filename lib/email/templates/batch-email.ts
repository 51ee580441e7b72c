import type { AccountType } from '@/lib/orders/model';
import type { Locale } from '@/lib/i18n/config';
import { getLocaleFormatter, getTranslator } from '@/lib/i18n/translator';
import { renderEmail } from './layout';

/**
 * The one email about a whole batch, instead of an "order received" for each of its orders: how
 * many orders Poplapay has, by when, and the batch page that follows them all.
 */
export function batchEmail(
  batch: { number: number; type: AccountType; fileName: string | null; rowCount: number; firstDueAt: Date | null },
  link: string,
  locale: Locale,
) {
  const t = getTranslator(locale);
  const format = getLocaleFormatter(locale);
  const values = {
    number: batch.number,
    count: batch.rowCount,
    type: t(`accountTypes.${batch.type}.name`),
    file: batch.fileName ?? '',
    due: batch.firstDueAt ? format.dateTime(batch.firstDueAt, { dateStyle: 'full', timeStyle: 'short' }) : '',
  };
  return renderEmail({
    subject: t('email.batch.subject', values),
    heading: t('email.batch.heading', values),
    paragraphs: [
      batch.fileName ? t('email.batch.bodyFile', values) : t('email.batch.body', values),
      t('email.batch.due', values),
      t('email.batch.follow'),
    ],
    action: { label: t('email.batch.action'), url: link },
    footer: t('email.footer'),
  });
}
