'use client';

import { useTranslations } from 'next-intl';
import { ConfirmAction } from '@/components/ui/confirm-action';
import type { ActionResult } from '@/lib/authz';

type Action = (previous: unknown, input: FormData) => Promise<ActionResult>;

/** Cancel, after a confirmation: the order cannot be brought back. */
export function CancelOrder({ action, orderId, number }: { action: Action; orderId: string; number: number }) {
  const t = useTranslations('orderDetail');
  return (
    <ConfirmAction
      action={action}
      fields={{ orderId }}
      trigger={t('cancel')}
      triggerVariant="secondary"
      title={t('cancel')}
      description={t('cancelConfirm', { number })}
      confirm={t('cancel')}
      confirmVariant="danger"
      cancel={t('cancelKeep')}
      doneMessage={t('cancelled')}
    />
  );
}
