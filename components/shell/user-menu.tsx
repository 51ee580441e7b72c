'use client';

import { signOut } from 'next-auth/react';
import Link from 'next/link';
import { DropdownMenu } from 'radix-ui';

export function UserMenu(props: { name: string; email: string; menuLabel: string; profileLabel: string; signOutLabel: string }) {
  const initials = (props.name || props.email)
    .split(/[\s@.]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        aria-label={props.menuLabel}
        className="flex size-9 items-center justify-center rounded-full bg-teal-700 text-sm font-semibold text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
      >
        {initials}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={8}
          className="z-50 min-w-56 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg"
        >
          <div className="px-3 py-2">
            <p className="font-medium text-slate-900">{props.name}</p>
            <p className="truncate text-slate-500">{props.email}</p>
          </div>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          <DropdownMenu.Item asChild className="block cursor-pointer rounded px-3 py-2 outline-none data-[highlighted]:bg-slate-100">
            <Link href="/account">{props.profileLabel}</Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item
            className="cursor-pointer rounded px-3 py-2 outline-none data-[highlighted]:bg-slate-100"
            onSelect={() => void signOut({ callbackUrl: '/sign-in' })}
          >
            {props.signOutLabel}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
