import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/authz';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('support'))('title') };
}

export default async function SupportQueuePage() {
  await requirePageActor('support:queue');
  const t = await getTranslations('support');
  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      <EmptyState title={t('empty')} hint={t('emptyHint')} />
    </>
  );
}
