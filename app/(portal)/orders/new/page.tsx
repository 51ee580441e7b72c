import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AccountTypeAdvisor } from '@/components/orders/account-type-advisor';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/authz';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('advisor'))('title') };
}

export default async function NewOrderAdvisorPage() {
  await requirePageActor('orders:own');
  const t = await getTranslations('advisor');
  return (
    <ClientMessages namespaces={['advisor', 'accountTypes']}>
      <div className="max-w-2xl">
        <PageHeader title={t('title')} description={t('intro')} />
        <AccountTypeAdvisor />
      </div>
    </ClientMessages>
  );
}
