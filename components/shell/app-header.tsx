import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { signOutAction } from '@/app/(auth)/actions';
import { Badge } from '@/components/ui/badge';
import type { Actor } from '@/lib/authz';
import { servesOutbox } from '@/lib/env';
import { homePathFor, roleCan } from '@/lib/permissions';
import { NavLinks, type NavItem } from './nav-links';
import { UserMenu } from './user-menu';

/** Header with the caller's organisation and role, and the navigation their role allows. */
export async function AppHeader({ actor }: { actor: Actor }) {
  const t = await getTranslations();
  const items: NavItem[] = [
    ...(roleCan(actor.role, 'orders:own') ? [{ href: '/orders', label: t('nav.orders') }] : []),
    ...(roleCan(actor.role, 'support:queue')
      ? [
          { href: '/support', label: t('nav.queue') },
          { href: '/support/overview', label: t('nav.overview') },
        ]
      : []),
    // Sub-channels matter to suppliers (their own) and resellers (those they connect merchants to).
    ...((roleCan(actor.role, 'orders:own') && (actor.organisationKind === 'ecr_supplier' || actor.organisationKind === 'reseller')) ||
    roleCan(actor.role, 'support:queue')
      ? [{ href: '/sub-channels', label: t('nav.subChannels') }]
      : []),
    ...(roleCan(actor.role, 'admin:manage') ? [{ href: '/admin', label: t('nav.admin') }] : []),
    { href: `/organisations/${actor.organisationId}`, label: t('nav.team') },
    ...(servesOutbox() ? [{ href: '/dev/outbox', label: t('nav.outbox') }] : []),
  ];
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 pt-3 sm:px-6">
        <Link href={homePathFor(actor.role)} className="flex flex-col leading-tight">
          <span className="text-base font-semibold text-slate-900">{t('app.name')}</span>
          <span className="text-xs text-slate-500">{t('app.by')}</span>
        </Link>
        <div className="flex min-w-0 items-center gap-3">
          <div className="hidden min-w-0 flex-col items-end text-right sm:flex">
            <span className="truncate text-sm font-medium text-slate-900" data-testid="header-organisation">
              {actor.organisationName}
            </span>
            <Badge tone="teal">{t(`roles.${actor.role}`)}</Badge>
          </div>
          <UserMenu
            name={actor.name ?? actor.email}
            email={actor.email}
            menuLabel={t('nav.menu')}
            profileLabel={t('nav.account')}
            signOutLabel={t('nav.signOut')}
            signOut={signOutAction}
          />
        </div>
      </div>
      <div className="mx-auto flex max-w-6xl items-center gap-2 px-4 pt-1 text-xs text-slate-600 sm:hidden">
        <span className="truncate font-medium">{actor.organisationName}</span>
        <Badge tone="teal">{t(`roles.${actor.role}`)}</Badge>
      </div>
      <div className="mx-auto max-w-6xl px-2 sm:px-4">
        <NavLinks items={items} label={t('nav.main')} />
      </div>
    </header>
  );
}
