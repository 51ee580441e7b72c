import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AnswerQuestion } from '@/components/orders/answer-question';
import { DeadlineBadge, StateBadge } from '@/components/orders/badges';
import { CancelOrder } from '@/components/orders/cancel-order';
import { DeliveryStatus } from '@/components/support/delivery-status';
import { SupportPanel } from '@/components/support/support-panel';
import { ActionOutcomeMessage, ActionOutcomeProvider } from '@/components/ui/action-outcome';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { typeRequirements } from '@/lib/orders/model';
import { availableActions } from '@/lib/orders/transitions';
import { roleCan } from '@/lib/permissions';
import { maskPhone } from '@/lib/phone';
import { deliveryView } from '@/lib/sms/delivery-view';
import { getLatestDelivery, listSupportAgents } from '@/db/queries/support';
import { answerQuestion, cancelOrder } from '../actions';
import { ask, assign, claim, markRightsAdded, reject, saveCredentials } from '../../support/actions';
import { loadOrder } from './load-order';
import { ClientMessages } from '@/components/i18n/client-messages';
import { isDeliveryFlag } from '@/lib/sms/delivery-rules';
import { getKeptFormatter } from '@/lib/i18n/formatter';

type Props = { params: Promise<{ orderId: string }>; searchParams: Promise<{ placed?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { order } = await loadOrder((await params).orderId);
  return { title: (await getTranslations('orderDetail'))('title', { number: order.number }) };
}

export default async function OrderPage({ params, searchParams }: Props) {
  const { actor, order } = await loadOrder((await params).orderId);
  const { placed } = await searchParams;
  const [t, format] = await Promise.all([getTranslations(), getKeptFormatter()]);
  const partner = roleCan(actor.role, 'orders:own');
  const support = roleCan(actor.role, 'support:queue');
  const [agents, delivery] = support ? await Promise.all([listSupportAgents(actor), getLatestDelivery(actor, order.id)]) : [[], null];
  const available = availableActions(order, actor);
  const supportCanAct = support && available.length > 0;
  const question = order.state === 'needs_info' ? order.events.findLast((event) => event.kind === 'question_asked') : undefined;
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' });

  const rejection = order.state === 'rejected' ? order.events.findLast((event) => event.kind === 'rejected') : undefined;
  const uses = typeRequirements[order.type];
  const smsInFlight = order.state === 'account_created' || order.state === 'credentials_sent';
  // A field the account type does not ask for is left out rather than shown as "None".
  const details: [string, string | null, string?][] = [
    [t('orderDetail.type'), t(`accountTypes.${order.type}.name`)],
    [t('orderDetail.organisation'), order.organisationName],
    [t('orderDetail.orderedBy'), order.createdBy.name ?? order.createdBy.email ?? (order.createdBy.apiKeyName ? t('events.apiKey', { name: order.createdBy.apiKeyName }) : null)],
    [t('orderDetail.recipient'), `${order.recipientName} <${order.recipientEmail}>`],
    [t('orderDetail.phone'), order.phone.display, order.phone.full ? t('orderDetail.phoneFullHint') : undefined],
    ...(uses.ecr || order.ecrSupplierName || order.ecrName
      ? ([
          [t('orderDetail.ecrSupplier'), order.ecrSupplierName],
          [t('orderDetail.ecr'), order.ecrName],
        ] as [string, string | null][])
      : []),
    ...(uses.merchant
      ? ([
          [t('orderDetail.merchant'), order.merchantName],
          [t('orderDetail.businessId'), order.merchantBusinessId],
        ] as [string, string | null][])
      : []),
    [t('orderDetail.terminalIds'), order.terminalIds.length ? order.terminalIds.join(', ') : null],
    ...(uses.additionalInfo || order.additionalInfo ? ([[t('orderDetail.additionalInfo'), order.additionalInfo]] as [string, string | null][]) : []),
  ];
  /** The question the caller can answer here, if there is one. */
  const questionToAnswer = available.includes('answer') ? question : undefined;
  const answering = questionToAnswer !== undefined;
  // Only what the client components on this page read: the catalogue travels in the RSC payload,
  // and all of these namespaces were 10 kB of a partner's 40 kB page that showed none of them.
  const clientNamespaces = [
    ...(available.includes('cancel') || answering ? (['orderDetail'] as const) : []),
    ...(answering || supportCanAct ? (['validation'] as const) : []),
    ...(support ? (['support', 'smsStatuses', 'sms'] as const) : []),
  ];
  const changedField = (field: string) => (t.has(`orderForm.${field}` as never) ? t(`orderForm.${field}` as never) : field);
  const smsStatus = (status: unknown) => (typeof status === 'string' && t.has(`smsStatuses.${status}` as never) ? t(`smsStatuses.${status}` as never) : '');

  return (
    <ClientMessages namespaces={clientNamespaces}>
      <ActionOutcomeProvider>
        <PageHeader
          title={t('orderDetail.title', { number: order.number })}
          description={
            <span className="mt-1 flex flex-wrap items-center gap-2" data-testid="order-status">
              <StateBadge state={order.state} t={t} />
              <DeadlineBadge status={order.deadline.status} msLeft={order.deadline.msLeft} audience={partner ? 'partner' : 'support'} t={t} />
            </span>
          }
          actions={available.includes('cancel') ? <CancelOrder action={cancelOrder} orderId={order.id} number={order.number} /> : undefined}
        />
        {rejection && (
          <Card className="mb-6 border-red-300 bg-red-50" data-testid="rejection">
            <h2 className="font-semibold text-red-900">{t('orderDetail.rejectedTitle')}</h2>
            {typeof rejection.data.reason === 'string' && (
              <p className="mt-1 whitespace-pre-wrap break-words text-sm text-red-950">
                <span className="sr-only">{t('orderDetail.rejectedReason')}: </span>
                {rejection.data.reason}
              </p>
            )}
          </Card>
        )}
        <ActionOutcomeMessage />
        {placed && order.events.length === 1 && (
          <p role="status" className="mb-4 rounded-md bg-teal-50 px-3 py-2 text-sm text-teal-900">
            {t('orders.created', { number: order.number })}
          </p>
        )}

        {order.batchId && order.batchNumber !== null && (
          <p className="mb-4 text-sm">
            <Link href={`/orders/batches/${order.batchId}`} className="font-medium text-teal-800 hover:underline">
              {t('batchPage.partOf', { number: order.batchNumber })}
            </Link>
          </p>
        )}

        {order.type === 'sub_channel' && order.state === 'completed' && (
          <p className="mb-4 text-sm">
            <Link href={`/sub-channels/${order.id}`} className="font-medium text-teal-800 hover:underline">
              {t('subChannels.openFromOrder')}
            </Link>
          </p>
        )}

        {questionToAnswer && (
          <Card className="mb-6 border-amber-300 bg-amber-50">
            <h2 className="font-semibold text-amber-900">{t('orderDetail.question')}</h2>
            <p className="mt-1 whitespace-pre-wrap text-sm text-amber-950">{String(questionToAnswer.data.question ?? '')}</p>
            <div className="mt-4">
              <AnswerQuestion action={answerQuestion} orderId={order.id} />
            </div>
            <p className="mt-4 text-sm text-slate-700">
              {t('orderDetail.orEdit')}:{' '}
              <Link href={`/orders/${order.id}/edit`} className={buttonClasses('ghost', 'px-2')}>
                {t('orderDetail.edit')}
              </Link>
            </p>
          </Card>
        )}

        {(supportCanAct || delivery || (support && smsInFlight)) && (
          <div className="mb-6 grid gap-4 lg:grid-cols-2">
            {supportCanAct && (
              <SupportPanel
                order={{ id: order.id, number: order.number, assigneeUserId: order.assigneeUserId, maskedPhone: maskPhone(order.recipientPhone) }}
                available={available}
                actorUserId={actor.userId}
                agents={agents}
                actions={{ claim, assign, ask, reject, saveCredentials, markRightsAdded }}
              />
            )}
            {support && (delivery || smsInFlight) && (
              <DeliveryStatus key={order.state} orderId={order.id} initial={delivery && deliveryView(delivery)} inFlight={smsInFlight} />
            )}
          </div>
        )}

        <div className="grid gap-6 lg:grid-cols-3">
          <Card className="lg:col-span-2">
            <dl className="grid gap-4 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-slate-500">{t('orderDetail.submitted')}</dt>
                <dd className="font-medium">{when(order.submittedAt)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t('orderDetail.due')}</dt>
                <dd className="font-medium" data-testid="order-due">
                  {when(order.deadline.dueAt)}
                </dd>
                {order.deadline.pausedMs > 0 && (
                  <dd className="text-slate-600" data-testid="order-paused">
                    {t('deadline.pausedFor', {
                      time: t('deadline.timeLeft', {
                        days: Math.floor(order.deadline.pausedMs / 86_400_000),
                        hours: Math.ceil((order.deadline.pausedMs % 86_400_000) / 3_600_000),
                      }),
                    })}
                  </dd>
                )}
              </div>
              {details.map(([label, value, hint]) => (
                <div key={label} className="min-w-0">
                  <dt className="text-slate-500">{label}</dt>
                  <dd className="whitespace-pre-wrap break-words font-medium">{value ?? <span className="font-normal text-slate-500">{t('orderDetail.none')}</span>}</dd>
                  {hint && <dd className="text-slate-600">{hint}</dd>}
                </div>
              ))}
            </dl>
          </Card>
          <Card>
            <h2 className="mb-3 text-lg font-semibold">{t('orderDetail.timeline')}</h2>
            <ol className="relative flex flex-col gap-4 border-l border-slate-200 pl-4" data-testid="timeline">
              {order.events.map((event) => (
                <li key={event.id} className="timeline-event">
                  <p className="font-medium text-slate-900">{t(`events.${event.kind}`, {
                      actor: event.actorName ?? event.actorEmail ?? (event.actorApiKeyName ? t('events.apiKey', { name: event.actorApiKeyName }) : t('events.system')),
                      attempt: String(event.data.attempt ?? ''),
                      status: smsStatus(event.data.status),
                    })}</p>
                  <p className="text-slate-500">{when(event.at)}</p>
                  {typeof event.data.question === 'string' && <p className="mt-1 whitespace-pre-wrap text-slate-700">{event.data.question}</p>}
                  {typeof event.data.answer === 'string' && <p className="mt-1 whitespace-pre-wrap text-slate-700">{event.data.answer}</p>}
                  {typeof event.data.reason === 'string' && (
                    <p className="mt-1 whitespace-pre-wrap text-slate-700">
                      {/* An SMS that never left is recorded as a code; a rejection's reason is what support wrote. */}
                      {event.kind === 'sms_status' && isDeliveryFlag(event.data.reason) ? t(`support.deliveryFlags.${event.data.reason}`) : event.data.reason}
                    </p>
                  )}
                  {Array.isArray(event.data.fields) && event.data.fields.length > 0 && (
                    <p className="mt-1 text-slate-700">{t('events.changedFields', { fields: (event.data.fields as string[]).map(changedField).join(', ') })}</p>
                  )}
                </li>
              ))}
            </ol>
          </Card>
        </div>
      </ActionOutcomeProvider>
    </ClientMessages>
  );
}
