import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { MAIN_ID } from '@/components/shell/skip-link';
import { API_BASE_PATH, API_SUMMARY, apiGuide, problemAnchor } from '@/lib/api/openapi';
import { problemCodes, problemStatus, problemTitle } from '@/lib/api/problem';
import { referenceAssetUrl, rendererVersion } from '@/lib/api/reference-assets';

export const metadata: Metadata = { title: 'API reference' };

const problemsByStatus = [...problemCodes].sort((a, b) => problemStatus(a) - problemStatus(b));

/** `code` spans of the guide's text as <code>. */
function withCode(text: string): ReactNode[] {
  return text.split(/`([^`]+)`/).map((part, index) => (index % 2 ? <code key={index} className="rounded bg-slate-100 px-1 font-mono text-[0.9em] break-words">{part}</code> : part));
}

/**
 * The partner API's reference, public: the introduction and every kind of problem (the targets
 * of each problem's `type` link, #problem-…) rendered here on the server, then the operations by
 * Swagger UI from /api/v1/openapi.json. The renderer's files come from
 * app/developers/api/assets with this response's CSP nonce, so no other page's bundle grows.
 * The reference is in English, as the API's messages are.
 */
export default async function ApiReferencePage() {
  const nonce = /'nonce-([^']+)'/.exec((await headers()).get('content-security-policy') ?? '')?.[1];
  const version = await rendererVersion();
  const specUrl = `${API_BASE_PATH}/openapi.json`;
  return (
    <main id={MAIN_ID} tabIndex={-1} lang="en" className="mx-auto w-full max-w-6xl px-4 py-8 focus:outline-none sm:px-6">
      <link rel="stylesheet" href={referenceAssetUrl(version, 'swagger-ui.css')} precedence="default" />
      <link rel="stylesheet" href={referenceAssetUrl(version, 'portal.css')} precedence="default" />
      <header className="flex flex-col gap-3 border-b border-slate-200 pb-6">
        <p className="text-sm font-medium text-teal-800">
          <Link href="/" className="underline-offset-2 hover:underline">
            CloudPOS Account Orders
          </Link>
        </p>
        <h1 className="text-2xl font-semibold sm:text-3xl">API reference</h1>
        <p className="max-w-3xl text-slate-700">{API_SUMMARY}</p>
        <p className="text-sm text-slate-700">
          Base URL <code className="rounded bg-slate-100 px-1 font-mono">{API_BASE_PATH}</code> · OpenAPI 3.1 document{' '}
          <a href={specUrl} className="font-medium text-teal-800 underline underline-offset-2">
            openapi.json
          </a>
        </p>
      </header>

      <div className="grid gap-6 py-6 md:grid-cols-3">
        {apiGuide.slice(0, -1).map(({ title, text }) => (
          <section key={title} aria-labelledby={`guide-${title}`} className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id={`guide-${title}`} className="mb-2 font-semibold">
              {title}
            </h2>
            <p className="text-sm text-slate-700">{withCode(text)}</p>
          </section>
        ))}
      </div>

      <section id="errors" aria-labelledby="errors-title" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="errors-title" className="mb-2 text-lg font-semibold">
          {apiGuide.at(-1)!.title}
        </h2>
        <p className="mb-4 max-w-3xl text-sm text-slate-700">{withCode(apiGuide.at(-1)!.text)}</p>
        <dl className="divide-y divide-slate-100 text-sm">
          {problemsByStatus.map((code) => (
            <div key={code} id={problemAnchor(code)} className="flex scroll-mt-4 flex-col gap-1 py-2 target:bg-amber-50 sm:flex-row sm:gap-4">
              <dt className="flex shrink-0 items-baseline gap-2 sm:w-72">
                <code className="font-mono font-medium">{problemAnchor(code).replace(/^problem-/, '')}</code>
                <span className="text-slate-500">{problemStatus(code)}</span>
              </dt>
              <dd className="text-slate-700">{withCode(problemTitle(code))}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-label="Operations" className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        {/*
         * Swagger UI owns this element's children: React never compares or replaces HTML it was
         * given this way, so the renderer may fill it before or after hydration.
         */}
        <div
          id="api-reference"
          data-spec={specUrl}
          dangerouslySetInnerHTML={{
            __html: `<noscript><p class="p-4 text-sm">The operations need JavaScript to show; the <a href="${specUrl}">OpenAPI document</a> describes them all.</p></noscript>`,
          }}
        />
      </section>
      <script nonce={nonce} src={referenceAssetUrl(version, 'swagger-ui.js')} defer />
      <script nonce={nonce} src={referenceAssetUrl(version, 'start.js')} defer />
    </main>
  );
}
