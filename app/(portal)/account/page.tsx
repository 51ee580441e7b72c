import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ProfileForm } from '@/components/account/profile-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/authz';
import { updateProfile } from './actions';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

export default async function AccountPage() {
  const actor = await requirePageActor('profile:edit');
  const t = await getTranslations();
  return (
    <ClientMessages namespaces={['account', 'language', 'validation']}>
      <>
        <PageHeader title={t('account.title')} description={t('account.intro')} />
        <Card className="max-w-xl">
          <dl className="mb-6 grid gap-3 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-slate-500">{t('account.email')}</dt>
              <dd className="break-all font-medium">{actor.email}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t('account.organisation')}</dt>
              <dd className="font-medium">{actor.organisationName}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t('account.role')}</dt>
              <dd className="font-medium">{t(`roles.${actor.role}`)}</dd>
            </div>
          </dl>
          <ProfileForm action={updateProfile} defaultName={actor.name ?? ''} defaultLocale={actor.locale} />
        </Card>
      </>
    </ClientMessages>
  );
}
