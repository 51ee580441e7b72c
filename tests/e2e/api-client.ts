import type { APIRequestContext, APIResponse } from '@playwright/test';
import { OpenApiValidator } from '@/tests/support/openapi-validate';
import { E2E_URL } from '@/tests/support/test-env';

/*
 * A client of the partner API for end-to-end tests that holds every answer to the OpenAPI
 * document the server under test serves (/api/v1/openapi.json): a call whose answer is not as
 * documented fails the test where it was made, with what differed. Use it through the `api`
 * fixture of tests/e2e/fixtures.ts:
 *
 *   test('…', async ({ api }) => {
 *     const orders = api.withKey(key);
 *     const placed = await orders.post('/orders', { data: {...}, headers: { 'Idempotency-Key': 'k1' } });
 *     expect(placed.status).toBe(201);
 *     const { body } = await orders.get(`/orders/${placed.body.id}`);
 *   });
 */

/** A parsed answer: tests read its fields freely; the document has already checked its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked against the OpenAPI document at run time
export type AnyJson = any;

export interface ApiCallOptions {
  /** The API key sent as `Authorization: Bearer`; `null` sends none. Defaults to the client's key. */
  key?: string | null;
  /** A JSON body (objects are sent as application/json), or a string sent as it is. */
  data?: unknown;
  headers?: Record<string, string>;
  params?: Record<string, string | number | boolean>;
}

export interface ApiResult<T = AnyJson> {
  status: number;
  headers: Record<string, string>;
  /** The parsed JSON body, or the text of any other body. */
  body: T;
  response: APIResponse;
}

export interface ApiClient {
  get<T = AnyJson>(path: string, options?: ApiCallOptions): Promise<ApiResult<T>>;
  post<T = AnyJson>(path: string, options?: ApiCallOptions): Promise<ApiResult<T>>;
  /** The same client, sending `key` unless a call says otherwise. */
  withKey(key: string | null): ApiClient;
  /** Every answer this client (and the clients made from it) validated: "METHOD /template status". */
  readonly seen: string[];
  readonly validator: OpenApiValidator;
}

/** The document the server under test serves, fetched once per worker. */
export async function servedOpenApiValidator() {
  const response = await fetch(`${E2E_URL}/api/v1/openapi.json`);
  if (!response.ok) throw new Error(`GET /api/v1/openapi.json answered ${response.status}`);
  return new OpenApiValidator(await response.json());
}

const apiPath = (path: string) => (path.startsWith('/api/') ? path : `/api/v1${path.startsWith('/') ? '' : '/'}${path}`);

export function apiClient(request: APIRequestContext, validator: OpenApiValidator, key: string | null = null, seen: string[] = []): ApiClient {
  async function call(method: 'GET' | 'POST', path: string, options: ApiCallOptions = {}): Promise<ApiResult> {
    const sentKey = options.key === undefined ? key : options.key;
    const url = apiPath(path);
    const response = await request.fetch(url, {
      method,
      headers: { ...(sentKey ? { Authorization: `Bearer ${sentKey}` } : {}), ...options.headers },
      data: options.data,
      params: options.params,
      failOnStatusCode: false,
      maxRedirects: 0,
    });
    const headers = response.headers();
    const contentType = headers['content-type'] ?? null;
    const text = await response.text();
    let body: unknown = text;
    if (contentType && /^application\/(?:[\w.+-]+\+)?json/i.test(contentType) && text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        throw new Error(`${method} ${url} → ${response.status()}: ${contentType} body is not JSON: ${text.slice(0, 500)}`);
      }
    }
    const fullPath = options.params ? `${url}?${new URLSearchParams(Object.entries(options.params).map(([name, value]) => [name, String(value)]))}` : url;
    validator.assertResponse({ method, path: fullPath, status: response.status(), contentType, body, headers });
    seen.push(`${method} ${validator.templateOf(url)} ${response.status()}`);
    return { status: response.status(), headers, body, response };
  }
  return {
    get: (path, options) => call('GET', path, options),
    post: (path, options) => call('POST', path, options),
    withKey: (other) => apiClient(request, validator, other, seen),
    seen,
    validator,
  };
}
