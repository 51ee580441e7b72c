import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { clockParts } from '@/lib/orders/clock';
import type { ApplicationState } from '@/lib/partner-applications/model';

const stateTone: Record<ApplicationState, 'neutral' | 'teal' | 'amber' | 'red'> = {
  new: 'amber',
  in_review: 'teal',
  approved: 'teal',
  declined: 'neutral',
};

export function ApplicationStateBadge({ state }: { state: ApplicationState }) {
  const t = useTranslations('applications.states');
  return <Badge tone={stateTone[state]}>{t(state)}</Badge>;
}

/** Another organisation or open application has the same business ID. */
export function DuplicateBadge() {
  const t = useTranslations('applications');
  return <Badge tone="red">{t('duplicate')}</Badge>;
}

/**
 * How long an application has waited, as the deadline clock writes time ("2 days 3 h"); amber once
 * it has waited more than two business days (`late`, from lib/partner-applications/waiting.ts).
 */
export function WaitingTime({ ms, late }: { ms: number; late: boolean }) {
  const t = useTranslations();
  return <Badge tone={late ? 'amber' : 'neutral'}>{t('applications.waiting', { time: t('deadline.timeLeft', clockParts(ms)) })}</Badge>;
}
