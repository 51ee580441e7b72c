'use client';

import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { useId, useRef, useState, type FormEvent } from 'react';
import { AccountTypeChoice } from '@/components/orders/account-type-choice';
import { Button, buttonClasses } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { ErrorSummary } from '@/components/ui/error-summary';
import type { FieldErrors } from '@/lib/authz';
import { MAX_BATCH_BYTES, MAX_BATCH_ROWS } from '@/lib/batches/limits';
import type { BatchPreview as BatchPreviewData } from '@/lib/batches/preview';
import type { AccountType } from '@/lib/orders/model';
import { postBatch, type BatchAnswer, type BatchUpload as Upload } from './batch-request';

const MAX_MEGABYTES = MAX_BATCH_BYTES / 1024 / 1024;

/** Not first-load JavaScript: it loads while the first file is being checked (see onSubmit). */
const loadPreview = () => import('./batch-preview').then((module) => module.BatchPreview);
const BatchPreview = dynamic(loadPreview);

/**
 * The bulk-order page's first step: choose the account type, download its template, upload the
 * file. The server reads and checks it (the parsers and the checks need the database and stay
 * there); a whole-file refusal shows in the error summary like a form's, and an accepted file
 * opens the preview below, where rows are fixed and submitted.
 */
export function BatchUpload({ defaultType }: { defaultType?: AccountType }) {
  const t = useTranslations('batches');
  const tt = useTranslations('accountTypes');
  const tv = useTranslations('validation');
  const te = useTranslations('errors');
  const ids = useId();
  const [type, setType] = useState<AccountType | undefined>(defaultType);
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const [refusals, setRefusals] = useState(0);
  const [sending, setSending] = useState(false);
  const [checked, setChecked] = useState<{ upload: Upload; preview: BatchPreviewData; serial: number } | null>(null);
  const busy = useRef(false);

  const refuse = (found: FieldErrors) => {
    setErrors(found);
    setRefusals((count) => count + 1);
  };

  /** A refusal's message: the file's own reason, else what went wrong with the request. */
  const failureOf = (answer: Extract<BatchAnswer<unknown>, { ok: false }>): FieldErrors => {
    if (answer.fieldErrors) return answer.fieldErrors;
    if (answer.code === 'PAYLOAD_TOO_LARGE') return { file: [t('errors.tooLarge', { maxMegabytes: MAX_MEGABYTES })] };
    if (answer.code === 'NETWORK') return { file: [t('upload.failed')] };
    return { file: [te(answer.code)] };
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy.current) return;
    const form = event.currentTarget;
    const chosen = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
    const found: FieldErrors = {};
    if (!type) found.type = [tv('typeRequired')];
    if (!chosen) found.file = [tv('batch.fileRequired')];
    // Said at once, without sending 2 MB first; the server refuses it the same way.
    else if (chosen.size > MAX_BATCH_BYTES) found.file = [t('errors.tooLarge', { maxMegabytes: MAX_MEGABYTES })];
    if (!type || !chosen || Object.keys(found).length > 0) return refuse(found);

    busy.current = true;
    setSending(true);
    loadPreview().catch(() => undefined);
    try {
      // A copy in memory: the preview sends it again with each fix, whatever happens to the file on disk.
      const upload: Upload = { type, file: new File([await chosen.arrayBuffer()], chosen.name, { type: chosen.type }) };
      const answer = await postBatch<BatchPreviewData>('check', upload, []);
      if (!answer.ok) return refuse(failureOf(answer));
      setErrors(null);
      setChecked((previous) => ({ upload, preview: answer.data, serial: (previous?.serial ?? 0) + 1 }));
    } catch {
      refuse({ file: [t('upload.failed')] });
    } finally {
      busy.current = false;
      setSending(false);
    }
  }

  const errorOf = (field: string) => errors?.[field]?.[0];

  return (
    <div className="flex flex-col gap-10">
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="flex flex-col gap-8">
        <ErrorSummary errors={errors} attempt={refusals} />
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 text-base font-semibold text-slate-900">{t('upload.type')}</legend>
          <AccountTypeChoice selected={type} onSelect={setType} describedBy={`${ids}-type-error`} />
          <p id={`${ids}-type-error`} role="alert" className="text-sm text-red-700 empty:hidden">
            {errorOf('type')}
          </p>
        </fieldset>

        <section aria-labelledby={`${ids}-template`} className="flex flex-col gap-2">
          <h2 id={`${ids}-template`} className="text-base font-semibold text-slate-900">
            {t('upload.template')}
          </h2>
          {type ? (
            <>
              <p className="text-sm text-slate-600">{t('upload.templateHint', { type: tt(`${type}.name`) })}</p>
              <div className="flex flex-wrap gap-3">
                {(['xlsx', 'csv'] as const).map((format) => (
                  <a key={format} href={`/api/orders/batches/template?type=${type}&format=${format}`} download className={buttonClasses('secondary')}>
                    {t(format === 'csv' ? 'upload.templateCsv' : 'upload.templateXlsx')}
                  </a>
                ))}
              </div>
            </>
          ) : (
            <p className="text-sm text-slate-600">{t('upload.templateChooseType')}</p>
          )}
        </section>

        <div className="flex flex-col gap-1">
          <label htmlFor={`${ids}-file`} className="text-base font-semibold text-slate-900">
            {t('upload.file')}
          </label>
          <p id={`${ids}-file-hint`} className="text-sm text-slate-600">
            {t('upload.fileHint', { rows: MAX_BATCH_ROWS, maxMegabytes: MAX_MEGABYTES })}
          </p>
          <input
            id={`${ids}-file`}
            name="file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={errorOf('file') ? true : undefined}
            aria-describedby={`${ids}-file-hint ${ids}-file-error`}
            className={cn(
              'mt-1 min-h-10 w-full min-w-0 rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1 file:font-semibold file:text-slate-800',
              'focus:outline-2 focus:outline-offset-1 focus:outline-teal-700',
              errorOf('file') ? 'border-red-600' : 'border-slate-300',
            )}
          />
          <p id={`${ids}-file-error`} role="alert" className="text-sm text-red-700 empty:hidden">
            {errorOf('file')}
          </p>
        </div>

        <div>
          <Button type="submit" disabled={sending}>
            {sending ? t('upload.checking') : t('upload.check')}
          </Button>
        </div>
      </form>

      {checked && <BatchPreview key={checked.serial} upload={checked.upload} initial={checked.preview} />}
    </div>
  );
}
