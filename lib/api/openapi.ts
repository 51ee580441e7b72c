import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import { operations, type ApiOperation } from '@/lib/api/operations';
import { PROBLEM_CONTENT_TYPE, problemCodes, problemStatus, problemTitle, problemType, type ProblemCode } from '@/lib/api/problem';
import { idempotencyKeyHeader, problem } from '@/lib/api/schemas';

/*
 * The partner API's OpenAPI 3.1 document, made from the operations list (lib/api/operations.ts)
 * and the zod schemas the handlers parse with (lib/api/schemas.ts): nothing here is a copy of a
 * schema. Served at /api/v1/openapi.json and shown at /developers/api.
 */

export const API_BASE_PATH = '/api/v1';
/** The code samples' base URL: `export CPOS_API_URL=https://<portal>/api/v1`. */
const BASE_URL_VARIABLE = 'CPOS_API_URL';
const KEY_VARIABLE = 'CPOS_API_KEY';

/** Problem codes every authenticated operation may answer with. */
const commonProblems: ProblemCode[] = ['UNAUTHENTICATED', 'FORBIDDEN', 'RATE_LIMITED'];

const rateLimitHeaders = {
  'RateLimit-Limit': z.string().meta({ header: { id: 'RateLimit-Limit' }, description: 'Requests a key may make per window', example: '600' }),
  'RateLimit-Remaining': z.string().meta({ header: { id: 'RateLimit-Remaining' }, description: 'Requests left in this window', example: '599' }),
  'RateLimit-Reset': z.string().meta({ header: { id: 'RateLimit-Reset' }, description: 'Seconds until the window ends', example: '42' }),
  'RateLimit-Policy': z.string().meta({ header: { id: 'RateLimit-Policy' }, description: 'The quota and the window in seconds', example: '600;w=60' }),
};
/** The same on problems, where a refusal before the key is known (401, an oversized body) has none. */
const problemRateLimitHeaders = Object.fromEntries(
  Object.entries(rateLimitHeaders).map(([name, schema]) => [name, z.string().optional().meta({ description: `${z.globalRegistry.get(schema)?.description}, when the key is known` })]),
);
const successHeaders = {
  Location: z.string().meta({ description: 'The URL of what was placed', example: '/api/v1/orders/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f' }),
  'Idempotent-Replayed': z.literal('true').meta({ description: 'The answer is what an earlier request with this Idempotency-Key placed' }),
};

/** A problem code's anchor on the reference page: `#problem-invalid-input`. */
export const problemAnchor = (code: ProblemCode) => problemType(code).split('#')[1]!;

/** The "Errors" section: every kind of problem, its status and what it means. */
export function errorsMarkdown() {
  const rows = [...problemCodes].sort((a, b) => problemStatus(a) - problemStatus(b)).map((code) => `| \`${problemAnchor(code).replace(/^problem-/, '')}\` | ${problemStatus(code)} | ${problemTitle(code)} |`);
  return [
    '## Errors',
    '',
    apiGuide.at(-1)!.text,
    '',
    '| type | status | meaning |',
    '| --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** The introduction of the document and of the reference page: what a client needs before the first request. */
export const apiGuide = [
  {
    title: 'Authentication',
    text: 'An admin of your organisation creates API keys on the organisation page. Send the key as `Authorization: Bearer cpos_live_…`. A `read` key may use the GET operations; an `order` key may also place and change orders and merchants.',
  },
  {
    title: 'Rate limits',
    text: 'Each key has a quota of requests per minute. Every answer says where you are in `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`; past the quota the answer is a `429` with `Retry-After`.',
  },
  {
    title: 'Idempotency',
    text: '`POST /orders` and `POST /order-batches` need an `Idempotency-Key` header: retrying with the same key and body returns the first order or batch (`200`, `Idempotent-Replayed: true`) instead of placing another; the same key with another body is a `409`.',
  },
  {
    title: 'Errors',
    text: 'Every refusal is an RFC 9457 problem (`application/problem+json`): `type` links to its kind below, `title` says it in a sentence, and a refused input lists each field\'s problem under `errors`, with the field\'s JSON Pointer.',
  },
];
export const API_SUMMARY = 'The partner API of CloudPOS Account Orders: place and follow orders, and manage the merchants of your sub-channels, from your own systems.';

const description = [API_SUMMARY, ...apiGuide.slice(0, -1).map(({ title, text }) => `**${title}.** ${text}`), errorsMarkdown()].join('\n\n');

// ---------------------------------------------------------------------------------------------
// Code samples, made from each operation's example path parameters and body
// ---------------------------------------------------------------------------------------------

const exampleOf = (schema: z.ZodType | undefined): unknown => (schema ? z.globalRegistry.get(schema)?.example : undefined);

function examplePath(operation: ApiOperation) {
  return operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = exampleOf(operation.pathParams?.shape[name] as z.ZodType | undefined);
    return typeof value === 'string' ? value : `<${name}>`;
  });
}

const shellQuote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;

