import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/*
 * Holds an API answer to the OpenAPI document: that its operation exists, that its status is
 * one the operation documents, that its content type is the documented one, that its JSON body
 * matches the response's schema (JSON Schema 2020-12, as OpenAPI 3.1 says), and that the
 * documented required headers are there. Every failure says which request and what differed.
 *
 *   const validator = new OpenApiValidator(document);
 *   validator.assertResponse({ method: 'GET', path: '/api/v1/orders/…', status: 200, contentType, body, headers });
 */

// ajv-formats is CommonJS with a default export that ESM loaders see one level down.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;

type Json = Record<string, unknown>;
interface OpenApiDocument {
  openapi: string;
  servers?: { url: string }[];
  paths: Record<string, Record<string, Json>>;
  components?: { schemas?: Record<string, unknown>; headers?: Record<string, Json> };
}

export interface ApiAnswer {
  method: string;
  /** The request's path (`/api/v1/orders/6f1c…?limit=1`) or the document's template (`/orders/{orderId}`). */
  path: string;
  status: number;
  /** The `Content-Type` header as sent; absent for an answer without a body. */
  contentType?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

export class OpenApiValidator {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly basePath: string;
  private readonly templates: { template: string; pattern: RegExp }[];

  constructor(private readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    // Every schema is compiled with the document's components beside it as $defs.
    this.ajv.addSchema({ $id: 'urn:openapi:components', $defs: this.rewriteRefs(document.components?.schemas ?? {}) });
    this.basePath = new URL(document.servers?.[0]?.url ?? '/', 'http://server.invalid').pathname.replace(/\/$/, '');
    this.templates = Object.keys(document.paths).map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }));
  }

  /** Every operation of the document, as "METHOD /template". */
  operations() {
    return Object.entries(this.document.paths).flatMap(([template, item]) =>
      Object.keys(item)
        .filter((method) => METHODS.includes(method))
        .map((method) => `${method.toUpperCase()} ${template}`),
    );
  }

  /** `#/components/schemas/X` → the shared schema's $defs entry. */
  private rewriteRefs<T>(value: T): T {
    return JSON.parse(JSON.stringify(value).replaceAll('"#/components/schemas/', '"urn:openapi:components#/$defs/')) as T;
  }

  /** The document's path template for a request path, or null. */
  templateOf(path: string) {
    const pathname = new URL(path, 'http://server.invalid').pathname;
    if (this.document.paths[pathname]) return pathname;
    const relative = pathname.startsWith(`${this.basePath}/`) ? pathname.slice(this.basePath.length) : pathname;
    return this.templates.find(({ pattern }) => pattern.test(relative))?.template ?? null;
  }

  /** Everything that differs from the document; empty when the answer is as documented. */
  problemsOf(answer: ApiAnswer): string[] {
    const method = answer.method.toLowerCase();
    const template = this.templateOf(answer.path);
    if (!template) return [`no path of the document matches ${answer.path}`];
    const operation = this.document.paths[template]![method] as Json | undefined;
    if (!operation || !METHODS.includes(method)) return [`the document has no ${method.toUpperCase()} ${template}`];
    const responses = operation.responses as Record<string, Json>;
    const response = responses[String(answer.status)] ?? responses[`${String(answer.status)[0]}XX`] ?? responses.default;
    if (!response) return [`status ${answer.status} is not documented (documented: ${Object.keys(responses).join(', ')})`];

    const problems: string[] = [];
    const content = response.content as Record<string, { schema?: unknown }> | undefined;
    const mediaType = answer.contentType?.split(';')[0]!.trim().toLowerCase();
    if (content && Object.keys(content).length) {
      if (!mediaType) problems.push(`no Content-Type; documented: ${Object.keys(content).join(', ')}`);
      else if (!content[mediaType]) problems.push(`Content-Type ${mediaType} is not documented (documented: ${Object.keys(content).join(', ')})`);
      else if (content[mediaType].schema !== undefined) {
        const key = `${template} ${method} ${answer.status} ${mediaType}`;
        let validate = this.compiled.get(key);
        if (!validate) {
          validate = this.ajv.compile(this.rewriteRefs(content[mediaType].schema as object));
          this.compiled.set(key, validate);
        }
        if (!validate(answer.body)) {
          for (const error of validate.errors ?? []) {
            const params = Object.keys(error.params ?? {}).length ? ` ${JSON.stringify(error.params)}` : '';
            problems.push(`body${error.instancePath || ''} ${error.message}${params}`);
          }
        }
      }
    } else if (mediaType && answer.body !== undefined && answer.body !== '') {
      problems.push(`a ${mediaType} body where the document has none`);
    }

    if (answer.headers) {
      const lower = Object.fromEntries(Object.entries(answer.headers).map(([name, value]) => [name.toLowerCase(), value]));
      for (const [name, declared] of Object.entries((response.headers ?? {}) as Record<string, Json>)) {
        const header = this.resolveHeader(declared);
        if (header.required && lower[name.toLowerCase()] === undefined) problems.push(`header ${name} is required but missing`);
      }
    }
    return problems;
  }

  private resolveHeader(header: Json): Json {
    const ref = header.$ref as string | undefined;
    if (!ref) return header;
    return this.document.components?.headers?.[ref.replace('#/components/headers/', '')] ?? {};
  }

  /** Throws a readable error when the answer is not as documented. */
  assertResponse(answer: ApiAnswer) {
    const problems = this.problemsOf(answer);
    if (problems.length === 0) return;
    const body = JSON.stringify(answer.body);
    throw new Error(
      [
        `${answer.method.toUpperCase()} ${answer.path} → ${answer.status} does not match the OpenAPI document:`,
        ...problems.map((problem) => `  - ${problem}`),
        `  body: ${body === undefined ? '(none)' : body.length > 2000 ? `${body.slice(0, 2000)}…` : body}`,
      ].join('\n'),
    );
  }
}
