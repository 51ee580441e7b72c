import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { z } from 'zod';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { listAuditEvents } from '@/db/queries/audit';
import { requirePageActor } from '@/lib/authz';
import { getKeptFormatter } from '@/lib/i18n/formatter';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('audit'))('title') };
}

const querySchema = z.object({
  organisation: z.uuid().optional().catch(undefined),
  // "<ISO time>_<id>" of the last row of the previous page.
  before: z
    .string()
    .regex(/^[^_]+_[0-9a-f-]{36}$/)
    .transform((value) => {
      const [at, id] = value.split('_') as [string, string];
      return { at: new Date(at), id };
    })
    .refine((cursor) => !Number.isNaN(cursor.at.getTime()))
    .optional()
    .catch(undefined),
});

/** An audit value as read: lists joined, yes/no for flags, a dash for nothing, codes (a role, a country) named. */
function describe(value: unknown, yesNo: (value: boolean) => string, name: (value: string) => string) {
  if (Array.isArray(value)) return value.length ? value.map((item) => (typeof item === 'string' ? name(item) : String(item))).join(', ') : '—';
  if (typeof value === 'boolean') return yesNo(value);
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'string' ? name(value) : String(value);
}

/** Who changed what outside orders (organisations, people, catalogue, settings, merchants), newest first. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageActor('admin:manage');
  const query = querySchema.parse(await searchParams);
  const [t, tAll, locale, format, { events, hasMore }] = await Promise.all([
    getTranslations('audit'),
    getTranslations(),
    getLocale(),
    getKeptFormatter(),
    listAuditEvents({ organisationId: query.organisation, before: query.before }),
  ]);
  const countries = new Intl.DisplayNames([locale], { type: 'region' });
  const known = (key: string) => (tAll.has(key as never) ? tAll(key as never) : undefined);
  /** Codes stored in the trail, by the field that holds them, in the reader's language. */
  const nameOf = (field: string) => (value: string) => {
    if (field === 'role' || field === 'from' || field === 'to') return known(`roles.${value}`) ?? value;
    if (field === 'kind') return known(`organisationKinds.${value}`) ?? value;
    if (field === 'mode') return known(`audit.modes.${value}`) ?? value;
    if (field === 'scopes') return known(`apiKeys.scope.${value}`) ?? value;
    if (field === 'country' && /^[A-Z]{2}$/.test(value)) return countries.of(value) ?? value;
    return value;
  };
  const last = events.at(-1);
  const next = new URLSearchParams({
    ...(query.organisation ? { organisation: query.organisation } : {}),
    ...(last ? { before: `${last.at.toISOString()}_${last.id}` } : {}),
  });
  return (
    <>
      <Link href="/admin" className="mb-2 inline-block text-sm text-teal-800 hover:underline">
        {t('back')}
      </Link>
      <PageHeader title={t('title')} description={t('intro')} />
      {query.organisation && (
        <p className="mb-4 text-sm">
          <Link href="/admin/audit" className="text-teal-800 hover:underline">
            {t('showAll')}
          </Link>
        </p>
      )}
      {events.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <ol data-testid="audit-list" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {events.map((event) => (
            <li key={event.id} className="flex flex-col gap-1 px-4 py-3 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-900">{t(`actions.${event.action.replace('.', '_')}` as never)}</span>
                {event.organisationName && event.organisationId && (
                  <Link href={`/admin/audit?organisation=${event.organisationId}`} className="hover:underline">
                    <Badge>{event.organisationName}</Badge>
                  </Link>
                )}
              </div>
              <div className="text-slate-600">
                {format.dateTime(event.at, { dateStyle: 'medium', timeStyle: 'short' })} ·{' '}
                {event.actorName ?? event.actorEmail ?? (event.actorApiKeyName ? t('apiKey', { name: event.actorApiKeyName }) : t('system'))}
              </div>
              {Object.keys(event.data).length > 0 && (
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-slate-700">
                  {Object.entries(event.data).map(([key, value]) => (
                      <div key={key} className="contents">
                        <dt className="text-slate-500">{t.has(`fields.${key}` as never) ? t(`fields.${key}` as never) : key}</dt>
                        <dd className="break-words">{describe(value, (yes) => t(yes ? 'yes' : 'no'), nameOf(key))}</dd>
                      </div>
                    ))}
                </dl>
              )}
            </li>
          ))}
        </ol>
      )}
      {hasMore && (
        <p className="mt-4">
          <Link href={`/admin/audit?${next}`} className="text-sm font-medium text-teal-800 hover:underline">
            {t('older')}
          </Link>
        </p>
      )}
    </>
  );
}
