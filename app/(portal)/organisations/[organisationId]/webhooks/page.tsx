import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { ClientMessages } from '@/components/i18n/client-messages';
import { WebhookEndpointForm } from '@/components/organisation/webhooks';
import { eventTypeKey } from '@/lib/webhooks/events';
import { ActionOutcomeMessage, ActionOutcomeProvider } from '@/components/ui/action-outcome';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getOrganisationForActor } from '@/db/queries/organisations';
import { listWebhookEndpoints } from '@/db/queries/webhooks';
import { requirePageActor } from '@/lib/authz';
import { mayConfigureWebhooks, mayOverseeWebhooks } from '@/lib/permissions';
import { WebhookStatus } from './status';
import { createEndpoint } from './actions';
import { getKeptFormatter } from '@/lib/i18n/formatter';

type Props = { params: Promise<{ organisationId: string }> };

/** The organisation if the caller may see its webhooks; 404 otherwise, so ids of others reveal nothing. */
async function load(params: Props['params']) {
  const actor = await requirePageActor();
  const id = z.uuid().safeParse((await params).organisationId);
  const organisation = id.success ? await getOrganisationForActor(actor, id.data) : null;
  if (!organisation || organisation.kind === 'poplapay' || !mayOverseeWebhooks(actor, organisation.id)) notFound();
  return { actor, organisation };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { organisation } = await load(params);
  const t = await getTranslations('webhooks');
  return { title: `${t('title')} · ${organisation.name}` };
}

/** GET /organisations/:id/webhooks – an organisation's endpoints, and the form to add one. */
export default async function WebhooksPage({ params }: Props) {
  const { actor, organisation } = await load(params);
  const t = await getTranslations('webhooks');
  const format = await getKeptFormatter();
  const endpoints = await listWebhookEndpoints(actor, organisation.id);
  const configures = !organisation.deactivatedAt && mayConfigureWebhooks(actor, organisation.id);
  return (
    <ClientMessages namespaces={['webhooks', 'validation']}>
      <>
        <p className="mb-2 text-sm">
          <Link href={`/organisations/${organisation.id}`} className="font-medium text-teal-800 hover:underline">
            ← {organisation.name}
          </Link>
        </p>
        <PageHeader title={t('title')} description={t('intro')} />
        <ActionOutcomeProvider>
          <div className="grid gap-6 lg:grid-cols-5">
            <Card className="lg:col-span-3" data-testid="webhook-endpoints">
              <ActionOutcomeMessage />
              {endpoints.length === 0 ? (
                <p className="text-sm text-slate-600">{t('empty')}</p>
              ) : (
                <ul className="divide-y divide-slate-200">
                  {endpoints.map((endpoint) => (
                    <li key={endpoint.id} className="flex flex-col gap-1 py-3">
                      <Link href={`/organisations/${organisation.id}/webhooks/${endpoint.id}`} className="font-mono text-sm font-medium break-all text-teal-800 hover:underline">
                        {endpoint.url}
                      </Link>
                      {endpoint.description && <p className="text-sm text-slate-700">{endpoint.description}</p>}
                      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
                        <WebhookStatus endpoint={endpoint} />
                        <span>{t('created', { date: format.dateTime(endpoint.createdAt, { dateStyle: 'medium' }) })}</span>
                      </div>
                      <p className="text-sm text-slate-600">{endpoint.eventTypes.map((type) => t(`eventTypes.${eventTypeKey(type)}`)).join(', ')}</p>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
            {configures && (
              <Card className="lg:col-span-2">
                <h2 className="mb-3 text-lg font-semibold">{t('add')}</h2>
                <WebhookEndpointForm action={createEndpoint} organisationId={organisation.id} />
              </Card>
            )}
          </div>
        </ActionOutcomeProvider>
      </>
    </ClientMessages>
  );
}
