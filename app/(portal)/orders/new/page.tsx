import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AccountTypeAdvisor } from '@/components/orders/account-type-advisor';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/authz';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('advisor'))('title') };
}

export default async function NewOrderAdvisorPage() {
  await requirePageActor('orders:own');
  const [t, tb] = await Promise.all([getTranslations('advisor'), getTranslations('batches.upload')]);
  return (
    <ClientMessages namespaces={['advisor', 'accountTypes']}>
      <div className="max-w-2xl">
        <PageHeader title={t('title')} description={t('intro')} />
        <AccountTypeAdvisor />
        <section aria-labelledby="bulk-ordering" className="mt-10 border-t border-slate-200 pt-6">
          <h2 id="bulk-ordering" className="text-base font-semibold text-slate-900">
            {tb('manyTitle')}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{tb('manyHint')}</p>
          <Link href="/orders/new/batch" className="mt-3 inline-block text-sm font-medium text-teal-800 underline">
            {tb('manyLink')}
          </Link>
        </section>
      </div>
    </ClientMessages>
  );
}
