import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/authz';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('orders'))('title') };
}

export default async function OrdersPage() {
  const actor = await requirePageActor('orders:own');
  const t = await getTranslations('orders');
  return (
    <>
      <PageHeader title={t('title')} description={t('intro', { organisation: actor.organisationName })} />
      <EmptyState title={t('empty')} hint={t('emptyHint')} />
    </>
  );
}
