import { z } from 'zod';
import { locales } from '@/lib/i18n/config';
import { countryCode, emailAddress, multiLine, oneLine } from '@/lib/validations/form-fields';
import { isValidFinnishBusinessId, normaliseFinnishBusinessId } from '@/lib/business-id';
import { accountTypes, orderStates, typeRequirements } from '@/lib/orders/model';
import { parseRecipientPhone } from '@/lib/phone';

/**
 * The order form, shared by the browser (checked before sending) and the server action, which parses
 * it again: the server is the authority. Messages are keys of the `validation` catalogue.
 * Fields a type does not use are accepted and dropped, so switching type loses nothing typed.
 */

/** An optional one-line field: '' when left empty. */
const text = (max: number) => oneLine().max(max, 'tooLong').default('');

/**
 * The rules and the transform both need the parsed phone. A parse with libphonenumber's full
 * metadata takes about 0.4 ms, which a 1,000-row batch feels twice; the result depends on the
 * input alone, so the last one is kept.
 */
let lastPhone: { input: string; result: ReturnType<typeof parseRecipientPhone> } | undefined;
function recipientPhone(input: string) {
  if (lastPhone?.input !== input) lastPhone = { input, result: parseRecipientPhone(input) };
  return lastPhone.result;
}

export const terminalIdPattern = /^[A-Za-z0-9-]{4,32}$/;

/** Terminal IDs as typed: one per line, or separated by commas or spaces. */
export const splitTerminalIds = (value: string) => [...new Set(value.split(/[\s,;]+/).filter(Boolean))];

/** The order's fields as sent, before the rules between them (orderFormSchema); the API builds its body from these. */
export const orderFieldsSchema = z.object({
  type: z.enum(accountTypes, { error: 'typeRequired' }),
  recipientName: oneLine().min(1, 'recipientNameRequired').max(200, 'tooLong'),
  recipientEmail: emailAddress(),
  recipientPhone: text(40),
  /** The language of the password SMS and the username email; the orderer's own when not given. */
  recipientLocale: z.enum(locales, { error: 'localeRequired' }).optional(),
  ecrSupplierName: text(200),
  ecrName: text(200),
  merchantName: text(200),
  merchantBusinessId: text(40),
  merchantCountry: countryCode,
  terminalIds: multiLine().max(2000, 'tooLong').default(''),
  additionalInfo: multiLine().max(2000, 'tooLong').default(''),
  idempotencyKey: z.uuid(),
});

export const orderFormSchema = orderFieldsSchema
  .superRefine((order, ctx) => {
    const needs = typeRequirements[order.type];
    const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });

    const phone = recipientPhone(order.recipientPhone);
    if (!phone.ok) problem('recipientPhone', `phone.${phone.problem}`);
    if (needs.ecr) {
      if (!order.ecrSupplierName) problem('ecrSupplierName', 'ecrSupplierRequired');
      if (!order.ecrName) problem('ecrName', 'ecrRequired');
    }
    if (needs.merchant) {
      if (!order.merchantName) problem('merchantName', 'merchantNameRequired');
      if (!order.merchantBusinessId) problem('merchantBusinessId', 'businessIdRequired');
      else if (order.merchantCountry === 'FI') {
        const id = normaliseFinnishBusinessId(order.merchantBusinessId);
        if (!/^\d{7}-\d$/.test(id)) problem('merchantBusinessId', 'businessIdShape');
        else if (!isValidFinnishBusinessId(id)) problem('merchantBusinessId', 'businessIdCheckDigit');
      }
    }
    if (needs.additionalInfo && !order.additionalInfo) problem('additionalInfo', 'additionalInfoRequired');
    const badTerminal = splitTerminalIds(order.terminalIds).find((id) => !terminalIdPattern.test(id));
    if (badTerminal) problem('terminalIds', 'terminalIdInvalid');
  })
  .transform((order) => {
    const needs = typeRequirements[order.type];
    const phone = recipientPhone(order.recipientPhone);
    const orNull = (value: string) => value || null;
    return {
      type: order.type,
      recipientName: order.recipientName,
      recipientEmail: order.recipientEmail,
      recipientPhone: phone.ok ? phone.e164 : '',
      recipientLocale: order.recipientLocale,
      ecrSupplierName: orNull(order.ecrSupplierName),
      ecrName: orNull(order.ecrName),
      merchantName: needs.merchant ? orNull(order.merchantName) : null,
      merchantBusinessId: needs.merchant
        ? orNull(order.merchantCountry === 'FI' ? normaliseFinnishBusinessId(order.merchantBusinessId) : order.merchantBusinessId)
        : null,
      merchantCountry: needs.merchant ? order.merchantCountry : null,
      terminalIds: splitTerminalIds(order.terminalIds),
      additionalInfo: orNull(order.additionalInfo),
      idempotencyKey: order.idempotencyKey,
    };
  });

export type OrderFormInput = z.input<typeof orderFormSchema>;
export type OrderInput = z.output<typeof orderFormSchema>;

/** Editing an order that support asked about: which order, and the same form. */
export const editOrderSchema = z.object({ orderId: z.uuid(), order: orderFormSchema });

export const orderIdSchema = z.object({ orderId: z.uuid() });

export const answerQuestionSchema = z.object({
  orderId: z.uuid(),
  answer: multiLine().min(1, 'answerRequired').max(2000, 'tooLong'),
});

/** What a list can be filtered to: any state, or `open` for every state not yet final. */
export const orderListStates = ['open', ...orderStates] as const;

/**
 * The partner list's filters, from the URL. Anything unknown is ignored rather than an error; a
 * search with control characters is no search (PostgreSQL would refuse a NUL byte in it).
 */
export const orderListFiltersSchema = z.object({
  state: z.enum(orderListStates).optional().catch(undefined),
  type: z.enum(accountTypes).optional().catch(undefined),
  q: oneLine().max(100).optional().catch(undefined),
  after: oneLine().max(200).optional().catch(undefined),
});
export type OrderListFilters = z.infer<typeof orderListFiltersSchema>;
