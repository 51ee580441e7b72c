import { describe, expect, it } from 'vitest';
import { auditActions } from '@/db/schema';
import en from '@/lib/i18n/messages/en.json';
import { createApiKeySchema } from '@/lib/validations/api-keys';
import { API_KEY_PREFIX, apiKeyPrefix, generateApiKey, hashApiKey, looksLikeApiKey, normaliseScopes, scopesAllow } from '@/lib/api-keys';

describe('API keys', () => {
  it('are cpos_live_ and 43 base62 characters, different every time', () => {
    const keys = Array.from({ length: 200 }, generateApiKey);
    for (const key of keys) {
      expect(key).toMatch(/^cpos_live_[0-9A-Za-z]{43}$/);
      expect(looksLikeApiKey(key)).toBe(true);
    }
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('use the whole alphabet, not only a part of it (the random part is not padded zeros)', () => {
    const characters = new Set(Array.from({ length: 200 }, () => generateApiKey().slice(API_KEY_PREFIX.length)).join(''));
    expect(characters.size).toBe(62);
  });

  it('show their first characters as the prefix people see in lists', () => {
    const key = generateApiKey();
    expect(apiKeyPrefix(key)).toBe(key.slice(0, 14));
    expect(apiKeyPrefix(key)).toMatch(/^cpos_live_[0-9A-Za-z]{4}$/);
  });

  it('are stored as the hex SHA-256 of the whole key', () => {
    expect(hashApiKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashApiKey('cpos_live_abc')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey('cpos_live_abc')).not.toBe(hashApiKey('cpos_live_abd'));
  });

  it('refuses anything without the shape of a key', () => {
    const key = generateApiKey();
    for (const value of ['', key.slice(0, -1), `${key}x`, key.replace('cpos_live_', 'cpos_test_'), `${key.slice(0, -1)}-`, ` ${key}`, null, 42]) {
      expect(looksLikeApiKey(value)).toBe(false);
    }
  });

  it('give order access with read, never order alone', () => {
    expect(normaliseScopes(['order'])).toEqual(['read', 'order']);
    expect(normaliseScopes(['read'])).toEqual(['read']);
    expect(normaliseScopes(['order', 'read', 'order'])).toEqual(['read', 'order']);
    expect(scopesAllow(['order'], 'read')).toBe(true);
    expect(scopesAllow(['read'], 'order')).toBe(false);
  });
});

describe('the API key form', () => {
  const organisationId = '00000000-0000-4000-8000-000000000000';
  const messages = (input: Record<string, unknown>) =>
    createApiKeySchema.safeParse({ organisationId, ...input }).error?.issues.map((issue) => `${issue.path.join('.')}:${issue.message}`) ?? [];

  it('takes a one-line name of at most 100 characters and one choice of access', () => {
    expect(createApiKeySchema.parse({ organisationId, name: '  ECR backend ', access: 'order' })).toEqual({ organisationId, name: 'ECR backend', access: 'order' });
    expect(messages({ name: ' ', access: 'read' })).toEqual(['name:apiKeyNameRequired']);
    expect(messages({ name: 'x'.repeat(101), access: 'read' })).toEqual(['name:nameTooLong']);
    expect(messages({ name: 'two\nlines', access: 'read' })).toEqual(['name:oneLine']);
    expect(messages({ name: 'Backend', access: 'admin' })).toEqual(['access:apiKeyAccessInvalid']);
    expect(messages({ name: 'Backend' })).toEqual(['access:apiKeyAccessInvalid']);
  });

  it('has every audit action named on the audit page, the API key ones included', () => {
    for (const action of auditActions) expect(en.audit.actions).toHaveProperty(action.replace('.', '_'));
    expect(en.validation).toHaveProperty('apiKeyNameRequired');
  });
});
