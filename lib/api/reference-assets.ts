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

export const referenceAssets = {
  'swagger-ui.js': { file: 'swagger-ui-bundle.js', type: 'text/javascript; charset=utf-8' },
  'swagger-ui.css': { file: 'swagger-ui.css', type: 'text/css; charset=utf-8' },
  'start.js': { source: startScript, type: 'text/javascript; charset=utf-8' },
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
