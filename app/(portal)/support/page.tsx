import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { orderRowData, rowDate } from '@/components/orders/order-row-data';
import { OrderRows } from '@/components/orders/order-rows';
import { buttonClasses } from '@/components/ui/button';
import { QueueFilters } from '@/components/support/queue-filters';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getBatchForActor } from '@/db/queries/batches';
import { listQueue, listSupportAgents, QUEUE_PAGE_SIZE } from '@/db/queries/support';
import { requirePageActor } from '@/lib/authz';
import { listRowDeadline } from '@/lib/orders/deadline';
import { accountTypes, orderStates } from '@/lib/orders/model';
import { queueFiltersSchema } from '@/lib/validations/support';
import { getKeptFormatter } from '@/lib/i18n/formatter';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('support'))('title') };
}

export default async function SupportQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('support:queue');
  const filters = queueFiltersSchema.parse(await searchParams);
  // One moment for the risk filter and the rows' badges, so that they agree.
  const now = new Date();
  const [t, format, locale, { rows, nextCursor }, agents, batch] = await Promise.all([
    getTranslations(),
    getKeptFormatter(),
    getLocale(),
    listQueue(actor, filters, undefined, now),
    listSupportAgents(actor),
    filters.batch ? getBatchForActor(actor, filters.batch) : null,
  ]);
  const intl = { t, format, locale };
  const { after, ...chosen } = filters;
  const filtered = Object.values(chosen).some(Boolean);
  /** The queue's address with these filters (and page), leaving out what is empty. */
  const queueHref = (params: Partial<typeof filters>) => {
    const text = new URLSearchParams(Object.entries(params).flatMap(([key, value]) => (value ? [[key, value]] : [])) as [string, string][]).toString();
    return text ? `/support?${text}` : '/support';
  };

  return (
    <>
      <PageHeader title={t('support.title')} description={t('support.intro')} />
      {batch && (
        <p className="mb-3 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-teal-200 bg-teal-50 px-3 py-2 text-sm text-teal-950" data-testid="queue-batch">
          <Link href={`/orders/batches/${batch.id}`} className="font-semibold hover:underline">
            {t('batchPage.queueFilter', { number: batch.number })}
          </Link>
          <span>{batch.organisationName}</span>
          <Link href={queueHref({ ...chosen, batch: undefined })} className="font-medium text-teal-800 underline">
            {t('batchPage.queueShowAll')}
          </Link>
        </p>
      )}
      <QueueFilters
        before={[
          {
            label: t('orders.state'),
            name: 'state',
            defaultValue: filters.state ?? '',
            options: [{ value: '', label: t('orderStates.open') }, ...orderStates.map((state) => ({ value: state, label: t(`orderStates.${state}`) }))],
          },
          {
            label: t('orders.type'),
            name: 'type',
            defaultValue: filters.type ?? '',
            options: [{ value: '', label: t('orders.all') }, ...accountTypes.map((type) => ({ value: type, label: t(`accountTypes.${type}.name`) }))],
          },
        ]}
        partner={{ label: t('support.organisation'), placeholder: t('support.partnerPlaceholder'), defaultValue: filters.partner }}
        after={[
          {
            label: t('support.assignee'),
            name: 'assignee',
            defaultValue: filters.assignee ?? '',
            options: [
              { value: '', label: t('support.anyone') },
              { value: 'me', label: t('support.me') },
              { value: 'unassigned', label: t('support.unassigned') },
              ...agents.map((agent) => ({ value: agent.userId, label: agent.name ?? agent.email })),
            ],
          },
          {
            label: t('support.risk'),
            name: 'risk',
            defaultValue: filters.risk ?? '',
            options: [
              { value: '', label: t('orders.all') },
              { value: 'at_risk', label: t('support.atRisk') },
              { value: 'overdue', label: t('support.overdue') },
            ],
          },
        ]}
        batch={filters.batch}
        applyLabel={t('orders.apply')}
        clearLabel={filtered ? t('orders.clear') : undefined}
      />

      {rows.length === 0 ? (
        <EmptyState
          title={filtered || after ? t('orders.noMatches') : t('support.empty')}
          hint={filtered || after ? t('orders.noMatchesHint') : t('support.emptyHint')}
        />
      ) : (
        <OrderRows
          testId="queue"
          rows={rows.map((order) =>
            orderRowData(
              { ...order, deadline: listRowDeadline(order, now) },
              [
                t(`accountTypes.${order.type}.name`),
                rowDate(order.submittedAt, intl),
                order.batchNumber !== null && t('batchPage.title', { number: order.batchNumber }),
                order.assigneeName,
              ],
              'support',
              intl,
            ),
          )}
        />
      )}
      <nav className="mt-4 flex justify-between gap-2" aria-label={t('support.title')}>
        {after ? (
          <Link href={queueHref(chosen)} className={buttonClasses('ghost')}>
            {t('support.firstPage')}
          </Link>
        ) : (
          <span />
        )}
        {nextCursor && (
          <Link href={queueHref({ ...chosen, after: nextCursor })} className={buttonClasses('secondary')}>
            {t('support.nextPage', { count: QUEUE_PAGE_SIZE })}
          </Link>
        )}
      </nav>
    </>
  );
}
