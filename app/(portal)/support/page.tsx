import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { OrderRow, OrderRowTitle } from '@/components/orders/order-row';
import { buttonClasses } from '@/components/ui/button';
import { PartnerFilter } from '@/components/support/partner-filter';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { SelectField } from '@/components/ui/select-field';
import { getBatchForActor } from '@/db/queries/batches';
import { listQueue, listSupportAgents } from '@/db/queries/support';
import { requirePageActor } from '@/lib/authz';
import { listRowDeadline } from '@/lib/orders/deadline';
import { accountTypes, orderStates } from '@/lib/orders/model';
import { queueFiltersSchema } from '@/lib/validations/support';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('support'))('title') };
}

export default async function SupportQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('support:queue');
  const filters = queueFiltersSchema.parse(await searchParams);
  // One moment for the risk filter and the rows' badges, so that they agree.
  const now = new Date();
  const [t, format, rows, agents, batch] = await Promise.all([
    getTranslations(),
    getFormatter(),
    listQueue(actor, filters, undefined, now),
    listSupportAgents(actor),
    filters.batch ? getBatchForActor(actor, filters.batch) : null,
  ]);
  const filtered = Object.values(filters).some(Boolean);
  const withoutBatch = new URLSearchParams(
    Object.entries({ ...filters, batch: undefined }).flatMap(([key, value]) => (value ? [[key, value]] : [])) as [string, string][],
  ).toString();

  return (
    <>
      <PageHeader title={t('support.title')} description={t('support.intro')} />
      {batch && (
        <p className="mb-3 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-teal-200 bg-teal-50 px-3 py-2 text-sm text-teal-950" data-testid="queue-batch">
          <Link href={`/orders/batches/${batch.id}`} className="font-semibold hover:underline">
            {t('batchPage.queueFilter', { number: batch.number })}
          </Link>
          <span>{batch.organisationName}</span>
          <Link href={withoutBatch ? `/support?${withoutBatch}` : '/support'} className="font-medium text-teal-800 underline">
            {t('batchPage.queueShowAll')}
          </Link>
        </p>
      )}
      <form action="/support" className="mb-4 grid grid-cols-2 items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-3 lg:grid-cols-6">
        <SelectField
          label={t('orders.state')}
          name="state"
          defaultValue={filters.state ?? ''}
          options={[{ value: '', label: t('orderStates.open') }, ...orderStates.map((state) => ({ value: state, label: t(`orderStates.${state}`) }))]}
        />
        <SelectField
          label={t('orders.type')}
          name="type"
          defaultValue={filters.type ?? ''}
          options={[{ value: '', label: t('orders.all') }, ...accountTypes.map((type) => ({ value: type, label: t(`accountTypes.${type}.name`) }))]}
        />
        <PartnerFilter
          // A whole row on phones: the hint fits.
          className="col-span-2 sm:col-span-1"
          label={t('support.organisation')}
          placeholder={t('support.partnerPlaceholder')}
          defaultValue={filters.partner}
        />
        <SelectField
          label={t('support.assignee')}
          name="assignee"
          defaultValue={filters.assignee ?? ''}
          options={[
            { value: '', label: t('support.anyone') },
            { value: 'me', label: t('support.me') },
            { value: 'unassigned', label: t('support.unassigned') },
            ...agents.map((agent) => ({ value: agent.userId, label: agent.name ?? agent.email })),
          ]}
        />
        <SelectField
          label={t('support.risk')}
          name="risk"
          defaultValue={filters.risk ?? ''}
          options={[
            { value: '', label: t('orders.all') },
            { value: 'at_risk', label: t('support.atRisk') },
            { value: 'overdue', label: t('support.overdue') },
          ]}
        />
        <div className="col-span-2 flex gap-2 sm:col-span-1">
          {filters.batch && <input type="hidden" name="batch" value={filters.batch} />}
          <button className={buttonClasses('secondary')}>{t('orders.apply')}</button>
          {filtered && (
            <Link href="/support" className={buttonClasses('ghost')}>
              {t('orders.clear')}
            </Link>
          )}
        </div>
      </form>

      {rows.length === 0 ? (
        <EmptyState title={filtered ? t('orders.noMatches') : t('support.empty')} hint={filtered ? t('orders.noMatchesHint') : t('support.emptyHint')} />
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="queue">
          {rows.map((order) => (
            <OrderRow
              key={order.id}
              id={order.id}
              number={order.number}
              state={order.state}
              deadline={listRowDeadline(order, now)}
              audience="support"
              title={<OrderRowTitle organisationName={order.organisationName} recipientName={order.recipientName} merchantName={order.merchantName} />}
              details={[
                t(`accountTypes.${order.type}.name`),
                format.dateTime(order.submittedAt, { dateStyle: 'medium' }),
                order.batchNumber !== null && t('batchPage.title', { number: order.batchNumber }),
                order.assigneeName,
              ]
                .filter(Boolean)
                .join(' · ')}
            />
          ))}
        </ul>
      )}
    </>
  );
}
