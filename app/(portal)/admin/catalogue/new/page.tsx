import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { CatalogueForm } from '@/components/catalogue/catalogue-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { listCatalogueOrganisations } from '@/db/queries/catalogue';
import { requirePageActor } from '@/lib/authz';
import { saveCatalogueEntryAction } from '../actions';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('catalogue'))('new') };
}

export default async function NewCatalogueEntryPage() {
  await requirePageActor('admin:manage');
  const [t, { suppliers, resellers }] = await Promise.all([getTranslations('catalogue'), listCatalogueOrganisations()]);
  return (
    <ClientMessages namespaces={['catalogue.form', 'validation']}>
      <>
        <Link href="/admin/catalogue" className="mb-2 inline-block text-sm text-teal-800 hover:underline">
          {t('title')}
        </Link>
        <PageHeader title={t('new')} description={t('newIntro')} />
        <Card className="max-w-3xl">
          <CatalogueForm
            action={saveCatalogueEntryAction}
            suppliers={suppliers}
            resellers={resellers}
            defaults={{ supplierName: '', ecrName: '', integrationName: '', supplierOrganisationId: '', merchantVisibility: '3b', resellerIds: [], active: true }}
          />
        </Card>
      </>
    </ClientMessages>
  );
}
