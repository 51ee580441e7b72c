import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { listCatalogue } from '@/db/queries/catalogue';
import { requirePageActor } from '@/lib/authz';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('catalogue'))('title') };
}

/** The ECR catalogue: what the order form offers, who resells each ECR, and 3a or 3b. */
export default async function CataloguePage() {
  await requirePageActor('admin:manage');
  const [t, entries] = await Promise.all([getTranslations(), listCatalogue()]);
  return (
    <>
      <Link href="/admin" className="mb-2 inline-block text-sm text-teal-800 hover:underline">
        {t('admin.title')}
      </Link>
      <PageHeader
        title={t('catalogue.title')}
        description={t('catalogue.intro')}
        actions={
          <Link href="/admin/catalogue/new" className={buttonClasses('primary')}>
            {t('catalogue.new')}
          </Link>
        }
      />
      {entries.length === 0 ? (
        <EmptyState title={t('catalogue.empty')} hint={t('catalogue.emptyHint')} />
      ) : (
        <ul data-testid="catalogue-list" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {entries.map((entry) => (
            <li key={entry.id}>
              <Link href={`/admin/catalogue/${entry.id}`} className="flex flex-col gap-1 px-4 py-3 hover:bg-slate-50 sm:flex-row sm:items-center sm:justify-between">
                <span className="flex flex-col">
                  <span className={entry.active ? 'font-medium text-slate-900' : 'font-medium text-slate-500'}>
                    {entry.supplierName} · {entry.ecrName}
                  </span>
                  <span className="text-sm text-slate-600">
                    {entry.integrationName}
                    {entry.resellerNames.length > 0 && ` · ${t('catalogue.soldBy', { names: entry.resellerNames.join(', ') })}`}
                  </span>
                </span>
                <span className="flex flex-wrap items-center gap-2">
                  <Badge tone={entry.supplierSeesMerchants ? 'teal' : 'neutral'}>{t(entry.supplierSeesMerchants ? 'catalogue.badge3a' : 'catalogue.badge3b')}</Badge>
                  {entry.supplierOrganisationName && <Badge>{entry.supplierOrganisationName}</Badge>}
                  {!entry.active && <Badge tone="red">{t('catalogue.inactive')}</Badge>}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
