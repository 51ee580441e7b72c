import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { listSubChannels } from '@/db/queries/sub-channels';
import { requirePageActor } from '@/lib/authz';
import { getKeptFormatter } from '@/lib/i18n/formatter';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('subChannels'))('title') };
}

/** The sub-channel accounts the caller's organisation owns or resells, or every one for support. */
export default async function SubChannelsPage() {
  const actor = await requirePageActor();
  const [t, format, subChannels] = await Promise.all([getTranslations('subChannels'), getKeptFormatter(), listSubChannels(actor)]);
  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      {subChannels.length === 0 ? (
        <EmptyState title={t('empty')} hint={t(actor.organisationKind === 'reseller' ? 'emptyHintReseller' : 'emptyHint')} />
      ) : (
        <ul data-testid="sub-channel-list" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {subChannels.map((subChannel) => (
            <li key={subChannel.id}>
              <Link href={`/sub-channels/${subChannel.id}`} className="flex flex-col gap-1 px-4 py-3 hover:bg-slate-50 sm:flex-row sm:items-center sm:justify-between">
                <span className="flex flex-col">
                  <span className="font-medium text-slate-900">
                    {[subChannel.ecrSupplierName, subChannel.ecrName].filter(Boolean).join(' · ')}
                  </span>
                  <span className="text-sm text-slate-600">
                    {t('line', { number: subChannel.number, organisation: subChannel.organisationName })}
                    {subChannel.completedAt && ` · ${t('since', { date: format.dateTime(subChannel.completedAt, { dateStyle: 'medium' }) })}`}
                  </span>
                </span>
                <Badge tone="teal">{t('merchantCount', { count: subChannel.merchantCount })}</Badge>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
