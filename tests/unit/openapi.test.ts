import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compileErrors, validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument, codeSamples } from '@/lib/api/openapi';
import { operations, type ApiOperation } from '@/lib/api/operations';
import { problemCodes, problemType } from '@/lib/api/problem';
import { orderFormSchema } from '@/lib/validations/order';
import { OpenApiValidator } from '@/tests/support/openapi-validate';

const document = buildOpenApiDocument();
const entries = Object.entries(operations) as [string, ApiOperation][];

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    expect(document.openapi).toBe('3.1.0');
  });

  it('describes exactly the operations the route files serve, with the access they check', () => {
    const root = path.resolve(import.meta.dirname, '../../app/api/v1');
    const served: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name === 'route.ts') {
          const routePath = `/${path.relative(root, dir)}`.replace(/\[(\w+)\]/g, '{$1}');
          if (routePath === '/openapi.json') continue;
          const source = readFileSync(full, 'utf8');
          for (const [, method, operationId] of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE) = apiRoute(?:<[^>]*>)?\(operations\.(\w+)/g)) {
            const operation = operations[operationId as keyof typeof operations] as ApiOperation | undefined;
            expect(operation, `${routePath} ${method} names operations.${operationId}`).toBeDefined();
            expect(`${operation!.method.toUpperCase()} ${operation!.path}`).toBe(`${method} ${routePath}`);
            served.push(`${method} ${routePath}`);
          }
          // A handler whose access is not taken from the operations list would escape the document.
          expect(source.match(/export const \w+ = /g)?.length, `${full}: every export is an apiRoute(operations.…)`).toBe(
            [...source.matchAll(/apiRoute(?:<[^>]*>)?\(operations\./g)].length,
          );
        }
      }
    };
    walk(root);
    expect(served.sort()).toEqual(entries.map(([, operation]) => `${operation.method.toUpperCase()} ${operation.path}`).sort());
    for (const [operationId, operation] of entries) {
      expect((document.paths as Record<string, Record<string, { operationId?: string }>>)[operation.path]?.[operation.method]?.operationId).toBe(operationId);
    }
  });

  it('gives every operation its problems as application/problem+json, its key, and code samples', () => {
    for (const [operationId, operation] of entries) {
      const described = (document.paths as Record<string, Record<string, Record<string, unknown>>>)[operation.path]![operation.method]!;
      const responses = described.responses as Record<string, { content?: Record<string, unknown>; headers?: Record<string, unknown> }>;
      for (const status of ['401', '403', '429']) expect(Object.keys(responses[status]?.content ?? {}), `${operationId} ${status}`).toEqual(['application/problem+json']);
      expect(responses['429']!.headers).toHaveProperty('Retry-After');
      for (const { status } of operation.success) {
        expect(Object.keys(responses[status]!.content!)).toEqual(['application/json']);
        expect(responses[status]!.headers).toHaveProperty('RateLimit-Remaining');
      }
      if (operation.body) for (const status of ['400', '413', '415', '422']) expect(responses[status], `${operationId} ${status}`).toBeDefined();
      const samples = described['x-codeSamples'] as { lang: string; source: string }[];
      expect(samples.map((sample) => sample.lang)).toEqual(['Shell', 'TypeScript']);
      expect(samples[0]!.source).toContain('Authorization: Bearer $CPOS_API_KEY');
    }
    const idempotent = entries.filter(([, operation]) => operation.idempotencyKey);
    expect(idempotent.map(([operationId]) => operationId).sort()).toEqual(['placeOrder', 'placeOrderBatch']);
    for (const [operationId, operation] of idempotent) {
      const described = (document.paths as Record<string, Record<string, { parameters?: { in: string; name: string; required?: boolean }[] }>>)[operation.path]![operation.method]!;
      expect(described.parameters, operationId).toContainEqual(expect.objectContaining({ in: 'header', name: 'Idempotency-Key', required: true }));
    }
    expect(document.components?.securitySchemes?.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.servers).toEqual([expect.objectContaining({ url: '/api/v1' })]);
  });

  it('explains every kind of problem where its `type` links', () => {
    const description = document.info.description ?? '';
    for (const code of problemCodes) {
      expect(problemType(code)).toMatch(/^\/developers\/api#problem-[a-z-]+$/);
      expect(description).toContain(`\`${problemType(code).split('#problem-')[1]}\``);
    }
  });

  it('samples requests the API accepts: each example body passes the schemas the handler parses with', () => {
    for (const [operationId, operation] of entries) {
      if (!operation.body) continue;
      const source = codeSamples(operation)[0]!.source;
      const example = JSON.parse(/-d '(.*)'$/s.exec(source)![1]!.replaceAll("'\\''", "'")) as unknown;
      const parsed = operation.body.safeParse(example);
      expect(parsed.success, `${operationId}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
    const orderExample = operations.placeOrder.body.parse(JSON.parse(/-d '(.*)'$/s.exec(codeSamples(operations.placeOrder)[0]!.source)![1]!));
    const form = orderFormSchema.safeParse({ ...orderExample, terminalIds: orderExample.terminalIds.join('\n'), idempotencyKey: crypto.randomUUID() });
    expect(form.success, JSON.stringify(form.error?.issues)).toBe(true);
  });
});

describe('OpenApiValidator', () => {
  const validator = new OpenApiValidator(JSON.parse(JSON.stringify(document)));
  const problem = { type: '/developers/api#problem-not-found', title: 'Nothing here.', status: 404 };
  const limits = { 'ratelimit-limit': '600', 'ratelimit-remaining': '599', 'ratelimit-reset': '30', 'ratelimit-policy': '600;w=60' };

  it('accepts an answer as documented, by request path or template', () => {
    expect(validator.problemsOf({ method: 'GET', path: '/api/v1/orders/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f', status: 404, contentType: 'application/problem+json', body: problem })).toEqual([]);
    expect(validator.problemsOf({ method: 'GET', path: '/api/v1/ecr-products?x=1', status: 200, contentType: 'application/json', body: { data: [] }, headers: limits })).toEqual([]);
    expect(validator.templateOf('/api/v1/sub-channels/abc/merchants')).toBe('/sub-channels/{subChannelId}/merchants');
  });

  it('names what differs', () => {
    expect(validator.problemsOf({ method: 'GET', path: '/api/v1/ecr-products', status: 200, contentType: 'application/json', body: { data: [{ supplierName: 1 }] }, headers: {} })).toEqual(
      expect.arrayContaining([
        'body/data/0 must have required property \'ecrName\' {"missingProperty":"ecrName"}',
        'body/data/0/supplierName must be string {"type":"string"}',
        'header RateLimit-Limit is required but missing',
      ]),
    );
    expect(validator.problemsOf({ method: 'GET', path: '/api/v1/ecr-products', status: 500, contentType: 'application/json', body: {} })[0]).toMatch(/^status 500 is not documented/);
    expect(validator.problemsOf({ method: 'GET', path: '/api/v1/orders/x', status: 404, contentType: 'application/json', body: problem })).toEqual([
      'Content-Type application/json is not documented (documented: application/problem+json)',
    ]);
    expect(validator.problemsOf({ method: 'DELETE', path: '/api/v1/orders', status: 200 })).toEqual(['the document has no DELETE /orders']);
    expect(() => validator.assertResponse({ method: 'GET', path: '/api/v1/nothing', status: 200 })).toThrow(/GET \/api\/v1\/nothing → 200 does not match the OpenAPI document:\n {2}- no path of the document matches/);
  });
});
