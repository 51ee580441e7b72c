import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { OrderRow } from '@/components/orders/order-row';
import { buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { listOrganisationsForActor } from '@/db/queries/organisations';
import { listQueue, listSupportAgents } from '@/db/queries/support';
import { requirePageActor } from '@/lib/authz';
import { listRowDeadline } from '@/lib/orders/deadline';
import { accountTypes, orderStates } from '@/lib/orders/model';
import { queueFiltersSchema } from '@/lib/validations/support';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('support'))('title') };
}

const selectClasses = 'min-h-10 rounded-md border border-slate-300 bg-white px-2 text-base sm:text-sm';

export default async function SupportQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('support:queue');
  const filters = queueFiltersSchema.parse(await searchParams);
  const [t, format, rows, organisations, agents] = await Promise.all([
    getTranslations(),
    getFormatter(),
    listQueue(actor, filters),
    listOrganisationsForActor(actor),
    listSupportAgents(),
  ]);
  const now = new Date();
  const filtered = Object.values(filters).some(Boolean);

  return (
    <>
      <PageHeader title={t('support.title')} description={t('support.intro')} />
      <form action="/support" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-3 lg:grid-cols-6 lg:items-end">
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          {t('orders.state')}
          <select name="state" defaultValue={filters.state ?? ''} className={selectClasses}>
            <option value="">{t('orderStates.open')}</option>
            {orderStates.map((state) => (
              <option key={state} value={state}>
                {t(`orderStates.${state}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          {t('orders.type')}
          <select name="type" defaultValue={filters.type ?? ''} className={selectClasses}>
            <option value="">{t('orders.all')}</option>
            {accountTypes.map((type) => (
              <option key={type} value={type}>
                {t(`accountTypes.${type}.name`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          {t('support.organisation')}
          <select name="organisationId" defaultValue={filters.organisationId ?? ''} className={selectClasses}>
            <option value="">{t('orders.all')}</option>
            {organisations
              .filter((organisation) => organisation.kind !== 'poplapay')
              .map((organisation) => (
                <option key={organisation.id} value={organisation.id}>
                  {organisation.name}
                </option>
              ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          {t('support.assignee')}
          <select name="assignee" defaultValue={filters.assignee ?? ''} className={selectClasses}>
            <option value="">{t('support.anyone')}</option>
            <option value="me">{t('support.me')}</option>
            <option value="unassigned">{t('support.unassigned')}</option>
            {agents.map((agent) => (
              <option key={agent.userId} value={agent.userId}>
                {agent.name ?? agent.email}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          {t('support.risk')}
          <select name="risk" defaultValue={filters.risk ?? ''} className={selectClasses}>
            <option value="">{t('orders.all')}</option>
            <option value="at_risk">{t('support.atRisk')}</option>
            <option value="overdue">{t('support.overdue')}</option>
          </select>
        </label>
        <div className="flex gap-2">
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
              title={
                <>
                  {order.organisationName} · {order.recipientName}
                  {order.merchantName && <span className="font-normal text-slate-600"> · {order.merchantName}</span>}
                </>
              }
              details={[t(`accountTypes.${order.type}.name`), format.dateTime(order.submittedAt, { dateStyle: 'medium' }), order.assigneeName]
                .filter(Boolean)
                .join(' · ')}
            />
          ))}
        </ul>
      )}
    </>
  );
}
