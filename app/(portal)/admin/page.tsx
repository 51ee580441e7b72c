import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { listOrganisationsForActor } from '@/db/queries/organisations';
import { countOpenPartnerApplications } from '@/db/queries/partner-applications';
import { requirePageActor } from '@/lib/authz';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('title') };
}

/** Every organisation, deactivated ones included (marked), so support can bring them back. */
export default async function AdminPage() {
  const actor = await requirePageActor('admin:manage');
  const t = await getTranslations();
  const [organisations, openApplications] = await Promise.all([listOrganisationsForActor(actor), countOpenPartnerApplications(actor)]);
  return (
    <>
      <PageHeader
        title={t('admin.title')}
        description={t('admin.intro')}
        actions={
          <>
            <Link href="/admin/applications" className={buttonClasses('secondary')}>
              {t('applications.link', { count: openApplications })}
            </Link>
            <Link href="/admin/catalogue" className={buttonClasses('secondary')}>
              {t('catalogue.title')}
            </Link>
            <Link href={`/organisations/${actor.organisationId}`} className={buttonClasses('secondary')}>
              {t('admin.supportUsers')}
            </Link>
            <Link href="/admin/audit" className={buttonClasses('secondary')}>
              {t('audit.title')}
            </Link>
            <Link href="/admin/settings" className={buttonClasses('secondary')}>
              {t('admin.deadline.link')}
            </Link>
            <Link href="/admin/organisations/new" className={buttonClasses('primary')}>
              {t('admin.newOrganisation')}
            </Link>
          </>
        }
      />
      <h2 className="mb-3 text-lg font-semibold">{t('admin.organisations')}</h2>
      <ul data-testid="organisation-list" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {organisations.map((organisation) => (
          <li key={organisation.id}>
            <Link
              // Poplapay's own organisation is not administered here: it opens its profile.
              href={organisation.kind === 'poplapay' ? `/organisations/${organisation.id}` : `/admin/organisations/${organisation.id}`}
              className="flex flex-col gap-1 px-4 py-3 hover:bg-slate-50 sm:flex-row sm:items-center sm:justify-between"
            >
              <span className={organisation.deactivatedAt ? 'font-medium text-slate-500' : 'font-medium text-slate-900'}>
                {organisation.name}
              </span>
              <span className="flex items-center gap-2 text-sm text-slate-600">
                {organisation.businessId && <span>{organisation.businessId}</span>}
                <Badge>{t(`organisationKinds.${organisation.kind}`)}</Badge>
                {organisation.deactivatedAt && <Badge tone="red">{t('admin.deactivated')}</Badge>}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