export function codeSamples(operation: ApiOperation) {
  const path = examplePath(operation);
  const body = exampleOf(operation.body);
  const curl = [
    `curl${operation.method === 'get' ? '' : ' -X POST'} "$${BASE_URL_VARIABLE}${path}"`,
    `  -H "Authorization: Bearer $${KEY_VARIABLE}"`,
    ...(operation.idempotencyKey ? ['  -H "Idempotency-Key: $(uuidgen)"'] : []),
    ...(body !== undefined ? ['  -H "Content-Type: application/json"', `  -d ${shellQuote(JSON.stringify(body, null, 2))}`] : []),
  ].join(' \\\n');

  const headers = [
    `    Authorization: \`Bearer \${process.env.${KEY_VARIABLE}}\`,`,
    ...(operation.idempotencyKey ? ['    \'Idempotency-Key\': crypto.randomUUID(),'] : []),
    ...(body !== undefined ? ['    \'Content-Type\': \'application/json\','] : []),
  ];
  const bodyLines = body !== undefined ? JSON.stringify(body, null, 2).split('\n').map((line, index) => (index === 0 ? line : `  ${line}`)) : [];
  const typescript = [
    `const response = await fetch(\`\${process.env.${BASE_URL_VARIABLE}}${path}\`, {`,
    ...(operation.method === 'post' ? ["  method: 'POST',"] : []),
    '  headers: {',
    ...headers,
    '  },',
    ...(bodyLines.length ? [`  body: JSON.stringify(${bodyLines.join('\n')}),`] : []),
    '});',
    '// Refusals are application/problem+json: { type, title, status, detail?, errors? }',
    'if (!response.ok) throw new Error((await response.json()).title);',
    'const result = await response.json();',
  ].join('\n');
  return [
    { lang: 'Shell', label: 'curl', source: curl },
    { lang: 'TypeScript', label: 'TypeScript', source: typescript },
  ];
}

// ---------------------------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------------------------

function responsesOf(operation: ApiOperation): ZodOpenApiResponsesObject {
  const responses: ZodOpenApiResponsesObject = {};
  for (const success of operation.success) {
    const headers = { ...rateLimitHeaders, ...Object.fromEntries((success.headers ?? []).map((name) => [name, successHeaders[name]])) };
    responses[String(success.status) as '200'] = {
      description: success.description,
      headers: z.object(headers),
      content: { 'application/json': { schema: success.schema } },
    };
  }
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of [...commonProblems, ...operation.problems]) {
    const status = problemStatus(code);
    if (!byStatus.get(status)?.includes(code)) byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const headers =
      status === 401
        ? { 'WWW-Authenticate': z.string().meta({ example: 'Bearer realm="CloudPOS Account Orders API"' }) }
        : status === 429
          ? { ...problemRateLimitHeaders, 'Retry-After': z.string().meta({ header: { id: 'Retry-After' }, description: 'Seconds to wait before the next request', example: '42' }) }
          : problemRateLimitHeaders;
    responses[String(status) as '400'] = {
      description: codes.map((code) => `[${problemAnchor(code).replace(/^problem-/, '')}](${problemType(code)}): ${problemTitle(code)}`).join(' '),
      headers: z.object(headers),
      content: {
        [PROBLEM_CONTENT_TYPE]: {
          schema: problem,
          examples: Object.fromEntries(
            codes.map((code) => [problemAnchor(code).replace(/^problem-/, ''), { summary: problemTitle(code), value: { type: problemType(code), title: problemTitle(code), status } }]),
          ),
        },
      },
    };
  }
  return responses;
}

function operationObject(operationId: string, operation: ApiOperation): ZodOpenApiOperationObject {
  const samples = codeSamples(operation);
  return {
    operationId,
    tags: [operation.tag],
    summary: operation.summary,
    description: [
      operation.description,
      '',
      `Needs a key with \`${operation.scope}\` access.`,
      ...samples.flatMap((sample) => ['', `**${sample.label}**`, '', `\`\`\`${sample.lang === 'Shell' ? 'sh' : 'ts'}`, sample.source, '```']),
    ].join('\n'),
    requestParams: {
      ...(operation.pathParams ? { path: operation.pathParams } : {}),
      ...(operation.query ? { query: operation.query } : {}),
      ...(operation.idempotencyKey ? { header: z.object({ 'Idempotency-Key': idempotencyKeyHeader }) } : {}),
    },
    ...(operation.body ? { requestBody: { required: true, content: { 'application/json': { schema: operation.body } } } } : {}),
    responses: responsesOf(operation),
    'x-codeSamples': samples,
  };
}

export function buildOpenApiDocument() {
  const paths: ZodOpenApiPathsObject = {};
  for (const [operationId, operation] of Object.entries(operations) as [string, ApiOperation][]) {
    (paths[operation.path] ??= {})[operation.method] = operationObject(operationId, operation);
  }
  return createDocument({
    openapi: '3.1.0',
    info: { title: 'CloudPOS Account Orders API', version: '1.0.0', description },
    servers: [{ url: API_BASE_PATH, description: 'This portal' }],
    security: [{ apiKey: [] }],
    tags: [
      { name: 'Orders', description: 'Place orders and follow them to completion.' },
      { name: 'Batches', description: 'Place many orders of one type at once, as a spreadsheet uploaded in the portal, and follow them together.' },
      { name: 'Catalogue', description: 'What orders may name.' },
      { name: 'Sub-channels', description: 'The sub-channels your organisation supplies or resells.' },
      { name: 'Merchants', description: 'The merchants of a sub-channel and their Terminal IDs.' },
    ],
    paths,
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', bearerFormat: 'cpos_live_ followed by 43 letters and digits', description: 'An API key from the organisation page' },
      },
    },
  });
}

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;
/** The document, made once per process. */
export function openApiDocument() {
  return (cached ??= buildOpenApiDocument());
}
