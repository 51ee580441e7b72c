import { answerQuestionForActor } from '@/db/queries/orders';
import { orderResponse } from '@/lib/api/orders';
import { uuidParam } from '@/lib/api/params';
import { apiRoute, parseOrRefuse, readJsonBody } from '@/lib/api/route';
import { answerBody } from '@/lib/api/schemas';
import { answerQuestionSchema } from '@/lib/validations/order';
import { operations } from '@/lib/api/operations';

/** POST /api/v1/orders/{orderId}/answer: answers support's question; the order returns to the queue (409 when nothing was asked). */
export const POST = apiRoute<{ orderId: string }>(operations.answerOrder, async (req, { actor, params }) => {
  const orderId = uuidParam(params.orderId);
  const body = parseOrRefuse(answerBody, await readJsonBody(req));
  const { answer } = parseOrRefuse(answerQuestionSchema, { orderId, answer: body.answer });
  await answerQuestionForActor(actor, orderId, answer);
  return orderResponse(actor, orderId);
});
