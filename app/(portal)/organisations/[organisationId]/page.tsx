import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { countryName } from '@/lib/i18n/display';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { InviteForm, MemberControls } from '@/components/team/team-forms';
import { CreateApiKeyForm, RevokeApiKey } from '@/components/organisation/api-keys';
import { ActionOutcomeMessage, ActionOutcomeProvider } from '@/components/ui/action-outcome';
import { listApiKeys } from '@/db/queries/api-keys';
import { getOrganisationForActor } from '@/db/queries/organisations';
import { INVITATION_DAYS, listPendingInvitations } from '@/db/queries/team';
import { roles } from '@/lib/permissions';
import { requirePageActor } from '@/lib/authz';
import { mayManageApiKeys, mayManageTeam, mayOverseeWebhooks, roleFitsOrganisation } from '@/lib/permissions';
import { listWebhookEndpoints } from '@/db/queries/webhooks';
import Link from 'next/link';
import { changeRole, createOrganisationApiKey, inviteMember, removeFromTeam, revokeOrganisationApiKey } from './actions';
import { ClientMessages } from '@/components/i18n/client-messages';
import { getKeptFormatter } from '@/lib/i18n/formatter';

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
  const format = await getKeptFormatter();
  const manages = !organisation.deactivatedAt && mayManageTeam(actor, organisation.id);
  const roleOptions = roles
    .filter((role) => roleFitsOrganisation(role, organisation.kind))
    .map((role) => ({ value: role, label: t(`roles.${role}`) }));
  const pending = manages ? await listPendingInvitations(actor, organisation.id) : [];
  // Poplapay has no API keys: the API acts as a partner organisation.
  const managesKeys = organisation.kind !== 'poplapay' && mayManageApiKeys(actor, organisation.id);
  const keys = managesKeys ? await listApiKeys(actor, organisation.id) : [];
  const overseesWebhooks = organisation.kind !== 'poplapay' && mayOverseeWebhooks(actor, organisation.id);
  const endpoints = overseesWebhooks ? await listWebhookEndpoints(actor, organisation.id) : [];
  const dateTime = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' });
  const details: [string, string | null][] = [
    [t('organisation.kind'), t(`organisationKinds.${organisation.kind}`)],
    [t('organisation.businessId'), organisation.businessId],
    [t('organisation.country'), countryName(organisation.country, await getLocale())],
    [t('organisation.contact'), organisation.contactEmail],
  ];
  return (
    <ClientMessages namespaces={['team', 'apiKeys', 'validation']}>
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
                    {manages ? (
                      <MemberControls
                        changeRole={changeRole}
                        remove={removeFromTeam}
                        organisationId={organisation.id}
                        userId={member.userId}
                        name={member.name ?? member.email}
                        role={member.role}
                        roles={roleOptions}
                      />
                    ) : (
                      <Badge tone="teal">{t(`roles.${member.role}`)}</Badge>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {pending.length > 0 && (
              <div className="mt-6">
                <h3 className="mb-2 text-sm font-semibold text-slate-900">{t('team.pending')}</h3>
                <ul className="flex flex-col gap-1 text-sm text-slate-700" data-testid="pending-invitations">
                  {pending.map((invitation) => (
                    <li key={invitation.id}>
                      {invitation.email} · {t(`roles.${invitation.role}`)} · {t('team.expires', { date: format.dateTime(invitation.expiresAt, { dateStyle: 'medium' }) })}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {manages && (
              <div className="mt-6 border-t border-slate-200 pt-4">
                <h3 className="mb-2 text-base font-semibold">{t('team.invite')}</h3>
                <InviteForm action={inviteMember} organisationId={organisation.id} roles={roleOptions} days={INVITATION_DAYS} />
              </div>
            )}
          </Card>
          {managesKeys && (
            <Card className="lg:col-span-3" data-testid="api-keys">
              <ActionOutcomeProvider>
                <h2 className="mb-1 text-lg font-semibold">{t('apiKeys.title')}</h2>
                <p className="mb-2 max-w-prose text-sm text-slate-600">{t('apiKeys.intro', { organisation: organisation.name })}</p>
                <p className="mb-4 text-sm">
                  {/* A full page load: the reference's renderer runs under that response's CSP nonce. */}
                  <a href="/developers/api" className="font-medium text-teal-800 underline underline-offset-2">
                    {t('apiKeys.reference')}
                  </a>
                </p>
                <ActionOutcomeMessage />
                {keys.length === 0 ? (
                  <p className="text-sm text-slate-600">{t('apiKeys.empty')}</p>
                ) : (
                  <ul className="divide-y divide-slate-200" data-testid="api-key-list">
                    {keys.map((key) => (
                      <li key={key.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                        <div className="min-w-0 text-sm">
                          <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                            {key.name}
                            <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">{key.prefix}…</code>
                            <span className="sr-only">{t('apiKeys.scopes')}:</span>
                            {key.scopes.map((scope) => (
                              <Badge key={scope} tone={key.revokedAt ? 'neutral' : 'teal'}>
                                {t(`apiKeys.scope.${scope}`)}
                              </Badge>
                            ))}
                            {key.revokedAt && <Badge tone="red">{t('apiKeys.revoked')}</Badge>}
                          </p>
                          <p className="text-slate-600">
                            {t('apiKeys.created', { date: dateTime(key.createdAt) })} ·{' '}
                            {key.lastUsedAt ? t('apiKeys.lastUsed', { date: dateTime(key.lastUsedAt) }) : t('apiKeys.neverUsed')}
                            {key.revokedAt && <> · {t('apiKeys.revokedOn', { date: dateTime(key.revokedAt) })}</>}
                          </p>
                        </div>
                        {!key.revokedAt && (
                          <RevokeApiKey action={revokeOrganisationApiKey} organisationId={organisation.id} keyId={key.id} name={key.name} prefix={key.prefix} />
                        )}
                      </li>
                    ))}
                  </ul>
                )}
                {!organisation.deactivatedAt && (
                  <div className="mt-6 max-w-xl border-t border-slate-200 pt-4">
                    <h3 className="mb-2 text-base font-semibold">{t('apiKeys.create')}</h3>
                    <CreateApiKeyForm action={createOrganisationApiKey} organisationId={organisation.id} />
                  </div>
                )}
              </ActionOutcomeProvider>
            </Card>
          )}
          {overseesWebhooks && (
            <Card className="lg:col-span-3" data-testid="webhooks-card">
              <h2 className="mb-1 text-lg font-semibold">{t('webhooks.title')}</h2>
              <p className="mb-3 max-w-prose text-sm text-slate-600">{t('webhooks.intro')}</p>
              <p className="flex flex-wrap items-center gap-3 text-sm">
                <span className="text-slate-700">{t('webhooks.summary', { count: endpoints.length })}</span>
                <Link href={`/organisations/${organisation.id}/webhooks`} className="font-medium text-teal-800 hover:underline">
                  {t('webhooks.manage')}
                </Link>
              </p>
            </Card>
          )}
        </div>
      </>
    </ClientMessages>
  );
}
