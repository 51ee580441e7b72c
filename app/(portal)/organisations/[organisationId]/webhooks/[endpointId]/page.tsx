import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { ClientMessages } from '@/components/i18n/client-messages';
import {
  ActionButton,
  DeleteWebhookEndpoint,
  RotateWebhookSecret,
  ToggleWebhookEndpoint,
  WebhookEndpointForm,
} from '@/components/organisation/webhooks';
import { ActionOutcomeMessage, ActionOutcomeProvider } from '@/components/ui/action-outcome';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getOrganisationForActor } from '@/db/queries/organisations';
import { getWebhookEndpointWithLog, type WebhookDeliveryLogItem } from '@/db/queries/webhooks';
import { requirePageActor } from '@/lib/authz';
import { AppError } from '@/lib/errors';
import { mayConfigureWebhooks, mayOverseeWebhooks } from '@/lib/permissions';
import { eventTypeKey } from '@/lib/webhooks/events';
import { deleteEndpoint, rotateSecret, sendAgain, sendTestEvent, setEndpointEnabled, updateEndpoint } from '../actions';
import { WebhookStatus } from '../status';
import { getKeptFormatter } from '@/lib/i18n/formatter';

type Props = { params: Promise<{ organisationId: string; endpointId: string }>; searchParams: Promise<{ before?: string }> };

/** Opaque cursor of the delivery log: the last row's time and id. */
const encodeCursor = (row: { at: Date; id: string }) => Buffer.from(`${row.at.toISOString()}|${row.id}`).toString('base64url');
function decodeCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (Number.isNaN(date.getTime()) || !z.uuid().safeParse(id).success) return undefined;
  return { at: date, id: id! };
}

async function load(params: Props['params'], before?: string) {
  const actor = await requirePageActor();
  const ids = z.object({ organisationId: z.uuid(), endpointId: z.uuid() }).safeParse(await params);
  if (!ids.success || !mayOverseeWebhooks(actor, ids.data.organisationId)) notFound();
  const organisation = await getOrganisationForActor(actor, ids.data.organisationId);
  if (!organisation) notFound();
  const found = await getWebhookEndpointWithLog(actor, { ...ids.data, before: decodeCursor(before) }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  });
  if (!found) notFound();
  return { actor, organisation, ...found };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { endpoint } = await load(params);
  return { title: endpoint.url };
}

