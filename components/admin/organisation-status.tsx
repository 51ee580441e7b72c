'use client';

import { useTranslations } from 'next-intl';
import { ConfirmAction } from '@/components/ui/confirm-action';
import type { ActionResult } from '@/lib/authz';

type Action = (previous: unknown, input: FormData) => Promise<ActionResult<unknown>>;

/**
 * Deactivate or reactivate, after a confirmation that says what happens to the organisation's
 * people and orders. The page keys this by the current state, so a successful change (which
 * re-renders the page) also closes the dialog.
 */
export function OrganisationStatus({ action, organisationId, name, active }: { action: Action; organisationId: string; name: string; active: boolean }) {
  const t = useTranslations('admin');
  const label = active ? t('deactivate') : t('reactivate');
  return (
    <ConfirmAction
      action={action}
      fields={{ organisationId, active: active ? 'false' : 'true' }}
      trigger={label}
      triggerVariant={active ? 'danger' : 'secondary'}
      title={label}
      description={active ? t('deactivateConfirm', { name }) : t('reactivateConfirm', { name })}
      confirm={active ? t('deactivateConfirmButton') : t('reactivateConfirmButton')}
      confirmVariant={active ? 'danger' : 'primary'}
      cancel={t('keepAsIs')}
    />
  );
}
