import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { CatalogueForm } from '@/components/catalogue/catalogue-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getCatalogueEntry, listCatalogueOrganisations } from '@/db/queries/catalogue';
import { requirePageActor } from '@/lib/authz';
import { saveCatalogueEntryAction } from '../actions';
import { ClientMessages } from '@/components/i18n/client-messages';

type Props = {
  params: Promise<{ ecrProductId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function loadEntry(params: Props['params']) {
  await requirePageActor('admin:manage');
  const id = z.uuid().safeParse((await params).ecrProductId);
  const entry = id.success ? await getCatalogueEntry(id.data) : null;
  if (!entry) notFound();
  return entry;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const entry = await loadEntry(params);
  return { title: `${entry.supplierName} · ${entry.ecrName}` };
}

export default async function CatalogueEntryPage({ params, searchParams }: Props) {
  const entry = await loadEntry(params);
  const [t, { suppliers, resellers }, { created }] = await Promise.all([getTranslations('catalogue'), listCatalogueOrganisations(), searchParams]);
  return (
    <ClientMessages namespaces={['catalogue.form', 'validation']}>
      <>
        <Link href="/admin/catalogue" className="mb-2 inline-block text-sm text-teal-800 hover:underline">
          {t('title')}
        </Link>
        {created === '1' && (
          <p role="status" className="mb-4 rounded-md bg-teal-50 px-3 py-2 text-sm text-teal-900">
            {t('created')}
          </p>
        )}
        <PageHeader title={`${entry.supplierName} · ${entry.ecrName}`} description={entry.integrationName} />
        <Card className="max-w-3xl">
          <CatalogueForm
            action={saveCatalogueEntryAction}
            ecrProductId={entry.id}
            suppliers={suppliers}
            resellers={resellers}
            defaults={{
              supplierName: entry.supplierName,
              ecrName: entry.ecrName,
              integrationName: entry.integrationName,
              supplierOrganisationId: entry.supplierOrganisationId ?? '',
              merchantVisibility: entry.supplierSeesMerchants ? '3a' : '3b',
              resellerIds: entry.resellerIds,
              active: entry.active,
            }}
          />
        </Card>
      </>
    </ClientMessages>
  );
}
