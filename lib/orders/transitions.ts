import type { OrderState } from './model';

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
