import { describe, expect, it } from 'vitest';
import { availableActions } from '@/lib/orders/transitions';

describe('what the order page offers', () => {
  it.each([
    ['a partner', 'partner_member', 'submitted', 'channel', ['cancel']],
    ['a partner', 'partner_admin', 'needs_info', 'channel', ['answer']],
    ['a partner', 'partner_admin', 'in_progress', 'channel', []],
    ['support', 'support_agent', 'submitted', 'channel', ['claim', 'assign', 'ask', 'reject']],
    ['support', 'support_agent', 'in_progress', 'merchant', ['claim', 'assign', 'ask', 'reject', 'recordCredentials']],
    ['support', 'support_admin', 'in_progress', 'merchant_rights', ['claim', 'assign', 'ask', 'reject', 'completeRights']],
    ['support', 'support_agent', 'needs_info', 'channel', ['reject']],
    // The password SMS is on its way: nothing to ask any more.
    ['support', 'support_agent', 'account_created', 'channel', []],
    ['support', 'support_agent', 'credentials_sent', 'channel', []],
    ['support', 'support_agent', 'completed', 'channel', []],
  ] as const)('%s (%s) on a %s %s order', (_who, role, state, type, expected) => {
    expect(availableActions({ state, type }, { role })).toEqual(expected);
  });
});
