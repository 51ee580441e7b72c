import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AccountTypeAdvisor } from '@/components/orders/account-type-advisor';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/authz';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('advisor'))('title') };
}

export default async function NewOrderAdvisorPage() {
  await requirePageActor('orders:own');
  const t = await getTranslations('advisor');
  return (
    <div className="max-w-2xl">
      <PageHeader title={t('title')} description={t('intro')} />
      <AccountTypeAdvisor />
    </div>
  );
}
