import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { BatchUpload } from '@/components/batches/batch-upload';
import { ClientMessages } from '@/components/i18n/client-messages';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/authz';
import { accountTypes, type AccountType } from '@/lib/orders/model';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('batches.upload'))('title') };
}

/** Ordering many at once: the type, its template, the file, then the preview of every row (BatchUpload). */
export default async function NewBatchPage({ searchParams }: { searchParams: Promise<{ type?: string }> }) {
  await requirePageActor('orders:own');
  const { type } = await searchParams;
  const t = await getTranslations('batches.upload');
  const chosen = accountTypes.find((value) => value === type) as AccountType | undefined;
  return (
    <ClientMessages namespaces={['batches.upload', 'batches.preview', 'batches.submit', 'batches.errors', 'accountTypes', 'validation', 'errors']}>
      <div className="max-w-5xl">
        <PageHeader title={t('title')} description={t('intro')} />
        <p className="-mt-3 mb-6 text-sm">
          <Link href="/orders/new" className="font-medium text-teal-800 underline">
            {t('oneOrder')}
          </Link>
        </p>
        <BatchUpload defaultType={chosen} />
      </div>
    </ClientMessages>
  );
}
