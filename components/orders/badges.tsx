import type { useTranslations } from 'next-intl';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { clockParts } from '@/lib/orders/clock';
import type { DeadlineStatus } from '@/lib/orders/deadline';
import type { OrderState } from '@/lib/orders/model';

/**
 * The page's own translator, passed in: a `useTranslations` in each badge suspended once per
 * badge on a list page, which made every row's badges separate chunks of the RSC payload.
 */
export type Translator = ReturnType<typeof useTranslations<never>>;

/** A badge as data: what a list's rows carry to the client. */
export interface BadgeData {
  tone: BadgeTone;
  label: string;
}

const stateTone: Record<OrderState, BadgeTone> = {
  submitted: 'neutral',
  in_progress: 'teal',
  account_created: 'teal',
  credentials_sent: 'teal',
  completed: 'teal',
  needs_info: 'amber',
  rejected: 'red',
  cancelled: 'neutral',
};

export function stateBadge(state: OrderState, t: Translator): BadgeData {
  return { tone: stateTone[state], label: t(`orderStates.${state}`) };
}

/** Time left (or overdue) as days and hours, with the at-risk and overdue colours; none once the clock has stopped. */
export function deadlineBadge(status: DeadlineStatus, msLeft: number, audience: 'partner' | 'support', t: Translator): BadgeData | null {
  const time = () => t('deadline.timeLeft', clockParts(msLeft));
  switch (status) {
    case 'stopped':
      return null;
    case 'overdue':
      return { tone: 'red', label: t('deadline.overdue', { time: time() }) };
    case 'at_risk':
      return { tone: 'amber', label: t('deadline.at_risk', { time: time() }) };
    case 'paused':
      return { tone: 'neutral', label: audience === 'partner' ? t('deadline.paused') : t('deadline.pausedSupport') };
    case 'met':
      return { tone: 'teal', label: t('deadline.met') };
    case 'missed':
      return { tone: 'amber', label: t('deadline.missed') };
    default:
      return { tone: 'neutral', label: t('deadline.on_track', { time: time() }) };
  }
}

export function StateBadge({ state, t }: { state: OrderState; t: Translator }) {
  const { tone, label } = stateBadge(state, t);
  return <Badge tone={tone}>{label}</Badge>;
}

export function DeadlineBadge({ status, msLeft, audience = 'partner', t }: { status: DeadlineStatus; msLeft: number; audience?: 'partner' | 'support'; t: Translator }) {
  const badge = deadlineBadge(status, msLeft, audience, t);
  return badge && <Badge tone={badge.tone}>{badge.label}</Badge>;
}
