'use server';

import { revalidatePath } from 'next/cache';
import { answerQuestionForActor, cancelOrderForActor, createOrder, editOrderForActor } from '@/db/queries/orders';
import { withAction } from '@/lib/authz';
import { answerQuestionSchema, editOrderSchema, orderFormSchema, orderIdSchema, type OrderFormInput } from '@/lib/validations/order';

/*
 * Note: placing and editing revalidate nothing. The form goes on to the order's page and refreshes
 * the router itself; a revalidatePath here would send the form page, re-rendered, with the answer.
 */
const placeOrderAction = withAction({ schema: orderFormSchema, permission: 'orders:own' }, async (input, actor) => {
  const order = await createOrder(actor, input);
  return { id: order.id, number: order.number };
});

/** Places an order from the form as typed; the same schema parses it here again. */
export async function placeOrder(values: OrderFormInput) {
  return placeOrderAction(null, values);
}

const editOrderAction = withAction({ schema: editOrderSchema, permission: 'orders:own' }, async ({ orderId, order }, actor) => {
  const updated = await editOrderForActor(actor, orderId, order);
  return { id: updated.id, number: updated.number };
});

/** Saves a corrected order and sends it back to support (bound to the order's id by the page). */
export async function editOrder(orderId: string, values: OrderFormInput) {
  return editOrderAction(null, { orderId, order: values });
}

export const cancelOrder = withAction({ schema: orderIdSchema, permission: 'orders:own' }, async ({ orderId }, actor) => {
  await cancelOrderForActor(actor, orderId);
  revalidatePath(`/orders/${orderId}`);
  return null;
});

export const answerQuestion = withAction({ schema: answerQuestionSchema, permission: 'orders:own' }, async ({ orderId, answer }, actor) => {
  await answerQuestionForActor(actor, orderId, answer);
  revalidatePath(`/orders/${orderId}`);
  return null;
});
