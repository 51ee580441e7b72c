import { describe, expect, it } from 'vitest';
import { MAX_BATCH_BYTES } from '@/lib/batches/limits';
import { bodyLimitFor, bodyLimits, readBoundedText } from '@/lib/http/body-limit';
import { contentSecurityPolicy, isPagePath, newNonce, staticSecurityHeaders } from '@/lib/http/security-headers';

describe('security headers', () => {
  it('allow scripts only with the response nonce, and no framing', () => {
    const policy = contentSecurityPolicy('abc123');
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
  });

  it('send HSTS only when the portal is served over https', () => {
    expect(staticSecurityHeaders({ https: true })['Strict-Transport-Security']).toMatch(/max-age=\d{8}/);
    expect(staticSecurityHeaders({ https: false })).not.toHaveProperty('Strict-Transport-Security');
  });

  it('give pages, not route handlers or static files, the policy with a nonce', () => {
    expect(['/', '/orders/123', '/sign-in', '/unavailable'].every(isPagePath)).toBe(true);
    expect(['/api/health', '/_next/static/chunks/a.js'].some(isPagePath)).toBe(false);
  });

  it('use a fresh nonce each time', () => {
    expect(newNonce()).not.toBe(newNonce());
    expect(Buffer.from(newNonce(), 'base64')).toHaveLength(16);
  });
});

describe('body limits', () => {
  it("keep Twilio's callbacks and sign-in small", () => {
    expect(bodyLimitFor('/api/webhooks/twilio/status/abc')).toBe(bodyLimits.twilioCallback);
    expect(bodyLimitFor('/api/auth/signin/email')).toBe(bodyLimits.auth);
    expect(bodyLimitFor('/orders/new/form')).toBe(bodyLimits.action);
  });

  it('let a bulk-order file of 2 MB through to its two route handlers only, with room for the edits', () => {
    expect(bodyLimitFor('/api/orders/batches/check')).toBe(bodyLimits.batchUpload);
    expect(bodyLimitFor('/api/orders/batches/submit')).toBe(bodyLimits.batchUpload);
    expect(bodyLimits.batchUpload).toBeGreaterThan(MAX_BATCH_BYTES);
    expect(bodyLimitFor('/api/orders/batches/check/x')).toBe(bodyLimits.other);
    // A page's server action stays at Next.js's 1 MB: the file does not go there.
    expect(bodyLimitFor('/orders/new/batch')).toBe(bodyLimits.action);
  });

  it('let a batch of orders through the API, on its own path only', () => {
    expect(bodyLimitFor('/api/v1/order-batches')).toBe(bodyLimits.orderBatch);
    expect(bodyLimits.orderBatch).toBeGreaterThanOrEqual(1024 * 1024);
    for (const other of ['/api/v1/orders', '/api/v1/order-batches/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f', '/api/v1/order-batches-x']) expect(bodyLimitFor(other)).toBe(bodyLimits.other);
  });

  it('read a body within the limit and refuse one over it', async () => {
    const post = (body: string) => new Request('http://portal.test/', { method: 'POST', body });
    expect(await readBoundedText(post('From=%2B358'), 100)).toBe('From=%2B358');
    await expect(readBoundedText(post('x'.repeat(101)), 100)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});
