import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { z } from 'zod';
import { StateBadge } from '@/components/orders/badges';
import { BatchProgress } from '@/components/orders/batch-progress';
import { orderRowData } from '@/components/orders/order-row-data';
import { OrderRows } from '@/components/orders/order-rows';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { BATCH_PAGE_SIZE, countBatchOrdersByState, listBatchOrders } from '@/db/queries/batches';
import { listRowDeadline } from '@/lib/orders/deadline';
import { orderStates } from '@/lib/orders/model';
import { roleCan } from '@/lib/permissions';
import { cn } from '@/components/ui/cn';
import { loadBatch } from './load-batch';
import { getKeptFormatter } from '@/lib/i18n/formatter';

type Props = { params: Promise<{ batchId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The list's filter (only the orders waiting for the partner's answer) and where its page starts. */
const viewSchema = z.object({
  state: z.literal('needs_info').optional().catch(undefined),
  from: z.coerce.number().int().min(0).max(1_000_000).optional().catch(undefined),
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { batch } = await loadBatch((await params).batchId);
  return { title: (await getTranslations('batchPage'))('title', { number: batch.number }) };
}

export default async function BatchPage({ params, searchParams }: Props) {
  const { actor, batch } = await loadBatch((await params).batchId);
  const view = viewSchema.parse(await searchParams);
  const [t, format, locale, counts, rows] = await Promise.all([
    getTranslations(),
    getKeptFormatter(),
    getLocale(),
    countBatchOrdersByState(batch.id),
    listBatchOrders(batch.id, { state: view.state, fromRow: view.from }),
  ]);
  const now = new Date();
  const support = roleCan(actor.role, 'support:queue');
  const placing = batch.placed < batch.rowCount;
  const href = (extra: { state?: string; from?: number }) => {
    const query = new URLSearchParams();
    if (extra.state) query.set('state', extra.state);
    if (extra.from) query.set('from', String(extra.from));
    const text = query.toString();
    return `/orders/batches/${batch.id}${text ? `?${text}` : ''}`;
  };
  const filters = [
    { label: t('batchPage.all', { count: batch.placed }), href: href({}), current: !view.state },
    { label: t('batchPage.needsInfo', { count: counts.needs_info ?? 0 }), href: href({ state: 'needs_info' }), current: view.state === 'needs_info' },
  ];
  const last = rows.at(-1);

  return (
    <>
      <PageHeader
        title={t('batchPage.title', { number: batch.number })}
        description={
          <>
            {t('batchPage.meta', {
              type: t(`accountTypes.${batch.type}.name`),
              date: format.dateTime(batch.submittedAt, { dateStyle: 'medium', timeStyle: 'short' }),
              who: batch.byApiKey ? t('events.apiKey', { name: batch.submittedBy }) : batch.submittedBy,
            })}
            {batch.fileName && <span className="block">{t('batchPage.file', { file: batch.fileName })}</span>}
            {support && <span className="block">{t('batchPage.organisation', { organisation: batch.organisationName })}</span>}
          </>
        }
        actions={
          <>
            {support && (
              <Link href={`/support?batch=${batch.id}`} className={buttonClasses('primary')}>
                {t('batchPage.workInQueue')}
              </Link>
            )}
            <a href={`/orders/batches/${batch.id}/export`} download className={buttonClasses('secondary')}>
              {t('batchPage.export')}
            </a>
          </>
        }
      />

      <Card className="mb-6 grid gap-4">
        <BatchProgress
          placed={batch.placed}
          total={batch.rowCount}
          label={t('batchPage.progress')}
          status={placing ? t('batchPage.placing', { placed: batch.placed, count: batch.rowCount }) : t('batchPage.placed', { count: batch.rowCount })}
        />
        <div>
          <h2 className="mb-2 text-sm font-semibold text-slate-900">{t('batchPage.states')}</h2>
          <dl className="flex flex-wrap gap-x-5 gap-y-2 text-sm" data-testid="batch-counts">
            {orderStates
              .filter((state) => counts[state])
              .map((state) => (
                <div key={state} className="flex items-center gap-2">
                  <dt>
                    <StateBadge state={state} t={t} />
                  </dt>
                  <dd className="font-semibold tabular-nums">{counts[state]}</dd>
                </div>
              ))}
          </dl>
        </div>
      </Card>

      <nav className="mb-3 flex flex-wrap gap-2" aria-label={t('batchPage.ordersOfBatch', { number: batch.number })}>
        {filters.map((filter) => (
          <Link
            key={filter.href}
            href={filter.href}
            aria-current={filter.current ? 'page' : undefined}
            className={cn(buttonClasses(filter.current ? 'secondary' : 'ghost'), filter.current && 'ring-2 ring-teal-700')}
          >
            {filter.label}
          </Link>
        ))}
      </nav>

      {rows.length === 0 ? (
        <EmptyState title={view.state ? t('batchPage.noneNeedInfo') : t('batchPage.noOrdersYet')} />
      ) : (
        <OrderRows
          testId="batch-orders"
          rows={rows.map((order) =>
            orderRowData(
              { ...order, deadline: listRowDeadline(order, now) },
              [t('batchPage.row', { row: order.rowNumber }), order.merchantBusinessId],
              support ? 'support' : 'partner',
              { t, format, locale },
            ),
          )}
        />
      )}
      <nav className="mt-4 flex justify-between gap-2" aria-label={t('batchPage.ordersOfBatch', { number: batch.number })}>
        {view.from ? (
          <Link href={href({ state: view.state })} className={buttonClasses('ghost')}>
            {t('batchPage.first')}
          </Link>
        ) : (
          <span />
        )}
        {rows.length === BATCH_PAGE_SIZE && last && (
          <Link href={href({ state: view.state, from: last.rowNumber + 1 })} className={buttonClasses('secondary')}>
            {t('batchPage.more')}
          </Link>
        )}
      </nav>
    </>
  );
}
