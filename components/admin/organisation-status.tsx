'use client';

import { useTranslations } from 'next-intl';
import { AlertDialog } from 'radix-ui';
import { useActionState } from 'react';
import { Button, buttonClasses } from '@/components/ui/button';
import type { ActionResult } from '@/lib/authz';

type Action = (previous: unknown, input: FormData) => Promise<ActionResult<unknown>>;

/**
 * Deactivate or reactivate, after a confirmation that says what happens to the organisation's
 * people and orders. The page keys this by the current state, so a successful change (which
 * re-renders the page) also closes the dialog.
 */
export function OrganisationStatus({
  action,
  organisationId,
  name,
  active,
}: {
  action: Action;
  organisationId: string;
  name: string;
  active: boolean;
}) {
  const t = useTranslations('admin');
  const [state, formAction, pending] = useActionState(action, null);
  const label = active ? t('deactivate') : t('reactivate');
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger className={buttonClasses(active ? 'danger' : 'secondary')}>{label}</AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
          <AlertDialog.Title className="text-lg font-semibold">{label}</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-600">
            {active ? t('deactivateConfirm', { name }) : t('reactivateConfirm', { name })}
          </AlertDialog.Description>
          {/* Shown in the dialog, where the person is looking; it stays open on failure. */}
          {state && !state.ok && (
            <p role="alert" className="mt-3 text-sm text-red-700">
              {state.message}
            </p>
          )}
          <form action={formAction} className="mt-6 flex justify-end gap-3">
            <input type="hidden" name="organisationId" value={organisationId} />
            <input type="hidden" name="active" value={active ? 'false' : 'true'} />
            <AlertDialog.Cancel className={buttonClasses('ghost')}>{t('keepAsIs')}</AlertDialog.Cancel>
            <Button type="submit" variant={active ? 'danger' : 'primary'} disabled={pending}>
              {active ? t('deactivateConfirmButton') : t('reactivateConfirmButton')}
            </Button>
          </form>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
