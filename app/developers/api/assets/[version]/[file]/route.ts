import { readReferenceAsset, referenceAssets, rendererVersion, type ReferenceAsset } from '@/lib/api/reference-assets';

/** GET /developers/api/assets/{version}/{file}: the API reference's renderer files (lib/api/reference-assets.ts). */
export async function GET(req: Request, { params }: { params: Promise<{ version: string; file: string }> }) {
  const { version, file } = await params;
  if (version !== (await rendererVersion()) || !Object.hasOwn(referenceAssets, file)) return new Response('Not found', { status: 404 });
  const name = file as ReferenceAsset;
  const { raw, gzip } = await readReferenceAsset(name);
  // `next start` compresses pages, not a route handler's bytes: gzip here, for whoever takes it.
  const gzipped = /\bgzip\b/i.test(req.headers.get('accept-encoding') ?? '');
  return new Response(new Uint8Array(gzipped ? gzip : raw), {
    headers: {
      'Content-Type': referenceAssets[name].type,
      'Cache-Control': 'public, max-age=31536000, immutable',
      Vary: 'Accept-Encoding',
      ...(gzipped ? { 'Content-Encoding': 'gzip' } : {}),
    },
  });
}
