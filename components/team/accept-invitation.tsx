'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';

/** Accepts the invitation, then asks for the sign-in link as the sign-in page would. */
export function AcceptInvitation({ accept }: { accept: () => Promise<{ ok: true; email: string } | { ok: false }> }) {
  const t = useTranslations('invitation');
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <div className="mt-6 flex flex-col gap-3">
      <Button
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setFailed(false);
          // next-auth's client loads while the invitation is accepted: it is no part of the page's first-load JavaScript.
          const client = import('next-auth/react');
          const result = await accept();
          if (!result.ok) {
            setFailed(true);
            setPending(false);
            return;
          }
          const { signIn } = await client;
          await signIn('email', { email: result.email, callbackUrl: '/', redirect: false });
          router.push(`/sign-in/check-email?email=${encodeURIComponent(result.email)}`);
        }}
      >
        {pending ? t('accepting') : t('accept')}
      </Button>
      {failed && (
        <p role="alert" className="text-sm text-red-700">
          {t('failed')}
        </p>
      )}
    </div>
  );
}
