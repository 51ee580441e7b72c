import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { connection } from 'next/server';
import { ApplicationStateBadge, DuplicateBadge, WaitingTime } from '@/components/applications/badges';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { cn } from '@/components/ui/cn';
import { listPartnerApplications } from '@/db/queries/partner-applications';
import { requirePageActor } from '@/lib/authz';
import { countryName } from '@/lib/i18n/display';
import { waitingTooLong } from '@/lib/partner-applications/waiting';
import { applicationListFilterSchema } from '@/lib/validations/partner-application';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('applications'))('title') };
}

const filters = ['open', 'new', 'in_review', 'approved', 'declined'] as const;

/** Support admins' inbox of partner applications: the open ones by default, the longest waiting first. */
export default async function ApplicationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requirePageActor('applications:review');
  await connection();
  const { state } = applicationListFilterSchema.parse(await searchParams);
  const [t, formattingLocale] = await Promise.all([getTranslations(), getLocale()]);
  const applications = await listPartnerApplications(actor, state);
  const now = new Date();
  return (
    <>
      <Link href="/admin" className="mb-2 inline-block text-sm text-teal-800 hover:underline">
        {t('applications.back')}
      </Link>
      <PageHeader title={t('applications.title')} description={t('applications.intro')} />
      <nav aria-label={t('applications.filterLabel')} className="mb-4 flex flex-wrap gap-2">
        {filters.map((filter) => (
          <Link
            key={filter}
            href={filter === 'open' ? '/admin/applications' : `/admin/applications?state=${filter}`}
            aria-current={filter === state ? 'page' : undefined}
            className={cn(
              'rounded-full px-3 py-1.5 text-sm font-medium ring-1 ring-inset',
              filter === state ? 'bg-teal-700 text-white ring-teal-700' : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50',
            )}
          >
            {t(`applications.filters.${filter}`)}
          </Link>
        ))}
      </nav>
      {applications.length === 0 ? (
        <EmptyState title={t('applications.empty')} />
      ) : (
        <ul data-testid="application-list" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {applications.map((application) => {
            const duplicates = application.duplicateOrganisations.length + application.duplicateApplications.length;
            return (
              <li key={application.id}>
                <Link
                  href={`/admin/applications/${application.id}`}
                  className="flex flex-col gap-1 px-4 py-3 hover:bg-slate-50 sm:flex-row sm:items-center sm:justify-between sm:gap-4"
                >
                  <span className="flex min-w-0 flex-col">
                    <span className="font-medium break-words text-slate-900">{application.companyName}</span>
                    <span className="text-sm break-words text-slate-600">
                      {application.businessId} · {countryName(application.country, formattingLocale)} · {application.contactName}
                    </span>
                  </span>
                  <span className="flex flex-wrap items-center gap-2 text-sm">
                    <Badge>{t(`organisationKinds.${application.interest}`)}</Badge>
                    <ApplicationStateBadge state={application.state} />
                    {duplicates > 0 && <DuplicateBadge />}
                    {application.decidedAt === null && <WaitingTime ms={now.getTime() - application.submittedAt.getTime()} late={waitingTooLong(application.submittedAt, now)} />}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
