import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { OrderForm } from '@/components/orders/order-form';
import { PageHeader } from '@/components/ui/page-header';
import { listEcrCatalogue } from '@/db/queries/orders';
import { getDeadlineSetting } from '@/db/queries/settings';
import { canPartner } from '@/lib/orders/transitions';
import { roleCan } from '@/lib/permissions';
import { formatPhone } from '@/lib/phone';
import { editOrder } from '../../actions';
import { loadOrder } from '../load-order';
import { ClientMessages } from '@/components/i18n/client-messages';

type Props = { params: Promise<{ orderId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { order } = await loadOrder((await params).orderId);
  return { title: (await getTranslations('orderForm'))('editTitle', { number: order.number }) };
}

/** Correcting an order support asked about; only while it waits on the partner. */
export default async function EditOrderPage({ params }: Props) {
  const { actor, order } = await loadOrder((await params).orderId);
  if (!roleCan(actor.role, 'orders:own') || !canPartner('answer', order.state)) notFound();
  const [t, catalogue, setting] = await Promise.all([getTranslations('orderForm'), listEcrCatalogue(), getDeadlineSetting()]);
  return (
    <ClientMessages namespaces={['orderForm', 'accountTypes', 'validation', 'language']}>
      <div className="max-w-3xl">
        <PageHeader title={t('editTitle', { number: order.number })} />
        <OrderForm
          mode="edit"
          catalogue={catalogue}
          deadline={setting}
          defaults={{
            type: order.type,
            recipientName: order.recipientName,
            recipientEmail: order.recipientEmail,
            recipientPhone: formatPhone(order.recipientPhone),
            recipientLocale: order.recipientLocale,
            ecrSupplierName: order.ecrSupplierName ?? '',
            ecrName: order.ecrName ?? '',
            merchantName: order.merchantName ?? '',
            merchantBusinessId: order.merchantBusinessId ?? '',
            merchantCountry: order.merchantCountry ?? 'FI',
            terminalIds: order.terminalIds.join('\n'),
            additionalInfo: order.additionalInfo ?? '',
          }}
          submit={editOrder.bind(null, order.id)}
        />
      </div>
    </ClientMessages>
  );
}
