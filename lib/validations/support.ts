import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '@/lib/credentials/password';
import { accountTypes, orderStates } from '@/lib/orders/model';
import { multiLine, oneLine } from '@/lib/validations/form-fields';

/** Support's forms; messages are keys of the `validation` catalogue. */
export const askQuestionSchema = z.object({
  orderId: z.uuid(),
  question: multiLine().min(1, 'questionRequired').max(2000, 'tooLong'),
});

export const rejectOrderSchema = z.object({
  orderId: z.uuid(),
  reason: multiLine().min(1, 'reasonRequired').max(2000, 'tooLong'),
});

export const assignOrderSchema = z.object({ orderId: z.uuid(), assigneeUserId: oneLine().min(1, 'assigneeInvalid') });

/**
 * The password is never trimmed or echoed back: a field error names the rule, not the value. It
 * goes out by SMS, so it is one line too.
 */
export const recordCredentialsSchema = z.object({
  orderId: z.uuid(),
  username: oneLine().min(1, 'usernameRequired').max(100, 'tooLong'),
  password: oneLine({ trim: false }).min(MIN_PASSWORD_LENGTH, 'passwordTooShort').max(128, 'tooLong'),
});

/** The queue's filters, from the URL: anything unknown or with control characters is ignored. */
export const queueFiltersSchema = z.object({
  state: z.enum(orderStates).optional().catch(undefined),
  type: z.enum(accountTypes).optional().catch(undefined),
  /** A partner's name, or part of it, or its business ID. */
  partner: oneLine()
    .max(100)
    .transform((value) => value || undefined)
    .optional()
    .catch(undefined),
  assignee: oneLine().max(64).optional().catch(undefined),
  risk: z.enum(['at_risk', 'overdue']).optional().catch(undefined),
  /** One batch's orders together, in file order, so an agent can work them in a row. */
  batch: z.uuid().optional().catch(undefined),
  /** The next page's cursor; one the query does not recognise starts from the first page. */
  after: oneLine().max(200).optional().catch(undefined),
});
