import { getTranslations } from 'next-intl/server';
import { signOutAction } from '@/app/(auth)/actions';
import { Button } from '@/components/ui/button';

/** Sign-out as the account menu does it: a form posting to the server action, no client-side auth library. */
export async function SignOutButton() {
  const t = await getTranslations('nav');
  return (
    <form action={signOutAction}>
      <Button type="submit" variant="secondary" className="w-full">
        {t('signOut')}
      </Button>
    </form>
  );
}
