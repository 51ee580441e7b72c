import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { OrderForm } from '@/components/orders/order-form';
import { PageHeader } from '@/components/ui/page-header';
import { listEcrCatalogue } from '@/db/queries/orders';
import { getDeadlineSetting } from '@/db/queries/settings';
import { requirePageActor } from '@/lib/authz';
import { accountTypes, type AccountType } from '@/lib/orders/model';
import { placeOrder } from '../../actions';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('orderForm'))('title') };
}

export default async function NewOrderFormPage({ searchParams }: { searchParams: Promise<{ type?: string }> }) {
  const actor = await requirePageActor('orders:own');
  const { type } = await searchParams;
  const [t, catalogue, setting] = await Promise.all([getTranslations('orderForm'), listEcrCatalogue(), getDeadlineSetting()]);
  const chosen = accountTypes.find((value) => value === type) as AccountType | undefined;
  return (
    <ClientMessages namespaces={['orderForm', 'accountTypes', 'validation', 'language']}>
      <div className="max-w-3xl">
        <PageHeader title={t('title')} />
        <OrderForm
          mode="create"
          catalogue={catalogue}
          deadline={setting}
          defaults={{ type: chosen, recipientName: actor.name ?? '', recipientEmail: actor.email, recipientLocale: actor.locale }}
          submit={placeOrder}
        />
      </div>
    </ClientMessages>
  );
}
