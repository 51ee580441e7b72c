import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { OrganisationForm } from '@/components/admin/organisation-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/authz';
import { createOrganisation } from '../../actions';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('newOrganisation') };
}

export default async function NewOrganisationPage() {
  // Anyone without 'admin:manage' gets a 404, so the page does not reveal that it exists.
  await requirePageActor('admin:manage');
  const t = await getTranslations('admin');
  return (
    <ClientMessages namespaces={['admin.form', 'organisationKinds', 'validation']}>
      <>
        <Link href="/admin" className="mb-2 inline-block text-sm text-teal-800 hover:underline">
          {t('backToList')}
        </Link>
        <PageHeader title={t('newOrganisation')} description={t('newOrganisationIntro')} />
        <Card className="max-w-2xl">
          <OrganisationForm mode="create" action={createOrganisation} />
        </Card>
      </>
    </ClientMessages>
  );
}
