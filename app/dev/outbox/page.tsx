import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { listOutboxMessages } from '@/db/queries/outbox';
import { servesOutbox } from '@/lib/env';
import { outboxFilterSchema } from '@/lib/validations/outbox';
import { MAIN_ID } from '@/components/shell/skip-link';
import { getKeptFormatter } from '@/lib/i18n/formatter';

export const metadata: Metadata = { title: 'Outbox', robots: { index: false } };

/**
 * GET /dev/outbox – what the portal would have emailed or texted.
 *
 * Note: it needs no sign-in, because signing in locally means reading the link here. So it is
 * served only with an explicit DEV_OUTBOX=true (the demo and the tests), never merely because
 * Resend or Twilio is not configured, and never with APP_ENV=production (see servesOutbox).
 */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (!servesOutbox()) notFound();
  // A recipient no message can have (a NUL, a repeated parameter) is a 404, not a database error.
  const filter = outboxFilterSchema.safeParse(await searchParams);
  if (!filter.success) notFound();
  const { recipient } = filter.data;
  const t = await getTranslations('outbox');
  const format = await getKeptFormatter();
  const messages = await listOutboxMessages({ limit: 50, recipient });
  return (
    <main id={MAIN_ID} tabIndex={-1} className="focus:outline-none mx-auto max-w-4xl px-4 py-8">
      <div className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold">{t('title')}</h1>
          <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
        </div>
        <form className="flex gap-2" action="/dev/outbox">
          <label className="sr-only" htmlFor="recipient">
            {t('filter')}
          </label>
          <input
            id="recipient"
            name="recipient"
            type="search"
            defaultValue={recipient}
            placeholder={t('filter')}
            className="min-h-10 rounded-md border border-slate-300 px-3 text-sm"
          />
          <button className={buttonClasses('secondary')}>{t('filterSubmit')}</button>
          {recipient && (
            <Link href="/dev/outbox" className={buttonClasses('ghost')}>
              {t('showAll')}
            </Link>
          )}
        </form>
      </div>
      {messages.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">{t('empty')}</p>
      ) : (
        <ol className="flex flex-col gap-4">
          {messages.map((message) => (
            <li key={message.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="outbox-message">
              <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
                <Badge tone={message.channel === 'sms' ? 'amber' : 'teal'}>{t(message.channel)}</Badge>
                <span>
                  {t('to')}: <span className="font-medium text-slate-900">{message.recipient}</span>
                </span>
                <span className="ml-auto">{format.dateTime(message.createdAt, { dateStyle: 'medium', timeStyle: 'medium' })}</span>
              </div>
              {message.subject && <p className="mt-2 font-semibold">{message.subject}</p>}
              <pre className="mt-2 whitespace-pre-wrap break-words font-sans text-sm text-slate-800">{linkify(message.bodyText)}</pre>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}

/** Makes the links in a plain-text body clickable. */
function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, index) =>
    /^https?:\/\//.test(part) ? (
      <a key={index} href={part} className="text-teal-700 underline">
        {part}
      </a>
    ) : (
      part
    ),
  );
}
