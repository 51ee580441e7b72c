import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { AddTerminalsForm, DeactivateMerchant } from '@/components/sub-channels/merchant-controls';
import { MerchantForm } from '@/components/sub-channels/merchant-form';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getSubChannel } from '@/db/queries/sub-channels';
import { requirePageActor } from '@/lib/authz';
import { countryName } from '@/lib/i18n/display';
import { formatPhone } from '@/lib/phone';
import { addMerchantAction, addTerminalsAction, deactivateMerchantAction } from '../actions';
import { ClientMessages } from '@/components/i18n/client-messages';
import { getKeptFormatter } from '@/lib/i18n/formatter';

type Props = { params: Promise<{ orderId: string }> };

/** A sub-channel the caller reaches, with the merchants they may see; 404 otherwise. */
async function loadSubChannel(params: Props['params']) {
  const actor = await requirePageActor();
  const id = z.uuid().safeParse((await params).orderId);
  const subChannel = id.success ? await getSubChannel(actor, id.data) : null;
  if (!subChannel) notFound();
  return subChannel;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const subChannel = await loadSubChannel(params);
  return { title: (await getTranslations('subChannels'))('detailTitle', { number: subChannel.number }) };
}

export default async function SubChannelPage({ params }: Props) {
  const subChannel = await loadSubChannel(params);
  const [t, format, locale] = await Promise.all([getTranslations('subChannels'), getKeptFormatter(), getLocale()]);
  const active = subChannel.merchants.filter((merchant) => !merchant.deactivatedAt);
  const deactivated = subChannel.merchants.filter((merchant) => merchant.deactivatedAt);
  return (
    <ClientMessages namespaces={['subChannels.form', 'subChannels.merchant', 'validation']}>
      <>
        <Link href="/sub-channels" className="mb-2 inline-block text-sm text-teal-800 hover:underline">
          {t('title')}
        </Link>
        <PageHeader
          title={[subChannel.ecrSupplierName, subChannel.ecrName].filter(Boolean).join(' · ') || t('detailTitle', { number: subChannel.number })}
          description={
            <span className="flex flex-wrap items-center gap-2">
              <span>{t('line', { number: subChannel.number, organisation: subChannel.organisationName })}</span>
              {subChannel.integrationName && <Badge>{subChannel.integrationName}</Badge>}
            </span>
          }
        />
        <p className="mb-6 max-w-3xl text-sm text-slate-600">{t(`explain_${subChannel.access}`)}</p>
        <div className="grid gap-6 lg:grid-cols-3">
          <section className="flex flex-col gap-4 lg:col-span-2" aria-labelledby="merchants-heading">
            <h2 id="merchants-heading" className="text-lg font-semibold">
              {t('merchants', { count: active.length })}
            </h2>
            {active.length === 0 && <EmptyState title={t('noMerchants')} hint={subChannel.canAdd ? t('noMerchantsHint') : undefined} />}
            <ul className="flex flex-col gap-4" data-testid="merchant-list">
              {active.map((merchant) => (
                <li key={merchant.id}>
                  <Card data-testid="merchant">
                    <div className="flex flex-wrap items-start justify-between gap-2">
                      <div>
                        <h3 className="font-semibold text-slate-900">{merchant.name}</h3>
                        <p className="text-sm text-slate-600">
                          {merchant.businessId} · {countryName(merchant.country, locale)}
                        </p>
                      </div>
                      <div className="flex items-center gap-2">
                        {subChannel.access !== 'reseller' && <Badge>{t('addedBy', { organisation: merchant.organisationName })}</Badge>}
                        {merchant.canManage && <DeactivateMerchant action={deactivateMerchantAction} merchantId={merchant.id} merchantName={merchant.name} />}
                      </div>
                    </div>
                    <p className="mt-2 text-sm text-slate-700">
                      {merchant.contactName} · {merchant.contactEmail}
                      {merchant.contactPhone && ` · ${formatPhone(merchant.contactPhone)}`}
                    </p>
                    <div className="mt-3">
                      <h4 className="text-sm font-medium text-slate-800">{t('terminals', { count: merchant.terminalIds.length })}</h4>
                      {merchant.terminalIds.length > 0 ? (
                        <ul className="mt-1 flex flex-wrap gap-2" aria-label={t('terminals', { count: merchant.terminalIds.length })}>
                          {merchant.terminalIds.map((terminalId) => (
                            <li key={terminalId} className="rounded bg-slate-100 px-2 py-0.5 font-mono text-sm text-slate-800">
                              {terminalId}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <p className="text-sm text-slate-500">{t('noTerminals')}</p>
                      )}
                    </div>
                    {merchant.canManage && (
                      <div className="mt-4 border-t border-slate-100 pt-4">
                        <AddTerminalsForm action={addTerminalsAction} merchantId={merchant.id} merchantName={merchant.name} />
                      </div>
                    )}
                  </Card>
                </li>
              ))}
            </ul>
            {deactivated.length > 0 && (
              <details className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm">
                <summary className="cursor-pointer font-medium text-slate-700">{t('deactivated', { count: deactivated.length })}</summary>
                <ul className="mt-2 flex flex-col gap-1 text-slate-600">
                  {deactivated.map((merchant) => (
                    <li key={merchant.id}>
                      {merchant.name} · {merchant.businessId} ·{' '}
                      {t('deactivatedOn', { date: format.dateTime(merchant.deactivatedAt!, { dateStyle: 'medium' }) })}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </section>
          {subChannel.canAdd && (
            <Card className="h-fit">
              <h2 className="mb-1 text-lg font-semibold">{t('addMerchant')}</h2>
              <p className="mb-4 text-sm text-slate-600">{t('addMerchantHint')}</p>
              <MerchantForm action={addMerchantAction} subChannelOrderId={subChannel.id} />
            </Card>
          )}
        </div>
      </>
    </ClientMessages>
  );
}
