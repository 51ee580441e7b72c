import { readReferenceAsset, referenceAssets, rendererVersion, type ReferenceAsset } from '@/lib/api/reference-assets';

/** GET /developers/api/assets/{version}/{file}: the API reference's renderer files (lib/api/reference-assets.ts). */
export async function GET(_req: Request, { params }: { params: Promise<{ version: string; file: string }> }) {
  const { version, file } = await params;
  if (version !== (await rendererVersion()) || !Object.hasOwn(referenceAssets, file)) return new Response('Not found', { status: 404 });
  const name = file as ReferenceAsset;
  const bytes = await readReferenceAsset(name);
  return new Response(new Uint8Array(bytes), {
    headers: { 'Content-Type': referenceAssets[name].type, 'Cache-Control': 'public, max-age=31536000, immutable' },
  });
}
