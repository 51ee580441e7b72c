import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { WebhookEndpointListItem } from '@/db/queries/webhooks';
import { getKeptFormatter } from '@/lib/i18n/formatter';

/** Active, failing since when, or disabled (by hand, or after three days of failures). */
export async function WebhookStatus({ endpoint }: { endpoint: Pick<WebhookEndpointListItem, 'disabledAt' | 'disabledReason' | 'failingSince'> }) {
  const t = await getTranslations('webhooks.status');
  const format = await getKeptFormatter();
  if (endpoint.disabledAt) return <Badge tone="red">{endpoint.disabledReason === 'failing' ? t('disabledFailing') : t('disabled')}</Badge>;
  if (endpoint.failingSince) return <Badge tone="amber">{t('failing', { date: format.dateTime(endpoint.failingSince, { dateStyle: 'medium', timeStyle: 'short' }) })}</Badge>;
  return <Badge tone="teal">{t('active')}</Badge>;
}
