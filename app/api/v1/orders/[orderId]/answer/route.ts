import { answerQuestionForActor, getOrderForActor } from '@/db/queries/orders';
import { uuidParam } from '@/lib/api/params';
import { orderResource } from '@/lib/api/resources';
import { ApiProblem, apiRoute, parseOrRefuse, readJsonBody } from '@/lib/api/route';
import { answerBody } from '@/lib/api/schemas';
import { answerQuestionSchema } from '@/lib/validations/order';
import { operations } from '@/lib/api/operations';

/** POST /api/v1/orders/{orderId}/answer: answers support's question; the order returns to the queue (409 when nothing was asked). */
export const POST = apiRoute<{ orderId: string }>(operations.answerOrder, async (req, { actor, params }) => {
  const orderId = uuidParam(params.orderId);
  const body = parseOrRefuse(answerBody, (await readJsonBody(req)).value);
  const { answer } = parseOrRefuse(answerQuestionSchema, { orderId, answer: body.answer });
  await answerQuestionForActor(actor, orderId, answer);
  const detail = await getOrderForActor(actor, orderId);
  if (!detail) throw new ApiProblem('NOT_FOUND');
  return Response.json(orderResource(detail));
});
