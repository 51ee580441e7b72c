'use client';

import { useTranslations } from 'next-intl';
import { AlertDialog } from 'radix-ui';
import { useActionState } from 'react';
import { Button, buttonClasses } from '@/components/ui/button';
import type { ActionResult } from '@/lib/authz';

type Action = (previous: unknown, input: FormData) => Promise<ActionResult>;

/** Cancel, after a confirmation: the order cannot be brought back. */
export function CancelOrder({ action, orderId, number }: { action: Action; orderId: string; number: number }) {
  const t = useTranslations('orderDetail');
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger className={buttonClasses('secondary')}>{t('cancel')}</AlertDialog.Trigger>
      {state && !state.ok && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {state.message}
        </p>
      )}
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
          <AlertDialog.Title className="text-lg font-semibold">{t('cancel')}</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-600">{t('cancelConfirm', { number })}</AlertDialog.Description>
          <form action={formAction} className="mt-6 flex justify-end gap-3">
            <input type="hidden" name="orderId" value={orderId} />
            <AlertDialog.Cancel className={buttonClasses('ghost')}>{t('cancelKeep')}</AlertDialog.Cancel>
            <Button type="submit" variant="danger" disabled={pending}>
              {t('cancel')}
            </Button>
          </form>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
