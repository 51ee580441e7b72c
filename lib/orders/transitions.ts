import { roleCan, type Role } from '@/lib/permissions';
import { typeRequirements, type AccountType, type OrderState } from './model';

/**
 * The partner's side of the order state machine. Support's transitions (claim, ask, reject,
 * create, send) join this table with the fulfilment work; every write path checks it here.
 */
export const partnerTransitions = {
  /** Cancel: only before fulfilment starts. */
  cancel: { from: ['submitted'], to: 'cancelled' },
  /** Answer support's question (or edit the order): back to the queue, the clock resumes. */
  answer: { from: ['needs_info'], to: 'submitted' },
} as const satisfies Record<string, { from: readonly OrderState[]; to: OrderState }>;

export type PartnerTransition = keyof typeof partnerTransitions;

export function canPartner(transition: PartnerTransition, state: OrderState) {
  return (partnerTransitions[transition].from as readonly OrderState[]).includes(state);
}

/**
 * An answered order goes back to whoever had claimed it, or to the open queue.
 */
export const stateAfterAnswer = (assigneeUserId: string | null): OrderState => (assigneeUserId ? 'in_progress' : 'submitted');

/** Support's transitions. */
export const supportTransitions = {
  /** Take the order (or take it over). */
  claim: { from: ['submitted', 'in_progress'], to: 'in_progress' },
  /** Ask the partner; the clock pauses. Also how a permanently failed SMS returns to the partner. */
  ask: { from: ['submitted', 'in_progress', 'account_created', 'credentials_sent'], to: 'needs_info' },
  reject: { from: ['submitted', 'in_progress', 'needs_info'], to: 'rejected' },
  /** The account exists in CloudPOS; the password SMS is queued. */
  recordCredentials: { from: ['in_progress'], to: 'account_created' },
  /** merchant_rights: the rights are on the integrator's account; nothing to send. */
  completeRights: { from: ['in_progress'], to: 'completed' },
} as const satisfies Record<string, { from: readonly OrderState[]; to: OrderState }>;

export type SupportTransition = keyof typeof supportTransitions;

export function canSupport(transition: SupportTransition, state: OrderState) {
  return (supportTransitions[transition].from as readonly OrderState[]).includes(state);
}

/** What the password SMS's delivery does to the order. */
export const deliveryTransitions = {
  accepted: { from: ['account_created'], to: 'credentials_sent' },
  delivered: { from: ['account_created', 'credentials_sent'], to: 'completed' },
} as const satisfies Record<string, { from: readonly OrderState[]; to: OrderState }>;

/** Credentials are recorded and the password SMS is on its way (or retried). */
const smsInFlight = (state: OrderState) => state === 'account_created' || state === 'credentials_sent';

/** What a person can do with an order from its page. */
export type OrderAction = 'cancel' | 'answer' | 'claim' | 'assign' | 'ask' | 'reject' | 'recordCredentials' | 'completeRights';

/**
 * The actions the order page offers this person for an order in its state: a partner's from the
 * partner's table, support's from support's (assigning follows claiming; credentials or rights by
 * the account type). The server checks each again when it is taken.
 */
export function availableActions(order: { state: OrderState; type: AccountType }, actor: { role: Role }): OrderAction[] {
  const actions: OrderAction[] = [];
  if (roleCan(actor.role, 'orders:own')) {
    if (canPartner('cancel', order.state)) actions.push('cancel');
    if (canPartner('answer', order.state)) actions.push('answer');
  }
  if (roleCan(actor.role, 'support:queue')) {
    if (canSupport('claim', order.state)) actions.push('claim', 'assign');
    // Not while the password SMS is on its way: the order is no longer support's to question, and a
    // number the SMS cannot reach returns the order to the partner by itself.
    if (canSupport('ask', order.state) && !smsInFlight(order.state)) actions.push('ask');
    if (canSupport('reject', order.state)) actions.push('reject');
    const fulfilment = typeRequirements[order.type].credentials ? 'recordCredentials' : 'completeRights';
    if (canSupport(fulfilment, order.state)) actions.push(fulfilment);
  }
  return actions;
}
