import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { orderRowData, rowDate } from '@/components/orders/order-row-data';
import { OrderRows } from '@/components/orders/order-rows';
import { buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { SelectField } from '@/components/ui/select-field';
import { listOrdersForActor } from '@/db/queries/orders';
import { requirePageActor } from '@/lib/authz';
import { listRowDeadline } from '@/lib/orders/deadline';
import { accountTypes } from '@/lib/orders/model';
import { orderListFiltersSchema } from '@/lib/validations/order';
import { getKeptFormatter } from '@/lib/i18n/formatter';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('orders'))('title') };
}

const stateFilters = ['open', 'submitted', 'in_progress', 'needs_info', 'completed', 'rejected', 'cancelled'] as const;

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('orders:own');
  const filters = orderListFiltersSchema.parse(await searchParams);
  const [t, format, locale, page] = await Promise.all([getTranslations(), getKeptFormatter(), getLocale(), listOrdersForActor(actor, filters)]);
  const intl = { t, format, locale };
  const now = new Date();
  const filtered = Boolean(filters.state || filters.type || filters.q);
  const query = (extra: Record<string, string | undefined>) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ state: filters.state, type: filters.type, q: filters.q, ...extra })) {
      if (value) params.set(key, value);
    }
    const text = params.toString();
    return text ? `/orders?${text}` : '/orders';
  };

  return (
    <>
      <PageHeader
        title={t('orders.title')}
        description={t('orders.intro', { organisation: actor.organisationName })}
        actions={
          <>
            <Link href="/orders/batches" className={buttonClasses('secondary')}>
              {t('batchPage.listLink')}
            </Link>
            <Link href="/orders/new" className={buttonClasses('primary')}>
              {t('orders.new')}
            </Link>
          </>
        }
      />
      <form action="/orders" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-[1fr_1fr_2fr_auto] sm:items-end">
        <SelectField
          label={t('orders.state')}
          name="state"
          defaultValue={filters.state ?? ''}
          options={[{ value: '', label: t('orders.all') }, ...stateFilters.map((state) => ({ value: state, label: t(`orderStates.${state}`) }))]}
        />
        <SelectField
          label={t('orders.type')}
          name="type"
          defaultValue={filters.type ?? ''}
          options={[{ value: '', label: t('orders.all') }, ...accountTypes.map((type) => ({ value: type, label: t(`accountTypes.${type}.name`) }))]}
        />
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          {t('orders.search')}
          <input
            type="search"
            name="q"
            defaultValue={filters.q}
            placeholder={t('orders.searchPlaceholder')}
            className="min-h-10 rounded-md border border-slate-300 px-3 text-base sm:text-sm"
          />
        </label>
        <div className="flex gap-2">
          <button className={buttonClasses('secondary')}>{t('orders.apply')}</button>
          {filtered && (
            <Link href="/orders" className={buttonClasses('ghost')}>
              {t('orders.clear')}
            </Link>
          )}
        </div>
      </form>

      {page.rows.length === 0 ? (
        filtered || filters.after ? (
          <EmptyState title={t('orders.noMatches')} hint={t('orders.noMatchesHint')} />
        ) : (
          <EmptyState title={t('orders.empty')} hint={t('orders.emptyHint')} />
        )
      ) : (
        <OrderRows
          testId="order-list"
          rows={page.rows.map((order) =>
            orderRowData(
              { ...order, deadline: listRowDeadline(order, now) },
              [t(`accountTypes.${order.type}.name`), rowDate(order.submittedAt, intl)],
              'partner',
              intl,
            ),
          )}
        />
      )}
      <nav className="mt-4 flex justify-between gap-2" aria-label={t('orders.title')}>
        {filters.after ? (
          <Link href={query({ after: undefined })} className={buttonClasses('ghost')}>
            {t('orders.newest')}
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor && (
          <Link href={query({ after: page.nextCursor })} className={buttonClasses('secondary')}>
            {t('orders.older')}
          </Link>
        )}
      </nav>
    </>
  );
}
