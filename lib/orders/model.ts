/** The seed's account options (PRODUCT.md "Account types"). */
export const accountTypes = ['channel', 'merchant', 'sub_channel', 'merchant_rights'] as const;
export type AccountType = (typeof accountTypes)[number];

/** PRODUCT.md "Life of an order". */
export const orderStates = [
  'submitted',
  'in_progress',
  'account_created',
  'credentials_sent',
  'completed',
  'needs_info',
  'rejected',
  'cancelled',
] as const;
export type OrderState = (typeof orderStates)[number];

/** States in which nothing more happens to an order. */
export const finalStates = ['completed', 'rejected', 'cancelled'] as const satisfies readonly OrderState[];
export const isFinal = (state: OrderState) => (finalStates as readonly OrderState[]).includes(state);

/**
 * States of an unfinished order. Queries name these rather than `NOT IN (final states)`: an
 * IN list lets PostgreSQL use the (state, due_at) index, where NOT IN read every order.
 */
export const openStates = orderStates.filter((state) => !isFinal(state));

/** Open and not waiting on the partner: the deadline clock runs, so it can be at risk or overdue. */
export const runningStates = openStates.filter((state) => state !== 'needs_info');

/**
 * What each account type asks of the order form beyond what every order has (the recipient and
 * their mobile number: the seed asks for both in every order).
 */
export const typeRequirements: Record<AccountType, { ecr: boolean; merchant: boolean; additionalInfo: boolean; credentials: boolean }> = {
  // 1: one account kept on the integrator's own backend.
  channel: { ecr: false, merchant: false, additionalInfo: false, credentials: true },
  // 2: one account per merchant, who sees the password.
  merchant: { ecr: false, merchant: true, additionalInfo: false, credentials: true },
  // 3a: a sub-channel for all the reseller's terminals in one ECR integration.
  sub_channel: { ecr: true, merchant: false, additionalInfo: false, credentials: true },
  // 3b: rights for a new merchant on the integrator's existing account; no new credentials.
  merchant_rights: { ecr: true, merchant: true, additionalInfo: true, credentials: false },
};

/** Kinds of timeline events. Support-side kinds arrive with the fulfilment work. */
export const orderEventKinds = [
  'submitted',
  'cancelled',
  'question_asked',
  'answered',
  'edited',
  'claimed',
  'assigned',
  'account_created',
  'credentials_sent',
  'completed',
  'rejected',
  'sms_attempt',
  'sms_status',
  'password_erased',
] as const;
export type OrderEventKind = (typeof orderEventKinds)[number];
