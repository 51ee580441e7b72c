import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { listBatchesForActor } from '@/db/queries/batches';
import { requirePageActor } from '@/lib/authz';
import { getKeptFormatter } from '@/lib/i18n/formatter';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('batchPage'))('listTitle') };
}

/** The organisation's batches, newest first: the way back to a batch page after its email. */
export default async function BatchesPage() {
  const actor = await requirePageActor('orders:own');
  const [t, format, batches] = await Promise.all([getTranslations(), getKeptFormatter(), listBatchesForActor(actor)]);
  return (
    <>
      <PageHeader title={t('batchPage.listTitle')} description={t('batchPage.listIntro')} />
      {batches.length === 0 ? (
        <EmptyState title={t('batchPage.listEmpty')} />
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="batch-list">
          {batches.map((batch) => (
            <li key={batch.id}>
              <Link href={`/orders/batches/${batch.id}`} className="grid gap-1 px-4 py-3 hover:bg-slate-50 sm:grid-cols-[6rem_1fr_auto] sm:items-center sm:gap-4">
                <span className="text-sm font-semibold text-slate-900">{t('batchPage.title', { number: batch.number })}</span>
                <span className="min-w-0">
                  <span className="block truncate font-medium text-slate-900">{batch.fileName ?? t(`accountTypes.${batch.type}.name`)}</span>
                  <span className="block text-sm text-slate-600">
                    {t(`accountTypes.${batch.type}.name`)} · {t('batchPage.rows', { count: batch.rowCount })} ·{' '}
                    {format.dateTime(batch.submittedAt, { dateStyle: 'medium', timeStyle: 'short' })}
                  </span>
                </span>
                {!batch.completedAt && <Badge tone="teal">{t('batchPage.inProgress')}</Badge>}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
