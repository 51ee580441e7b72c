'use client';

import { useTranslations } from 'next-intl';
import { Card } from '@/components/ui/card';
import { ConfirmAction } from '@/components/ui/confirm-action';
import { TextAreaField } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';
import type { ActionResult } from '@/lib/authz';
import type { OrderAction } from '@/lib/orders/transitions';
import { ActionForm } from './action-form';
import { CredentialsForm } from './credentials-form';

type Action = (previous: unknown, input: FormData) => Promise<ActionResult>;

export interface SupportPanelProps {
  order: { id: string; number: number; assigneeUserId: string | null; maskedPhone: string };
  /** From availableActions: what this person may do with the order now. */
  available: OrderAction[];
  actorUserId: string;
  agents: { userId: string; name: string | null; email: string }[];
  actions: { claim: Action; assign: Action; ask: Action; reject: Action; saveCredentials: Action; markRightsAdded: Action };
}

/** What support can do with an order in its current state; the server checks it all again. */
export function SupportPanel({ order, available, actorUserId, agents, actions }: SupportPanelProps) {
  const t = useTranslations('support');
  const mine = order.assigneeUserId === actorUserId;
  const can = (action: OrderAction) => available.includes(action);
  return (
    <div className="flex flex-col gap-4" data-testid="support-panel">
      {can('claim') && (
        <Card className="flex flex-col gap-4">
          {mine ? (
            <p className="text-sm font-medium text-teal-800">{t('claimed')}</p>
          ) : (
            <ActionForm action={actions.claim} orderId={order.id} submitLabel={t('claim')} doneMessage={t('claimDone')} />
          )}
          {can('assign') && (
            <ActionForm action={actions.assign} orderId={order.id} submitLabel={t('assign')} doneMessage={t('assignDone')} variant="secondary">
              {() => (
                <SelectField
                  label={t('assignTo')}
                  name="assigneeUserId"
                  defaultValue={order.assigneeUserId ?? ''}
                  options={agents.map((agent) => ({ value: agent.userId, label: agent.name ?? agent.email }))}
                />
              )}
            </ActionForm>
          )}
        </Card>
      )}

      {can('recordCredentials') && (
        <Card>
          <h2 className="mb-2 text-lg font-semibold">{t('credentialsTitle')}</h2>
          <CredentialsForm action={actions.saveCredentials} orderId={order.id} phone={order.maskedPhone} />
        </Card>
      )}

      {can('completeRights') && (
        <Card>
          <h2 className="mb-2 text-lg font-semibold">{t('rightsTitle')}</h2>
          <p className="mb-3 text-sm text-slate-600">{t('rightsIntro')}</p>
          <ActionForm action={actions.markRightsAdded} orderId={order.id} submitLabel={t('completeRights')} doneMessage={t('completeRightsDone')} />
        </Card>
      )}

      {can('ask') && (
        <Card>
          <h2 className="mb-2 text-lg font-semibold">{t('askTitle')}</h2>
          <ActionForm action={actions.ask} orderId={order.id} submitLabel={t('ask')} doneMessage={t('askDone')} variant="secondary">
            {(errors) => <TextAreaField name="question" label={t('question')} hint={t('questionHint')} error={errors?.question?.[0]} />}
          </ActionForm>
        </Card>
      )}

      {can('reject') && (
        <Card>
          <h2 className="mb-2 text-lg font-semibold">{t('rejectTitle')}</h2>
          <div className="flex flex-col items-start gap-3">
            <ConfirmAction
              action={actions.reject}
              fields={{ orderId: order.id }}
              trigger={t('reject')}
              triggerVariant="danger"
              title={t('rejectTitle')}
              description={t('rejectConfirm', { number: order.number })}
              confirm={t('reject')}
              confirmVariant="danger"
              cancel={t('rejectKeep')}
              doneMessage={t('rejectDone')}
            >
              {({ id, fieldErrors }) => (
                <TextAreaField form={id} name="reason" label={t('reason')} hint={t('reasonHint')} error={fieldErrors?.reason?.[0]} className="self-stretch" />
              )}
            </ConfirmAction>
          </div>
        </Card>
      )}
    </div>
  );
}
