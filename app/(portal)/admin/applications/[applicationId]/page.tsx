import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { z } from 'zod';
import { ApproveForm, DeclineForm, NoteForm, StartReviewForm } from '@/components/applications/application-actions';
import { ApplicationStateBadge, DuplicateBadge, WaitingTime } from '@/components/applications/badges';
import { ClientMessages } from '@/components/i18n/client-messages';
import { ActionOutcomeMessage, ActionOutcomeProvider } from '@/components/ui/action-outcome';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getPartnerApplication } from '@/db/queries/partner-applications';
import { asAppError, requirePageActor } from '@/lib/authz';
import { countryName } from '@/lib/i18n/display';
import { isOpenApplication } from '@/lib/partner-applications/model';
import { waitingTooLong } from '@/lib/partner-applications/waiting';
import { formatPhone } from '@/lib/phone';
import { addNote, approveApplication, declineApplication, startReview } from '../actions';
import { getKeptFormatter } from '@/lib/i18n/formatter';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('applications'))('detailTitle') };
}

async function load(applicationId: string) {
  const actor = await requirePageActor('applications:review');
  if (!z.uuid().safeParse(applicationId).success) notFound();
  try {
    return await getPartnerApplication(actor, applicationId);
  } catch (error) {
    if (asAppError(error)?.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

/** One application: what was sent, possible duplicates, the decision (or the forms to make it), notes and history. */
export default async function ApplicationPage({ params }: { params: Promise<{ applicationId: string }> }) {
  const { applicationId } = await params;
  const { application, decidedByName, organisationName, duplicateOrganisations, duplicateApplications, history } = await load(applicationId);
  await connection();
  const [t, format, formattingLocale] = await Promise.all([getTranslations(), getKeptFormatter(), getLocale()]);
  const now = new Date();
  const open = isOpenApplication(application.state);
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' });
  const details: [string, React.ReactNode][] = [
    [t('apply.interest'), t(`apply.interests.${application.interest}`)],
    [t('apply.companyName'), application.companyName],
    [application.country === 'FI' ? t('apply.businessIdFinland') : t('apply.vatNumber'), application.businessId],
    [t('apply.country'), countryName(application.country, formattingLocale)],
    [t('apply.contactName'), application.contactName],
    [t('apply.email'), <a key="email" href={`mailto:${application.email}`} className="text-teal-800 underline">{application.email}</a>],
    [t('apply.phone'), formatPhone(application.phone)],
    [t('applications.language'), t(`language.names.${application.locale}`)],
    [t('applications.submitted'), when(application.submittedAt)],
  ];

  return (
    <ClientMessages namespaces={['applications', 'organisationKinds', 'validation']}>
      <ActionOutcomeProvider>
        <Link href="/admin/applications" className="mb-2 inline-block text-sm text-teal-800 hover:underline">
          {t('applications.backToInbox')}
        </Link>
        <PageHeader
          title={application.companyName}
          description={
            <span className="mt-1 flex flex-wrap items-center gap-2" data-testid="application-status">
              <ApplicationStateBadge state={application.state} />
              <Badge>{t(`organisationKinds.${application.interest}`)}</Badge>
              {open && <WaitingTime ms={now.getTime() - application.submittedAt.getTime()} late={waitingTooLong(application.submittedAt, now)} />}
            </span>
          }
        />
        <ActionOutcomeMessage />

        {(duplicateOrganisations.length > 0 || duplicateApplications.length > 0) && (
          // Not a Card: its white background and grey border would compete with these.
          <div className="mb-6 rounded-lg border border-red-300 bg-red-50 p-4 shadow-sm sm:p-6" data-testid="duplicates">
            <h2 className="flex flex-wrap items-center gap-2 font-semibold text-red-900">
              <DuplicateBadge /> {t('applications.duplicatesTitle', { businessId: application.businessId })}
            </h2>
            <ul className="mt-2 flex flex-col gap-1 text-sm text-red-950">
              {duplicateOrganisations.map((organisation) => (
                <li key={organisation.id}>
                  {t('applications.duplicateOrganisation')}{' '}
                  <Link href={`/admin/organisations/${organisation.id}`} className="font-medium underline">
                    {organisation.name}
                  </Link>
                </li>
              ))}
              {duplicateApplications.map((other) => (
                <li key={other.id}>
                  {t('applications.duplicateApplication')}{' '}
                  <Link href={`/admin/applications/${other.id}`} className="font-medium underline">
                    {other.companyName}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        )}

        <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
          <div className="flex min-w-0 flex-col gap-6">
            <Card>
              <h2 className="mb-3 text-lg font-semibold">{t('applications.details')}</h2>
              <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
                {details.map(([label, value]) => (
                  <div key={label} className="contents">
                    <dt className="text-slate-500">{label}</dt>
                    <dd className="min-w-0 break-words text-slate-900">{value}</dd>
                  </div>
                ))}
              </dl>
              <h3 className="mt-4 text-sm font-medium text-slate-500">{t('apply.message')}</h3>
              <p className="mt-1 text-sm whitespace-pre-wrap break-words text-slate-900">{application.message || t('applications.noMessage')}</p>
            </Card>

            {application.state === 'approved' && application.organisationId && (
              <div className="rounded-lg border border-teal-300 bg-teal-50 p-4 shadow-sm sm:p-6" data-testid="decision">
                <h2 className="font-semibold text-teal-900">{t('applications.approvedTitle')}</h2>
                <p className="mt-1 text-sm text-teal-950">
                  {t('applications.approvedBy', { name: decidedByName ?? t('audit.system'), date: when(application.decidedAt!) })}{' '}
                  <Link href={`/admin/organisations/${application.organisationId}`} className="font-medium underline">
                    {organisationName}
                  </Link>
                </p>
              </div>
            )}
            {application.state === 'declined' && (
              <Card data-testid="decision">
                <h2 className="font-semibold">{t('applications.declinedTitle')}</h2>
                <p className="mt-1 text-sm text-slate-700">{t('applications.declinedBy', { name: decidedByName ?? t('audit.system'), date: when(application.decidedAt!) })}</p>
                {application.declineReason && <p className="mt-2 text-sm whitespace-pre-wrap break-words text-slate-900">{application.declineReason}</p>}
              </Card>
            )}

            {open && (
              <>
                {application.state === 'new' && (
                  <Card>
                    <h2 className="mb-1 text-lg font-semibold">{t('applications.reviewTitle')}</h2>
                    <p className="mb-3 text-sm text-slate-600">{t('applications.reviewIntro')}</p>
                    <StartReviewForm action={startReview} applicationId={application.id} />
                  </Card>
                )}
                <Card>
                  <h2 className="mb-1 text-lg font-semibold">{t('applications.approveTitle')}</h2>
                  <p className="mb-3 text-sm text-slate-600">{t('applications.approveIntro', { email: application.email })}</p>
                  <ApproveForm
                    action={approveApplication}
                    applicationId={application.id}
                    interest={application.interest}
                    companyName={application.companyName}
                    email={application.email}
                  />
                </Card>
                <Card>
                  <h2 className="mb-1 text-lg font-semibold">{t('applications.declineTitle')}</h2>
                  <p className="mb-3 text-sm text-slate-600">{t('applications.declineIntro')}</p>
                  <DeclineForm action={declineApplication} applicationId={application.id} />
                </Card>
              </>
            )}
          </div>

          <div className="flex min-w-0 flex-col gap-6">
            <Card>
              <h2 className="mb-3 text-lg font-semibold">{t('applications.notesTitle')}</h2>
              <NoteForm action={addNote} applicationId={application.id} />
            </Card>
            <Card>
              <h2 className="mb-3 text-lg font-semibold">{t('applications.historyTitle')}</h2>
              {history.length === 0 && <p className="text-sm text-slate-600">{t('audit.empty')}</p>}
              <ol data-testid="application-history" className="flex flex-col gap-3 text-sm">
                {history.map((entry) => (
                  <li key={entry.id} className="border-l-2 border-slate-200 pl-3">
                    <p className="font-medium text-slate-900">{t(`audit.actions.${entry.action.replace('.', '_')}` as never)}</p>
                    <p className="text-slate-600">
                      {entry.actorName ?? entry.actorEmail ?? t('applications.applicant')} · {when(entry.at)}
                    </p>
                    {typeof entry.data.note === 'string' && <p className="mt-1 whitespace-pre-wrap break-words text-slate-900">{entry.data.note}</p>}
                    {typeof entry.data.reason === 'string' && <p className="mt-1 whitespace-pre-wrap break-words text-slate-900">{entry.data.reason}</p>}
                  </li>
                ))}
              </ol>
            </Card>
          </div>
        </div>
      </ActionOutcomeProvider>
    </ClientMessages>
  );
}
