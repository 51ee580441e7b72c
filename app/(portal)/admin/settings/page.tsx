import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DeadlineForm } from '@/components/admin/deadline-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDeadlineSetting } from '@/db/queries/settings';
import { requirePageActor } from '@/lib/authz';
import { saveDeadlineSetting } from './actions';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.deadline'))('title') };
}

export default async function AdminSettingsPage() {
  await requirePageActor('admin:manage');
  const [t, current] = await Promise.all([getTranslations('admin.deadline'), getDeadlineSetting()]);
  return (
    <ClientMessages namespaces={['admin.deadline', 'validation']}>
      <>
        <PageHeader title={t('title')} description={t('intro')} />
        <Card className="max-w-xl">
          <DeadlineForm action={saveDeadlineSetting} current={current} />
        </Card>
      </>
    </ClientMessages>
  );
}
