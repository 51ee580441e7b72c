import { getTranslations } from 'next-intl/server';
import type { NextRequest } from 'next/server';
import { safeReturnPath } from '@/lib/http/request-path';

export const dynamic = 'force-dynamic';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/**
 * GET /unavailable?from=/orders – where pages send a visitor while the database cannot be
 * reached (lib/authz.ts): a 503 that says so and links back, the session untouched. A route
 * handler, not a page, so that it can answer 503 and needs nothing from the database.
 */
export async function GET(req: NextRequest) {
  const t = await getTranslations('unavailable');
  const tApp = await getTranslations('app');
  const from = safeReturnPath(req.nextUrl.searchParams.get('from')) ?? '/';
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(t('title'))}</title>
<style>body{font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a;margin:0;display:flex;min-height:100dvh;align-items:center;justify-content:center;padding:1rem}
main{max-width:28rem;background:#fff;border:1px solid #e2e8f0;border-radius:.5rem;padding:1.5rem}h1{font-size:1.25rem;margin:0 0 .5rem}
a{display:inline-block;margin-top:1rem;background:#0f766e;color:#fff;padding:.6rem 1rem;border-radius:.375rem;text-decoration:none}
.skip{position:absolute;left:1rem;top:-4rem;margin:0}.skip:focus{top:1rem}main:focus{outline:none}</style></head>
<body><a class="skip" href="#main">${escapeHtml(tApp('skipToContent'))}</a><main id="main" tabindex="-1"><h1>${escapeHtml(t('title'))}</h1><p>${escapeHtml(t('body'))}</p><a href="${escapeHtml(from)}">${escapeHtml(t('retry'))}</a></main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '30' },
  });
}
