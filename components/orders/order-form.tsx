'use client';

import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ChoiceField, TextAreaField, TextField } from '@/components/ui/field';
import { ErrorSummary } from '@/components/ui/error-summary';
import type { ActionResult, FieldErrors } from '@/lib/authz';
import { formToObject } from '@/lib/form-data';
import { locales } from '@/lib/i18n/config';
import { countryName } from '@/lib/i18n/display';
import type { DeadlineSetting } from '@/lib/orders/deadline';
import { typeRequirements } from '@/lib/orders/model';
import type { OrderFormInput } from '@/lib/validations/order';
import { AccountTypeChoice } from './account-type-choice';
import type { OrderFormControl } from './order-form-control';

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

type Load = Promise<OrderFormControl | null>;

/**
 * The order form: react-hook-form with zod's resolver on the schema the server parses with, fields
 * shown by account type, every error beside its field and in the error summary at the top (which
 * takes the focus and links to each field), and nothing typed lost when the server says no. Fields
 * the chosen type does not use are hidden, not removed, so switching type loses nothing typed.
 *
 * react-hook-form's control and the schema arrive by dynamic `import()` when a field first takes
 * the focus (see `order-form-control.ts`); a form sent before they have arrived waits for them. If
 * they cannot load, the form is sent unchecked: the server checks everything anyway.
 */
