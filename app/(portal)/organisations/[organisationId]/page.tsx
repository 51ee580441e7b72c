import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getOrganisationForActor } from '@/db/queries/organisations';
import { requirePageActor } from '@/lib/authz';

type Props = { params: Promise<{ organisationId: string }> };

/** The organisation if the caller may see it; 404 otherwise, so ids of others reveal nothing. */
async function loadOrganisation(params: Props['params']) {
  const actor = await requirePageActor();
  const id = z.uuid().safeParse((await params).organisationId);
  const organisation = id.success ? await getOrganisationForActor(actor, id.data) : null;
  if (!organisation) notFound();
  return { actor, organisation };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { organisation } = await loadOrganisation(params);
  return { title: organisation.name };
}

export default async function OrganisationPage({ params }: Props) {
  const { actor, organisation } = await loadOrganisation(params);
  const t = await getTranslations();
  const countries = new Intl.DisplayNames([await getLocale()], { type: 'region' });
  const details: [string, string | null][] = [
    [t('organisation.kind'), t(`organisationKinds.${organisation.kind}`)],
    [t('organisation.businessId'), organisation.businessId],
    [t('organisation.country'), countries.of(organisation.country) ?? organisation.country],
    [t('organisation.contact'), organisation.contactEmail],
  ];
  return (
    <>
      <PageHeader
        title={organisation.name}
        description={organisation.deactivatedAt ? <Badge tone="red">{t('admin.deactivated')}</Badge> : undefined}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card>
          <dl className="grid grid-cols-1 gap-3 text-sm">
            {details.map(([label, value]) => (
              <div key={label}>
                <dt className="text-slate-500">{label}</dt>
                <dd className="font-medium text-slate-900">{value ?? t('organisation.notSet')}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card className="lg:col-span-2">
          <h2 className="mb-3 text-lg font-semibold">{t('organisation.members')}</h2>
          {organisation.members.length === 0 ? (
            <p className="text-sm text-slate-600">{t('organisation.noMembers')}</p>
          ) : (
            <ul className="divide-y divide-slate-200">
              {organisation.members.map((member) => (
                <li key={member.userId} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between">
                  <div className="min-w-0">
                    <p className="font-medium text-slate-900">
                      {member.name ?? t('organisation.unnamed')}
                      {member.userId === actor.userId && <span className="ml-2 text-sm text-slate-500">({t('organisation.you')})</span>}
                    </p>
                    <p className="truncate text-sm text-slate-600">{member.email}</p>
                  </div>
                  <Badge tone="teal">{t(`roles.${member.role}`)}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
