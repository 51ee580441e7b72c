import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { AcceptInvitation } from '@/components/team/accept-invitation';
import { lookUpInvitation } from '@/db/queries/team';
import { invitationTokenSchema } from '@/lib/validations/team';
import { acceptInvitationAction } from './actions';
import { ClientMessages } from '@/components/i18n/client-messages';
import { localeOf } from '@/lib/i18n/config';
import { MAIN_ID } from '@/components/shell/skip-link';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('invitation'))('title'), robots: { index: false } };
}

/** GET /invitations/:token – the emailed link. An expired or used one says so and offers nothing else. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, tApp, tRoles] = await Promise.all([getTranslations('invitation'), getTranslations('app'), getTranslations('roles')]);
  const invitation = invitationTokenSchema.safeParse({ token }).success ? await lookUpInvitation(token) : ({ valid: false, reason: 'unknown' } as const);
  return (
    <ClientMessages namespaces={['invitation', 'language', 'validation']}>
      <main id={MAIN_ID} tabIndex={-1} className="focus:outline-none flex min-h-dvh flex-col items-center justify-center px-4 py-12">
        <p className="mb-6 text-lg font-semibold">{tApp('name')}</p>
        <div className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          {invitation.valid ? (
            <>
              <h1 className="text-xl font-semibold">{t('title')}</h1>
              <p className="mt-2 text-sm text-slate-700">
                {t('body', { organisation: invitation.organisationName, email: invitation.email, role: tRoles(invitation.role) })}
              </p>
              <AcceptInvitation accept={acceptInvitationAction.bind(null, token)} defaultLocale={localeOf(await getLocale())} />
            </>
          ) : (
            <>
              <h1 className="text-xl font-semibold">{t('invalid')}</h1>
              <p role="alert" className="mt-2 text-sm text-slate-700">
                {t(invitation.reason)}
              </p>
            </>
          )}
        </div>
      </main>
    </ClientMessages>
  );
}
