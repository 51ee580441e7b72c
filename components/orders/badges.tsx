import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { clockParts } from '@/lib/orders/clock';
import type { DeadlineStatus } from '@/lib/orders/deadline';
import type { OrderState } from '@/lib/orders/model';

const stateTone: Record<OrderState, 'neutral' | 'teal' | 'amber' | 'red'> = {
  submitted: 'neutral',
  in_progress: 'teal',
  account_created: 'teal',
  credentials_sent: 'teal',
  completed: 'teal',
  needs_info: 'amber',
  rejected: 'red',
  cancelled: 'neutral',
};

export function StateBadge({ state }: { state: OrderState }) {
  const t = useTranslations('orderStates');
  return <Badge tone={stateTone[state]}>{t(state)}</Badge>;
}

/** Time left (or overdue) as days and hours, with the at-risk and overdue colours. */
export function DeadlineBadge({ status, msLeft, audience = 'partner' }: { status: DeadlineStatus; msLeft: number; audience?: 'partner' | 'support' }) {
  const t = useTranslations('deadline');
  if (status === 'stopped') return null;
  const time = t('timeLeft', clockParts(msLeft));
  switch (status) {
    case 'overdue':
      return <Badge tone="red">{t('overdue', { time })}</Badge>;
    case 'at_risk':
      return <Badge tone="amber">{t('at_risk', { time })}</Badge>;
    case 'paused':
      return <Badge tone="neutral">{audience === 'partner' ? t('paused') : t('pausedSupport')}</Badge>;
    case 'met':
      return <Badge tone="teal">{t('met')}</Badge>;
    case 'missed':
      return <Badge tone="amber">{t('missed')}</Badge>;
    default:
      return <Badge tone="neutral">{t('on_track', { time })}</Badge>;
  }
}