export function OrderForm({ catalogue, defaults, submit, mode, deadline }: Props) {
  const t = useTranslations('orderForm');
  const tl = useTranslations('language.names');
  const locale = useLocale();
  const tv = useTranslations('validation');
  const router = useRouter();
  const ids = useId();
  const [placed, setPlaced] = useState(false);
  const [sending, setSending] = useState(false);
  const busy = useRef(false);
  const control = useRef<Load>(null);
  // One key per form: a double-click or a retried request finds the first order.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  // What the form shows depends on these three, so they are followed as they change.
  const [type, setType] = useState(defaults.type);
  const [supplier, setSupplier] = useState(defaults.ecrSupplierName ?? '');
  const [country, setCountry] = useState(defaults.merchantCountry ?? 'FI');
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const [refusals, setRefusals] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);

  const load = (form: HTMLFormElement): Load =>
    (control.current ??= import('./order-form-control').then(
      (module) => module.createOrderFormControl(form, formToObject(new FormData(form)) as Partial<OrderFormInput>),
      () => null,
    ));

  const refuse = (found: FieldErrors) => {
    setErrors(found);
    setRefusals((count) => count + 1);
  };

  async function send(values: OrderFormInput, rhf: OrderFormControl | null) {
    let result: OrderResult;
    try {
      result = await submit(values);
    } catch {
      setFailure(t('failed'));
      return;
    }
    if (result.ok) {
      setPlaced(true);
      router.push(`/orders/${result.data.id}${mode === 'create' ? '?placed=1' : ''}`);
      router.refresh();
      return;
    }
    if (!result.fieldErrors) {
      setFailure(result.message);
      return;
    }
    // Editing sends the form as `order`: its fields' errors come back under "order.".
    const found = Object.fromEntries(Object.entries(result.fieldErrors).map(([path, messages]) => [path.replace(/^order\./, ''), messages]));
    for (const [path, messages] of Object.entries(found)) rhf?.setError(path as keyof OrderFormInput, { type: 'server', message: messages[0] });
    refuse(found);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy.current) return;
    busy.current = true;
    setSending(true);
    setFailure(null);
    const form = event.currentTarget;
    try {
      const rhf = await load(form);
      if (!rhf) {
        setErrors(null);
        await send({ ...(formToObject(new FormData(form)) as OrderFormInput), idempotencyKey }, null);
        return;
      }
      await rhf.handleSubmit(
        async (values) => {
          setErrors(null);
          await send({ ...values, idempotencyKey }, rhf);
        },
        (invalid) =>
          refuse(
            Object.fromEntries(
              Object.entries(invalid).map(([name, error]) => {
                const message = String(error?.message ?? '');
                return [name, [tv.has(message as never) ? tv(message as never) : message]];
              }),
            ),
          ),
      )();
    } finally {
      busy.current = false;
      setSending(false);
    }
  }

  const needs = type ? typeRequirements[type] : undefined;
  const value = (name: keyof OrderFormInput, fallback?: string) => fallback ?? String(defaults[name] ?? '');
  const errorOf = (field: keyof OrderFormInput) => errors?.[field]?.[0];

  const suppliers = [...new Set(catalogue.map((entry) => entry.supplierName))];
  const ecrs = catalogue.filter((entry) => !supplier || entry.supplierName.toLowerCase() === supplier.toLowerCase());
  // Stays disabled once placed, until the order's page has opened.
  const submitting = sending || placed;

  return (
    <form onSubmit={(event) => void onSubmit(event)} onFocus={(event) => void load(event.currentTarget)} noValidate className="flex flex-col gap-8">
      <ErrorSummary errors={errors} attempt={refusals} />
      <p className="text-sm text-slate-600">
        {deadline.mode === 'business_days' ? t('introBusiness', { days: deadline.days }) : t('intro', { days: deadline.days })}
      </p>
      {failure && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {failure}
        </p>
      )}
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />

      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-base font-semibold text-slate-900">{t('type')}</legend>
        <AccountTypeChoice selected={type} onSelect={setType} describedBy={`${ids}-type-error`} initial={value('type')} />
        <p id={`${ids}-type-error`} role="alert" className="text-sm text-red-700 empty:hidden">
          {errorOf('type')}
        </p>
        {mode === 'create' && (
          <Link href="/orders/new" className="text-sm font-medium text-teal-800 underline">
            {t('changeType')}
          </Link>
        )}
      </fieldset>

      <div hidden={!needs} className="flex flex-col gap-8">
        <fieldset className="flex flex-col gap-4">
          <legend className="mb-1 text-base font-semibold text-slate-900">{t('recipient')}</legend>
          <p className="text-sm text-slate-600">{t('recipientHint')}</p>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField label={t('recipientName')} name="recipientName" autoComplete="name" defaultValue={value('recipientName')} error={errorOf('recipientName')} />
            <TextField
              label={t('recipientEmail')}
              name="recipientEmail"
              type="email"
              autoComplete="email"
              defaultValue={value('recipientEmail')}
              error={errorOf('recipientEmail')}
            />
          </div>
          <TextField
            label={t('recipientPhone')}
            hint={needs && !needs.credentials ? t('recipientPhoneHintRights') : t('recipientPhoneHint')}
            name="recipientPhone"
            type="tel"
            autoComplete="tel"
            inputMode="tel"
            placeholder="+358 40 123 4567"
            className="sm:max-w-sm"
            defaultValue={value('recipientPhone')}
            error={errorOf('recipientPhone')}
          />
          <ChoiceField
            label={t('recipientLocale')}
            hint={t('recipientLocaleHint')}
            name="recipientLocale"
            className="sm:max-w-sm"
            options={locales.map((locale) => ({ value: locale, label: tl(locale) }))}
            defaultValue={value('recipientLocale')}
            error={errorOf('recipientLocale')}
          />
        </fieldset>

        <fieldset className="flex flex-col gap-4">
          <legend className="mb-1 text-base font-semibold text-slate-900">
            {t('ecr')} {!needs?.ecr && <span className="font-normal text-slate-500">({t('optional')})</span>}
          </legend>
          <p className="text-sm text-slate-600">{needs?.ecr ? t('ecrHintRequired') : t('ecrHint')}</p>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label={t('ecrSupplierName')}
              name="ecrSupplierName"
              list={`${ids}-suppliers`}
              autoComplete="off"
              defaultValue={value('ecrSupplierName')}
              onChange={(event) => setSupplier(event.target.value)}
              error={errorOf('ecrSupplierName')}
            />
            <TextField label={t('ecrName')} name="ecrName" list={`${ids}-ecrs`} autoComplete="off" defaultValue={value('ecrName')} error={errorOf('ecrName')} />
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

        <fieldset hidden={!needs?.merchant} className="flex flex-col gap-4">
          <legend className="mb-1 text-base font-semibold text-slate-900">{t('merchant')}</legend>
          <div className="grid gap-4 sm:grid-cols-[2fr_1fr_auto]">
            <TextField label={t('merchantName')} name="merchantName" autoComplete="organization" defaultValue={value('merchantName')} error={errorOf('merchantName')} />
            <TextField
              label={t('merchantBusinessId')}
              hint={country === 'FI' ? t('merchantBusinessIdHint') : undefined}
              name="merchantBusinessId"
              autoComplete="off"
              defaultValue={value('merchantBusinessId')}
              error={errorOf('merchantBusinessId')}
            />
            <div className="flex flex-col gap-1">
              <label htmlFor={`${ids}-country`} className="text-sm font-medium text-slate-800">
                {t('merchantCountry')}
              </label>
              <select
                id={`${ids}-country`}
                name="merchantCountry"
                defaultValue={value('merchantCountry', country)}
                onChange={(event) => setCountry(event.target.value)}
                className="min-h-10 rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm sm:text-sm"
              >
                {COUNTRIES.map((code) => (
                  <option key={code} value={code}>
                    {countryName(code, locale)}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </fieldset>

        <div className="grid gap-4 sm:grid-cols-2">
          <TextAreaField
            label={t('terminalIds')}
            hint={t('terminalIdsHint')}
            name="terminalIds"
            autoComplete="off"
            defaultValue={value('terminalIds')}
            error={errorOf('terminalIds')}
          />
          <TextAreaField
            label={needs?.additionalInfo ? t('additionalInfoRights') : `${t('additionalInfo')} (${t('optional')})`}
            hint={needs?.additionalInfo ? t('additionalInfoRightsHint') : t('additionalInfoHint')}
            name="additionalInfo"
            defaultValue={value('additionalInfo')}
            error={errorOf('additionalInfo')}
          />
        </div>
      </div>

      <div>
        <Button type="submit" disabled={submitting} className="w-full sm:w-auto">
          {mode === 'create' ? (submitting ? t('submitting') : t('submit')) : submitting ? t('saving') : t('save')}
        </Button>
      </div>
    </form>
  );
}
