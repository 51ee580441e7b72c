import { openApiDocument } from '@/lib/api/openapi';

/** GET /api/v1/openapi.json: the API's OpenAPI 3.1 document, public (it describes the API, holds no data), made once per process. */
let body: string | undefined;

export function GET() {
  body ??= JSON.stringify(openApiDocument());
  return new Response(body, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      // Changes only with a deploy; a short shared cache spares clients that poll it.
      'Cache-Control': 'public, max-age=300',
      'Access-Control-Allow-Origin': '*',
    },
  });
}
