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
