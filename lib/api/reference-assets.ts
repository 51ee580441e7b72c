import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/*
 * The API reference's renderer: Swagger UI's prebuilt standalone files from node_modules
 * (swagger-ui-dist), served by app/developers/api/assets, never through Next's client bundles,
 * so no other page loads a byte of it. Their URLs carry the package's version and are cached
 * for a year; a new version is a new URL.
 */

const distDir = path.join(process.cwd(), 'node_modules', 'swagger-ui-dist');

/** Mounts Swagger UI on #api-reference with the document; the page's own header shows the introduction and the errors. */
const startScript = `(async () => {
  const root = document.getElementById('api-reference');
  const spec = await (await fetch(root.dataset.spec)).json();
  spec.info.description = '';
  window.SwaggerUIBundle({
    spec,
    domNode: root,
    deepLinking: true,
    validatorUrl: null,
    supportedSubmitMethods: [],
    defaultModelsExpandDepth: 0,
    defaultModelExpandDepth: 2,
    docExpansion: 'list',
    syntaxHighlight: { activated: true, theme: 'agate' },
  });
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target) target.scrollIntoView();
})();
`;

/**
 * The portal's touches on Swagger UI: its title block repeats the page's header, code samples
 * scroll instead of wrapping, and on a phone the response tables stack instead of overflowing.
 */
const portalStyles = `.swagger-ui .information-container, .swagger-ui .scheme-container { display: none; }
.swagger-ui .wrapper { padding: 0 12px; }
.swagger-ui .renderedMarkdown pre { background: #0f172a; color: #e2e8f0; padding: 12px; border-radius: 6px; overflow-x: auto; white-space: pre; word-break: normal; }
.swagger-ui .renderedMarkdown pre code { background: none; color: inherit; font-weight: 400; padding: 0; white-space: pre; word-break: normal; }
.swagger-ui .opblock .opblock-summary-path { word-break: break-all; }
.swagger-ui table.headers td, .swagger-ui .response-col_description { word-break: break-word; }
@media (max-width: 640px) {
  .swagger-ui table.responses-table, .swagger-ui table.responses-table > tbody, .swagger-ui table.responses-table tr.response, .swagger-ui table.responses-table tr.response > td { display: block; width: 100%; padding-left: 0; }
  .swagger-ui table.responses-table > thead { display: none; }
  .swagger-ui table.headers, .swagger-ui table.headers > tbody, .swagger-ui table.headers tr { display: block; width: 100%; }
  .swagger-ui .responses-inner, .swagger-ui .opblock-description-wrapper, .swagger-ui .opblock-section-header, .swagger-ui .table-container { padding-left: 8px; padding-right: 8px; }
  .swagger-ui table.headers td { display: block; padding: 2px 0; }
  .swagger-ui table.headers thead { display: none; }
  .swagger-ui .parameters-col_name { width: 35%; }
}
`;

export const referenceAssets = {
  'swagger-ui.js': { file: 'swagger-ui-bundle.js', type: 'text/javascript; charset=utf-8' },
  'swagger-ui.css': { file: 'swagger-ui.css', type: 'text/css; charset=utf-8' },
  'start.js': { source: startScript, type: 'text/javascript; charset=utf-8' },
  'portal.css': { source: portalStyles, type: 'text/css; charset=utf-8' },
} as const satisfies Record<string, { file?: string; source?: string; type: string }>;
export type ReferenceAsset = keyof typeof referenceAssets;

let version: string | undefined;
/** The renderer's version, which every asset URL carries. */
export async function rendererVersion() {
  version ??= (JSON.parse(await readFile(path.join(distDir, 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}

export const referenceAssetUrl = (assetVersion: string, name: ReferenceAsset) => `/developers/api/assets/${assetVersion}/${name}`;

const cache = new Map<ReferenceAsset, Buffer>();
export async function readReferenceAsset(name: ReferenceAsset) {
  let bytes = cache.get(name);
  if (!bytes) {
    const asset: { file?: string; source?: string } = referenceAssets[name];
    bytes = asset.source !== undefined ? Buffer.from(asset.source) : await readFile(path.join(distDir, asset.file!));
    cache.set(name, bytes);
  }
  return bytes;
}
