import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { OrganisationForm } from '@/components/admin/organisation-form';
import { OrganisationStatus } from '@/components/admin/organisation-status';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getOrganisationForActor } from '@/db/queries/organisations';
import { requirePageActor } from '@/lib/authz';
import { setOrganisationActiveAction, updateOrganisation } from '../../actions';
import { ClientMessages } from '@/components/i18n/client-messages';
import { getKeptFormatter } from '@/lib/i18n/formatter';

type Props = {
  params: Promise<{ organisationId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * A partner organisation for support admins; 404 for anyone else, for unknown ids and for
 * Poplapay's own organisation, which is not administered here.
 */
async function loadOrganisation(params: Props['params']) {
  const actor = await requirePageActor('admin:manage');
  const id = z.uuid().safeParse((await params).organisationId);
  const organisation = id.success ? await getOrganisationForActor(actor, id.data) : null;
  if (!organisation || organisation.kind === 'poplapay') notFound();
  return organisation;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadOrganisation(params)).name };
}

export default async function AdminOrganisationPage({ params, searchParams }: Props) {
  const organisation = await loadOrganisation(params);
  const [t, format, { created }] = await Promise.all([getTranslations(), getKeptFormatter(), searchParams]);
  const active = organisation.deactivatedAt === null;
  return (
    <ClientMessages namespaces={['admin', 'organisationKinds', 'validation']}>
      <>
        <Link href="/admin" className="mb-2 inline-block text-sm text-teal-800 hover:underline">
          {t('admin.backToList')}
        </Link>
        {created === '1' && (
          <p role="status" className="mb-4 rounded-md bg-teal-50 px-3 py-2 text-sm text-teal-900">
            {t('admin.created', { name: organisation.name })}
          </p>
        )}
        <PageHeader
          title={organisation.name}
          description={
            <span className="flex flex-wrap items-center gap-2">
              <Badge>{t(`organisationKinds.${organisation.kind}`)}</Badge>
              {active ? <Badge tone="teal">{t('admin.active')}</Badge> : <Badge tone="red">{t('admin.deactivated')}</Badge>}
            </span>
          }
        />
        <div className="grid gap-6 lg:grid-cols-3">
          <Card className="lg:col-span-2">
            <h2 className="mb-4 text-lg font-semibold">{t('admin.details')}</h2>
            <OrganisationForm
              mode="edit"
              action={updateOrganisation}
              organisationId={organisation.id}
              defaults={{
                name: organisation.name,
                businessId: organisation.businessId ?? '',
                country: organisation.country,
                contactEmail: organisation.contactEmail ?? '',
              }}
            />
          </Card>
          <div className="flex flex-col gap-6">
            <Card data-testid="organisation-access">
              <h2 className="mb-2 text-lg font-semibold">{t('admin.access')}</h2>
              <p className="mb-4 text-sm text-slate-600">
                {organisation.deactivatedAt
                  ? t('admin.deactivatedSince', { date: format.dateTime(organisation.deactivatedAt, { dateStyle: 'medium', timeStyle: 'short' }) })
                  : t('admin.activeExplained')}
              </p>
              {/* Keyed by the state, so the dialog closes once the change has re-rendered the page. */}
              <OrganisationStatus
                key={String(active)}
                action={setOrganisationActiveAction}
                organisationId={organisation.id}
                name={organisation.name}
                active={active}
              />
            </Card>
            <Card>
              <h2 className="mb-3 text-lg font-semibold">{t('organisation.members')}</h2>
              {organisation.members.length === 0 ? (
                <p className="text-sm text-slate-600">{t('organisation.noMembers')}</p>
              ) : (
                <ul className="divide-y divide-slate-200">
                  {organisation.members.map((member) => (
                    <li key={member.userId} className="flex flex-col gap-1 py-2">
                      <span className="font-medium text-slate-900">{member.name ?? t('organisation.unnamed')}</span>
                      <span className="truncate text-sm text-slate-600">{member.email}</span>
                      <Badge tone="teal">{t(`roles.${member.role}`)}</Badge>
                    </li>
                  ))}
                </ul>
              )}
              <Link href={`/organisations/${organisation.id}`} className="mt-4 inline-block text-sm text-teal-800 hover:underline">
                {t('admin.openProfile')}
              </Link>
            </Card>
          </div>
        </div>
      </>
    </ClientMessages>
  );
}
