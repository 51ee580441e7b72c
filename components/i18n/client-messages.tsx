import { NextIntlClientProvider, type Messages, type NamespaceKeys, type NestedKeyOf } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';

type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;
type Catalogue = { [key: string]: string | Catalogue };

/** The parts of the catalogue at these namespaces ("admin" or "admin.form"), nested as in the whole. */
export function pickNamespaces(messages: Catalogue, namespaces: readonly string[]) {
  const picked: Catalogue = {};
  for (const namespace of namespaces) {
    const path = namespace.split('.');
    let from: Catalogue | string | undefined = messages;
    let to = picked;
    for (const [index, key] of path.entries()) {
      from = typeof from === 'object' ? from[key] : undefined;
      if (from === undefined) throw new Error(`no message namespace ${namespace}`);
      if (index === path.length - 1) to[key] = from;
      else to = (to[key] ??= {}) as Catalogue;
    }
  }
  return picked;
}

/**
 * Gives the client components inside it the message namespaces they use. The root layout gives
 * them none: the whole catalogue would otherwise travel with every page, in its HTML and again
 * in its RSC payload (30 kB of the order page's 58 kB).
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly Namespace[]; children: ReactNode }) {
  const messages = (await getMessages()) as Catalogue;
  return <NextIntlClientProvider messages={pickNamespaces(messages, namespaces)}>{children}</NextIntlClientProvider>;
}
