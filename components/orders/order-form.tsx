'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useForm, useWatch, type FieldPath } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { TextAreaField, TextField } from '@/components/ui/field';
import type { ActionResult } from '@/lib/authz';
import type { DeadlineSetting } from '@/lib/orders/deadline';
import { accountTypes, typeRequirements, type AccountType } from '@/lib/orders/model';
import { orderFormSchema, type OrderFormInput, type OrderInput } from '@/lib/validations/order';

export interface CatalogueEntry {
  supplierName: string;
  ecrName: string;
}

type OrderResult = ActionResult<{ id: string; number: number }>;

interface Props {
  catalogue: CatalogueEntry[];
  defaults: Partial<OrderFormInput>;
  /** Sends the form as typed to the server, which parses it again: the server is the authority. */
  submit: (values: OrderFormInput) => Promise<OrderResult>;
  mode: 'create' | 'edit';
  deadline: DeadlineSetting;
}

const COUNTRIES = ['FI', 'SE', 'NO', 'DK', 'EE', 'DE'] as const;

/**
 * The order form: one zod schema with the server, fields shown by account type, every error
 * beside its field and announced, and nothing typed lost when the server says no.
 */
export function OrderForm({ catalogue, defaults, submit, mode, deadline }: Props) {
  const t = useTranslations('orderForm');
  const tv = useTranslations('validation');
  const tt = useTranslations('accountTypes');
  const router = useRouter();
  const ids = useId();
  const [formError, setFormError] = useState<string>();
  const [placed, setPlaced] = useState(false);
  // One key per form: a double-click or a retried request finds the first order.
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  const form = useForm<OrderFormInput, unknown, OrderInput>({
    resolver: zodResolver(orderFormSchema),
    defaultValues: { merchantCountry: 'FI', ...defaults, idempotencyKey },
    mode: 'onTouched',
  });
  const { register, handleSubmit, setError, formState, control } = form;
  const [type, supplier = '', country] = useWatch({ control, name: ['type', 'ecrSupplierName', 'merchantCountry'] }) as [
    AccountType | undefined,
    string | undefined,
    string | undefined,
  ];
  const needs = type ? typeRequirements[type] : undefined;

  const message = (key?: string) => (key ? (tv.has(key as never) ? tv(key as never) : key) : undefined);
  const errorOf = (field: keyof OrderFormInput) => message(formState.errors[field]?.message);

  const onSubmit = handleSubmit(async () => {
    setFormError(undefined);
    let result: OrderResult;
    try {
      result = await submit(form.getValues());
    } catch {
      setFormError(t('failed'));
      return;
    }
    if (result.ok) {
      setPlaced(true);
      router.push(`/orders/${result.data.id}${mode === 'create' ? '?placed=1' : ''}`);
      router.refresh();
      return;
    }
    for (const [path, messages] of Object.entries(result.fieldErrors ?? {})) {
      const field = path.replace(/^order\./, '') as FieldPath<OrderFormInput>;
      setError(field, { message: messages[0] }, { shouldFocus: true });
    }
    setFormError(result.fieldErrors ? t('errorSummary') : result.message);
  });

  const suppliers = [...new Set(catalogue.map((entry) => entry.supplierName))];
  const ecrs = catalogue.filter((entry) => !supplier || entry.supplierName.toLowerCase() === supplier.toLowerCase());
  // Stays disabled once placed, until the order's page has opened.
  const submitting = formState.isSubmitting || placed;

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-8">
      <p className="text-sm text-slate-600">
        {deadline.mode === 'business_days' ? t('introBusiness', { days: deadline.days }) : t('intro', { days: deadline.days })}
      </p>
      {formError && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {formError}
        </p>
      )}
      <input type="hidden" {...register('idempotencyKey')} />

      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-base font-semibold text-slate-900">{t('type')}</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {accountTypes.map((value) => (
            <label
              key={value}
              className={cn(
                'flex cursor-pointer gap-3 rounded-lg border bg-white p-3 shadow-sm',
                type === value ? 'border-teal-700 ring-2 ring-teal-700/20' : 'border-slate-200 hover:border-slate-300',
              )}
            >
              <input type="radio" value={value} className="mt-1 accent-teal-700" {...register('type')} />
              <span>
                <span className="block text-sm font-semibold text-slate-900">{tt(`${value}.name`)}</span>
                <span className="block text-sm text-slate-600">{tt(`${value}.summary`)}</span>
              </span>
            </label>
          ))}
        </div>
        <p role="alert" className="text-sm text-red-700 empty:hidden">
          {errorOf('type')}
        </p>
        {mode === 'create' && (
          <Link href="/orders/new" className="text-sm font-medium text-teal-800 underline">
            {t('changeType')}
          </Link>
        )}
      </fieldset>

      {needs && (
        <>
          <fieldset className="flex flex-col gap-4">
            <legend className="mb-1 text-base font-semibold text-slate-900">{t('recipient')}</legend>
            <p className="text-sm text-slate-600">{t('recipientHint')}</p>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField label={t('recipientName')} autoComplete="name" error={errorOf('recipientName')} {...register('recipientName')} />
              <TextField
                label={t('recipientEmail')}
                type="email"
                autoComplete="email"
                error={errorOf('recipientEmail')}
                {...register('recipientEmail')}
              />
            </div>
            <TextField
              label={t('recipientPhone')}
              hint={needs.credentials ? t('recipientPhoneHint') : t('recipientPhoneHintRights')}
              type="tel"
              autoComplete="tel"
              inputMode="tel"
              placeholder="+358 40 123 4567"
              className="sm:max-w-sm"
              error={errorOf('recipientPhone')}
              {...register('recipientPhone')}
            />
          </fieldset>

          <fieldset className="flex flex-col gap-4">
            <legend className="mb-1 text-base font-semibold text-slate-900">
              {t('ecr')} {!needs.ecr && <span className="font-normal text-slate-500">({t('optional')})</span>}
            </legend>
            <p className="text-sm text-slate-600">{needs.ecr ? t('ecrHintRequired') : t('ecrHint')}</p>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                label={t('ecrSupplierName')}
                list={`${ids}-suppliers`}
                autoComplete="off"
                error={errorOf('ecrSupplierName')}
                {...register('ecrSupplierName')}
              />
              <TextField label={t('ecrName')} list={`${ids}-ecrs`} autoComplete="off" error={errorOf('ecrName')} {...register('ecrName')} />
            </div>
            <datalist id={`${ids}-suppliers`}>
              {suppliers.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
            <datalist id={`${ids}-ecrs`}>
              {ecrs.map((entry) => (
                <option key={`${entry.supplierName}/${entry.ecrName}`} value={entry.ecrName}>
                  {entry.supplierName}
                </option>
              ))}
            </datalist>
          </fieldset>

          {needs.merchant && (
            <fieldset className="flex flex-col gap-4">
              <legend className="mb-1 text-base font-semibold text-slate-900">{t('merchant')}</legend>
              <div className="grid gap-4 sm:grid-cols-[2fr_1fr_auto]">
                <TextField label={t('merchantName')} autoComplete="organization" error={errorOf('merchantName')} {...register('merchantName')} />
                <TextField
                  label={t('merchantBusinessId')}
                  hint={country === 'FI' ? t('merchantBusinessIdHint') : undefined}
                  autoComplete="off"
                  error={errorOf('merchantBusinessId')}
                  {...register('merchantBusinessId')}
                />
                <div className="flex flex-col gap-1">
                  <label htmlFor={`${ids}-country`} className="text-sm font-medium text-slate-800">
                    {t('merchantCountry')}
                  </label>
                  <select
                    id={`${ids}-country`}
                    className="min-h-10 rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm sm:text-sm"
                    {...register('merchantCountry')}
                  >
                    {COUNTRIES.map((code) => (
                      <option key={code} value={code}>
                        {code}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
            </fieldset>
          )}

          <div className="grid gap-4 sm:grid-cols-2">
            <TextAreaField
              label={t('terminalIds')}
              hint={t('terminalIdsHint')}
              autoComplete="off"
              error={errorOf('terminalIds')}
              {...register('terminalIds')}
            />
            <TextAreaField
              label={needs.additionalInfo ? t('additionalInfoRights') : `${t('additionalInfo')} (${t('optional')})`}
              hint={needs.additionalInfo ? t('additionalInfoRightsHint') : t('additionalInfoHint')}
              error={errorOf('additionalInfo')}
              {...register('additionalInfo')}
            />
          </div>
        </>
      )}

      <div>
        <Button type="submit" disabled={submitting} className="w-full sm:w-auto">
          {mode === 'create' ? (submitting ? t('submitting') : t('submit')) : submitting ? t('saving') : t('save')}
        </Button>
      </div>
    </form>
  );
}
