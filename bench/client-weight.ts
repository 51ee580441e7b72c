/**
 * First-load JavaScript per route, from the production build's manifests (Next 16 no longer
 * prints sizes): the root main files every page loads (build-manifest.json `rootMainFiles`)
 * plus the client entry chunks of the route's layouts and page (the page's client reference
 * manifest, `entryJSFiles`), each file gzipped (level 9) as a browser would receive it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';

export interface RouteWeight {
  route: string;
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

/** "/(portal)/orders/page" → the entry keys of its layouts and page: app/layout, app/(portal)/layout, … */
function segmentEntries(entry: string) {
  const parts = entry.replace(/^\//, '').split('/').slice(0, -1);
  const keys = ['app/layout'];
  for (let depth = 1; depth <= parts.length; depth++) keys.push(`app/${parts.slice(0, depth).join('/')}/layout`);
  keys.push(`app/${[...parts, 'page'].join('/')}`);
  return keys;
}

export function clientWeights(distDir: string): RouteWeight[] {
  const read = (file: string) => readFileSync(path.join(distDir, file));
  const buildManifest = JSON.parse(read('build-manifest.json').toString()) as { rootMainFiles: string[] };
  const routes = JSON.parse(read('app-path-routes-manifest.json').toString()) as Record<string, string>;
  const gzipCache = new Map<string, { raw: number; gzip: number }>();
  const sizeOf = (file: string) => {
    let size = gzipCache.get(file);
    if (!size) {
      const bytes = read(file);
      size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
      gzipCache.set(file, size);
    }
    return size;
  };

  const weights: RouteWeight[] = [];
  for (const [entry, route] of Object.entries(routes)) {
    if (!entry.endsWith('/page') || route.startsWith('/_')) continue;
    // The manifest is a script that assigns to globalThis.__RSC_MANIFEST; run it in a sandbox.
    const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
    vm.runInNewContext(read(`server/app${entry}_client-reference-manifest.js`).toString(), sandbox);
    const manifest = Object.values(sandbox.__RSC_MANIFEST ?? {})[0];
    const entryFiles = manifest?.entryJSFiles ?? {};
    const wanted = segmentEntries(entry);
    const files = new Set(buildManifest.rootMainFiles);
    for (const [key, chunks] of Object.entries(entryFiles)) {
      // Keys are "[project]/<path from the Turbopack root>/app/…": match on the app-relative end.
      if (wanted.some((segment) => key.endsWith(`/${segment}`))) for (const chunk of chunks) files.add(chunk);
    }
    const list = [...files].filter((file) => file.endsWith('.js')).sort();
    const totals = list.map(sizeOf).reduce((sum, size) => ({ raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip }), { raw: 0, gzip: 0 });
    weights.push({ route, files: list, rawBytes: totals.raw, gzipBytes: totals.gzip });
  }
  return weights.sort((a, b) => a.route.localeCompare(b.route));
}

/** The chunks an HTML page actually references, to check the manifest reading against. */
export function scriptsInHtml(html: string) {
  return [...new Set([...html.matchAll(/\/_next\/(static\/chunks\/[^"'?\s]+\.js)/g)].map((match) => match[1]!))].sort();
}