/** GET /organisations/:id/webhooks/:endpointId – one endpoint: its settings, actions and delivery log. */
export default async function WebhookEndpointPage({ params, searchParams }: Props) {
  const { before } = await searchParams;
  const { actor, organisation, endpoint, deliveries, hasMore } = await load(params, before);
  const t = await getTranslations('webhooks');
  const format = await getKeptFormatter();
  const configures = !organisation.deactivatedAt && mayConfigureWebhooks(actor, organisation.id);
  const active = !endpoint.disabledAt;
  const ids = { organisationId: organisation.id, endpointId: endpoint.id };
  const failure = (delivery: WebhookDeliveryLogItem) => {
    if (delivery.status === 'succeeded') return null;
    if (delivery.responseCode) return t('failure.http', { code: delivery.responseCode });
    if (delivery.error === 'timeout') return t('failure.timeout');
    if (delivery.error?.startsWith('refused')) return t('failure.refused');
    return t('failure.connection');
  };
  const last = deliveries.at(-1);
  return (
    <ClientMessages namespaces={['webhooks', 'validation']}>
      <ActionOutcomeProvider>
        <p className="mb-2 text-sm">
          <Link href={`/organisations/${organisation.id}/webhooks`} className="font-medium text-teal-800 hover:underline">
            ← {t('back')} · {organisation.name}
          </Link>
        </p>
        <PageHeader title={t('open')} description={<span className="font-mono break-all">{endpoint.url}</span>} />
        <ActionOutcomeMessage />
        <div className="grid gap-6 lg:grid-cols-5">
          <Card className="flex flex-col gap-4 lg:col-span-2">
            <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
              <WebhookStatus endpoint={endpoint} />
              <span>{t('created', { date: format.dateTime(endpoint.createdAt, { dateStyle: 'medium', timeStyle: 'short' }) })}</span>
            </div>
            <div className="flex flex-wrap gap-2" data-testid="webhook-actions">
              {configures && active && <ActionButton action={sendTestEvent} fields={ids} label={t('sendTest')} doneMessage={t('sendTestDone')} />}
              {configures && <RotateWebhookSecret action={rotateSecret} {...ids} />}
              <ToggleWebhookEndpoint action={setEndpointEnabled} {...ids} url={endpoint.url} enabled={active} />
              {configures && <DeleteWebhookEndpoint action={deleteEndpoint} {...ids} url={endpoint.url} />}
            </div>
            {configures ? (
              <div className="border-t border-slate-200 pt-4">
                <h2 className="mb-3 text-base font-semibold">{t('edit')}</h2>
                <WebhookEndpointForm action={updateEndpoint} organisationId={organisation.id} endpoint={endpoint} />
              </div>
            ) : (
              <p className="text-sm text-slate-600">{endpoint.eventTypes.map((type) => t(`eventTypes.${eventTypeKey(type)}`)).join(', ')}</p>
            )}
          </Card>
          <Card className="min-w-0 lg:col-span-3" data-testid="webhook-log">
            <h2 className="mb-3 text-lg font-semibold">{t('log')}</h2>
            {deliveries.length === 0 ? (
              <p className="text-sm text-slate-600">{t('logEmpty')}</p>
            ) : (
              <ol className="divide-y divide-slate-200">
                {deliveries.map((delivery) => (
                  <li key={delivery.id} className="flex flex-col gap-2 py-3 text-sm sm:flex-row sm:items-start sm:justify-between">
                    <dl className="grid min-w-0 grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
                      <dt className="text-slate-500">{t('columns.time')}</dt>
                      <dd>{format.dateTime(delivery.at, { dateStyle: 'medium', timeStyle: 'medium' })}</dd>
                      <dt className="text-slate-500">{t('columns.event')}</dt>
                      <dd className="break-all">
                        {t(`eventTypes.${eventTypeKey(delivery.type)}`)} <code className="text-xs text-slate-500">{delivery.eventId}</code>
                      </dd>
                      <dt className="text-slate-500">{t('columns.attempt')}</dt>
                      <dd>{delivery.attempt}</dd>
                      <dt className="text-slate-500">{t('columns.status')}</dt>
                      <dd className="flex flex-wrap items-center gap-2">
                        <Badge tone={delivery.status === 'succeeded' ? 'teal' : 'red'}>{t(`deliveryStatus.${delivery.status}`)}</Badge>
                        {failure(delivery)}
                      </dd>
                      <dt className="text-slate-500">{t('columns.response')}</dt>
                      <dd>{delivery.responseCode ?? '–'}</dd>
                      <dt className="text-slate-500">{t('columns.latency')}</dt>
                      <dd>{delivery.latencyMs === null ? '–' : t('latency', { ms: format.number(delivery.latencyMs) })}</dd>
                    </dl>
                    {configures && active && (
                      <ActionButton
                        action={sendAgain}
                        fields={{ ...ids, deliveryId: delivery.id }}
                        label={t('sendAgain')}
                        accessibleName={`${t('sendAgain')}: ${delivery.eventId}`}
                        doneMessage={t('sendAgainDone')}
                        variant="ghost"
                      />
                    )}
                  </li>
                ))}
              </ol>
            )}
            {hasMore && last && (
              <p className="mt-4">
                <Link href={`?before=${encodeCursor(last)}`} className="text-sm font-medium text-teal-800 hover:underline">
                  {t('older')}
                </Link>
              </p>
            )}
          </Card>
        </div>
      </ActionOutcomeProvider>
    </ClientMessages>
  );
}
