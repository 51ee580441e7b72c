import { describe, expect, it } from 'vitest';
import { jsonDepth, refuseMalformedAction } from '@/lib/http/action-request';

const ACTION = '7f0000000000000000000000000000000000000001';

function actionPost(body: BodyInit, headers: Record<string, string> = {}) {
  return new Request('http://portal.test/orders', {
    method: 'POST',
    body,
    headers: { host: 'portal.test', origin: 'http://portal.test', 'next-action': ACTION, 'content-type': 'text/plain;charset=UTF-8', ...headers },
  });
}

function multipart(fields: Record<string, string>, headers: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const request = new Request('http://portal.test/orders', { method: 'POST', body: form });
  return new Request(request, { headers: { host: 'portal.test', 'content-type': request.headers.get('content-type')!, ...headers } });
}

const statusOf = async (request: Request) => (await refuseMalformedAction(request))?.status ?? 'passed on';

describe('server action requests refused before Next.js reads them', () => {
  it('passes on what React sends: a JSON reply, a form with its action, a form posted without JavaScript', async () => {
    expect(await statusOf(actionPost('["$K1"]'))).toBe('passed on');
    expect(await statusOf(multipart({ '0': '["$K1"]', '1_email': 'a@b.fi' }, { 'next-action': ACTION }))).toBe('passed on');
    expect(await statusOf(multipart({ [`$ACTION_ID_${ACTION}`]: '', email: 'a@b.fi' }))).toBe('passed on');
  });

  it('leaves other requests alone', async () => {
    expect(await statusOf(new Request('http://portal.test/orders'))).toBe('passed on');
    expect(await statusOf(new Request('http://portal.test/orders', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }))).toBe('passed on');
  });

  it.each([
    ['another site', actionPost('["$K1"]', { origin: 'https://evil.example' }), 403],
    ['an origin that is not a URL', actionPost('["$K1"]', { origin: 'null' }), 403],
    ['a body over 1 MB', actionPost('x'.repeat(1024 * 1024 + 1)), 413],
    ['a content type actions never use', actionPost('{}', { 'content-type': 'application/json' }), 400],
    ['text that is not JSON', actionPost('garbage{'), 400],
    ['JSON nested 5,000 deep', actionPost('['.repeat(5000) + ']'.repeat(5000)), 400],
    ['a multipart body that does not parse', actionPost('garbage', { 'content-type': 'multipart/form-data; boundary=xyz' }), 400],
    ['a multipart reply whose JSON does not parse', multipart({ '0': '[[[' }, { 'next-action': ACTION }), 400],
    ['a form that names no action', multipart({ email: 'a@b.fi' }), 400],
  ])('refuses %s', async (_case, request, status) => {
    expect(await statusOf(request)).toBe(status);
  });

  it('refuses a body over the limit without reading the rest of it', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const request = new Request('http://portal.test/orders', {
      method: 'POST',
      body: endless,
      // @ts-expect-error: Node's fetch needs this for a streamed body.
      duplex: 'half',
      headers: { host: 'portal.test', 'next-action': ACTION, 'content-type': 'text/plain' },
    });
    expect(await statusOf(request)).toBe(413);
    expect(pulled).toBeLessThan(40);
  });
});

describe('JSON depth', () => {
  it('counts brackets outside strings only', () => {
    expect(jsonDepth('[{"a":[1]}]')).toBe(3);
    expect(jsonDepth('["[[[[", "\\"[["]')).toBe(1);
    expect(jsonDepth('plain')).toBe(0);
  });
});
