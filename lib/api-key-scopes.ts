/**
 * What an organisation's API key may do. `read` reads the organisation's orders and what the
 * order form offers; `order` also places, cancels and answers orders, and always includes `read`.
 * Kept apart from lib/api-keys.ts (which needs node:crypto) so the browser's form schema can use it.
 */
export const apiKeyScopes = ['read', 'order'] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

/** The scopes to store for a choice: `order` brings `read` with it; always in the list's order. */
export function normaliseScopes(scopes: readonly ApiKeyScope[]): ApiKeyScope[] {
  const chosen = new Set<ApiKeyScope>(scopes);
  if (chosen.has('order')) chosen.add('read');
  return apiKeyScopes.filter((scope) => chosen.has(scope));
}

/** Whether a key with `scopes` may do what needs `needed`. */
export function scopesAllow(scopes: readonly ApiKeyScope[], needed: ApiKeyScope) {
  return normaliseScopes(scopes).includes(needed);
}
