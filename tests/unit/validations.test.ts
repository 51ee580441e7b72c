import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createPartnerOrganisationSchema, updatePartnerOrganisationSchema } from '@/lib/validations/admin';
import { signInSchema } from '@/lib/validations/auth';
import { catalogueEntrySchema } from '@/lib/validations/catalogue';
import { addMerchantSchema, addTerminalsSchema } from '@/lib/validations/merchants';
import { answerQuestionSchema, editOrderSchema, orderFormSchema, orderListFiltersSchema } from '@/lib/validations/order';
import { updateProfileSchema } from '@/lib/validations/profile';
import { askQuestionSchema, assignOrderSchema, queueFiltersSchema, recordCredentialsSchema, rejectOrderSchema } from '@/lib/validations/support';
import { changeRoleSchema, inviteMemberSchema, removeMemberSchema } from '@/lib/validations/team';

const id = '7b0c1e8a-1d6f-4a53-9a0e-2f7d1c3b4a5e';
const organisation = { name: 'Kassa Oy', businessId: '556677-8899', country: 'SE', contactEmail: 'info@kassa.se' };
const order = {
  type: 'merchant_rights',
  recipientName: 'Anna Virtanen',
  recipientEmail: 'anna@kassa.fi',
  recipientPhone: '+358 40 123 4567',
  ecrSupplierName: 'Kassamestarit',
  ecrName: 'Kassa Pro',
  merchantName: 'Kahvila Oy',
  merchantBusinessId: '556677-8899',
  merchantCountry: 'SE',
  terminalIds: 'T-0001\nT-0002',
  additionalInfo: 'Integration: Kassa Pro cloud',
  idempotencyKey: id,
};

/**
 * Every form schema with a valid input, its one-line text fields and its multi-line ones. A new
 * text field belongs in one of the two lists.
 */
const forms: { name: string; schema: z.ZodType; valid: Record<string, unknown>; oneLine: string[]; multiLine: string[] }[] = [
  { name: 'sign-in', schema: signInSchema, valid: { email: 'anna@kassa.fi' }, oneLine: ['email'], multiLine: [] },
  { name: 'profile', schema: updateProfileSchema, valid: { name: 'Anna', locale: 'sv' }, oneLine: ['name'], multiLine: [] },
  {
    name: 'new partner organisation',
    schema: createPartnerOrganisationSchema,
    valid: { ...organisation, kind: 'reseller' },
    oneLine: ['name', 'businessId', 'country', 'contactEmail'],
    multiLine: [],
  },
  {
    name: 'partner organisation',
    schema: updatePartnerOrganisationSchema,
    valid: { ...organisation, organisationId: id },
    oneLine: ['name', 'businessId', 'country', 'contactEmail'],
    multiLine: [],
  },
  {
    name: 'catalogue entry',
    schema: catalogueEntrySchema,
    valid: { supplierName: 'Kassamestarit', ecrName: 'Kassa Pro', integrationName: 'kassa-pro', merchantVisibility: '3b' },
    oneLine: ['supplierName', 'ecrName', 'integrationName'],
    multiLine: [],
  },
  {
    name: 'merchant',
    schema: addMerchantSchema,
    valid: { subChannelOrderId: id, name: 'Kahvila Oy', businessId: '556677-8899', country: 'SE', contactName: 'Erik', contactEmail: 'erik@kahvila.se', contactPhone: '+46 70 123 45 67', terminalIds: 'T-0001' },
    oneLine: ['name', 'businessId', 'country', 'contactName', 'contactEmail', 'contactPhone'],
    multiLine: ['terminalIds'],
  },
  { name: 'terminals', schema: addTerminalsSchema, valid: { merchantId: id, terminalIds: 'T-0001' }, oneLine: [], multiLine: ['terminalIds'] },
  {
    name: 'order',
    schema: orderFormSchema,
    valid: order,
    oneLine: ['recipientName', 'recipientEmail', 'recipientPhone', 'ecrSupplierName', 'ecrName', 'merchantName', 'merchantBusinessId', 'merchantCountry'],
    multiLine: ['terminalIds', 'additionalInfo'],
  },
  { name: 'answer', schema: answerQuestionSchema, valid: { orderId: id, answer: 'Yes.' }, oneLine: [], multiLine: ['answer'] },
  { name: 'question', schema: askQuestionSchema, valid: { orderId: id, question: 'Which number?' }, oneLine: [], multiLine: ['question'] },
  { name: 'rejection', schema: rejectOrderSchema, valid: { orderId: id, reason: 'A duplicate.' }, oneLine: [], multiLine: ['reason'] },
  { name: 'assignment', schema: assignOrderSchema, valid: { orderId: id, assigneeUserId: id }, oneLine: ['assigneeUserId'], multiLine: [] },
  {
    name: 'credentials',
    schema: recordCredentialsSchema,
    valid: { orderId: id, username: 'kassa-pro-1', password: 'Ab3dEf6hJk9mNp2r' },
    oneLine: ['username', 'password'],
    multiLine: [],
  },
  { name: 'invitation', schema: inviteMemberSchema, valid: { organisationId: id, email: 'new@kassa.fi', role: 'partner_member' }, oneLine: ['email'], multiLine: [] },
  { name: 'role change', schema: changeRoleSchema, valid: { organisationId: id, userId: id, role: 'partner_admin' }, oneLine: ['userId'], multiLine: [] },
  { name: 'removal', schema: removeMemberSchema, valid: { organisationId: id, userId: id }, oneLine: ['userId'], multiLine: [] },
];

const messagesFor = (schema: z.ZodType, input: Record<string, unknown>, field: string) => {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.filter((issue) => issue.path.join('.') === field).map((issue) => issue.message);
};

describe.each(forms)('the $name form', ({ schema, valid, oneLine, multiLine }) => {
  it('accepts its valid input', () => {
    expect(schema.safeParse(valid).error?.issues).toBeUndefined();
  });

  it.each([...oneLine, ...multiLine])('refuses a NUL byte in %s with that field’s error', (field) => {
    expect(messagesFor(schema, { ...valid, [field]: `${String(valid[field])}\u0000` }, field)).toContain('controlCharacters');
  });

  it.each(oneLine)('refuses a line break in %s', (field) => {
    expect(messagesFor(schema, { ...valid, [field]: `${String(valid[field]).slice(0, 2)}\r\nBcc: x@example.com` }, field)).toContain('oneLine');
  });
});

describe('multi-line fields', () => {
  it.each([
    [answerQuestionSchema, { orderId: id }, 'answer'],
    [askQuestionSchema, { orderId: id }, 'question'],
    [rejectOrderSchema, { orderId: id }, 'reason'],
    [orderFormSchema, order, 'additionalInfo'],
  ] as const)('keep their line breaks (%#)', (schema, valid, field) => {
    const parsed = schema.parse({ ...valid, [field]: 'First line\r\n\r\nSecond line' }) as Record<string, unknown>;
    expect(parsed[field]).toBe('First line\n\nSecond line');
  });

  it('take Terminal IDs one per line', () => {
    expect(orderFormSchema.parse({ ...order, terminalIds: 'T-0001\r\nT-0002\n' }).terminalIds).toEqual(['T-0001', 'T-0002']);
  });
});

describe('the recipient name', () => {
  it('cannot carry a forged email header or paragraph', () => {
    const name = 'Anna\r\nBcc: someone@example.com\r\n\r\nYour password is hunter2';
    expect(messagesFor(orderFormSchema, { ...order, recipientName: name }, 'recipientName')).toEqual(['oneLine']);
    expect(messagesFor(editOrderSchema, { orderId: id, order: { ...order, recipientName: name } }, 'order.recipientName')).toEqual(['oneLine']);
  });
});

describe('filters from the URL', () => {
  it('ignore a search with a NUL byte rather than pass it to the database', () => {
    expect(orderListFiltersSchema.parse({ q: 'Anna\u0000', after: '\u0000' })).toEqual({});
    expect(queueFiltersSchema.parse({ partner: '\u0000', assignee: 'me\u0000' })).toEqual({});
  });

  it('keep an ordinary search', () => {
    expect(orderListFiltersSchema.parse({ q: ' Anna ' })).toEqual({ q: 'Anna' });
    expect(queueFiltersSchema.parse({ partner: 'Kassa', assignee: 'me' })).toEqual({ partner: 'Kassa', assignee: 'me' });
  });
});
