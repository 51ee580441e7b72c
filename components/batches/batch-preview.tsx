'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { ConfirmAction } from '@/components/ui/confirm-action';
import type { ActionResult } from '@/lib/authz';
import type { RowProblem } from '@/lib/batches/check';
import type { BatchField } from '@/lib/batches/columns';
import type { BatchRow } from '@/lib/batches/parse';
import { previewCounts, type BatchPreview as BatchPreviewData } from '@/lib/batches/preview';
import { typeRequirements } from '@/lib/orders/model';
import type { CellEdit } from '@/lib/validations/batches';
import { CellEditor } from './cell-editor';
import { postBatch, type BatchAnswer, type BatchUpload } from './batch-request';
import { useWideScreen } from './use-wide-screen';

/** Rows on one page of the preview: a 1,000-row file is never 1,000 rows of DOM at once. */
const PAGE_SIZE = 50;

type Verdict = BatchPreviewData['verdicts'][number];
type Editing = { rowNumber: number; field: BatchField };

const fixButtonId = (prefix: string, rowNumber: number, field: BatchField) => `${prefix}-fix-${rowNumber}-${field}`;
const rowStatusId = (prefix: string, rowNumber: number) => `${prefix}-status-${rowNumber}`;

/**
 * Every row of a checked file with its verdict and, for each problem, the column as the file
 * names it and the order form's own message. Rows with problems are shown first (all rows at a
 * click), fifty at a time. A problem's cell is fixed in place: the server checks the whole file
 * again with the fix (duplicates are between rows), and the rows stay here in the browser
 * between fixes. Submitting sends the file and the fixes once more; the server checks every row
 * again and submits those that pass.
 */
export function BatchPreview({ upload, initial }: { upload: BatchUpload; initial: BatchPreviewData }) {
  const t = useTranslations('batches');
  const tv = useTranslations('validation');
  const te = useTranslations('errors');
  const router = useRouter();
  const prefix = useId().replace(/:/g, '');
  const wide = useWideScreen();
  const [preview, setPreview] = useState(initial);
  const [edits, setEdits] = useState<CellEdit[]>([]);
  // One key per preview: a double click or a retried submit finds the batch the first one made.
  const [clientKey] = useState(() => crypto.randomUUID());
  const initialCounts = previewCounts(initial.verdicts);
  const [onlyProblems, setOnlyProblems] = useState(initialCounts.invalid + initialCounts.warned > 0);
  const [page, setPage] = useState(0);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const focusNext = useRef<string | null>(null);

  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const counts = previewCounts(preview.verdicts);
  const rows = useMemo(() => new Map(preview.rows.map((row) => [row.rowNumber, row])), [preview.rows]);
  // A row fixed here stays in the list of problems, so the person sees it come right.
  const shown = useMemo(() => {
    const edited = new Set(edits.map((edit) => edit.rowNumber));
    return onlyProblems ? preview.verdicts.filter((row) => row.problems.length > 0 || edited.has(row.rowNumber)) : preview.verdicts;
  }, [preview.verdicts, edits, onlyProblems]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const visible = shown.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  const merchantType = typeRequirements[upload.type].merchant;

  const messageOf = (problem: RowProblem) => (tv.has(problem.message as never) ? tv(problem.message as never, problem.values as never) : problem.message);
  const failureOf = (answer: Extract<BatchAnswer<unknown>, { ok: false }>) =>
    answer.fieldErrors
      ? Object.values(answer.fieldErrors)[0]![0]!
      : answer.code === 'NETWORK'
        ? t('upload.failed')
        : answer.code === 'PAYLOAD_TOO_LARGE'
          ? t('preview.tooMuch')
          : te(answer.code);
  const statusText = (verdict: Verdict) =>
    verdict.verdict === 'invalid' ? t('preview.status.invalid') : verdict.problems.length > 0 ? t('preview.status.warning') : t('preview.status.ok');

  async function saveCell({ rowNumber, field }: Editing, value: string): Promise<string | null> {
    const next = [...edits.filter((edit) => edit.rowNumber !== rowNumber || edit.field !== field), { rowNumber, field, value }];
    const answer = await postBatch<BatchPreviewData>('check', upload, next);
    if (!answer.ok) return failureOf(answer);
    const verdict = answer.data.verdicts.find((row) => row.rowNumber === rowNumber);
    setPreview(answer.data);
    setEdits(next);
    setEditing(null);
    if (verdict) setAnnouncement(t('preview.rechecked', { row: rowNumber, status: statusText(verdict) }));
    focusNext.current = rowStatusId(prefix, rowNumber);
    return null;
  }

  const cancelEdit = () => {
    if (editing) focusNext.current = fixButtonId(prefix, editing.rowNumber, editing.field);
    setEditing(null);
  };

  async function submit(): Promise<ActionResult<null>> {
    const answer = await postBatch<{ batch: { id: string; number: number } }>('submit', upload, edits, { clientKey, readyRows: String(counts.ready) });
    if (answer.ok) {
      router.push(`/orders/batches/${answer.data.batch.id}`);
      return { ok: true, data: null };
    }
    if (answer.preview) {
      // The server found other rows ready than the page showed: show its answer and ask again.
      setPreview(answer.preview);
      const now = previewCounts(answer.preview.verdicts).ready;
      return { ok: false, code: 'CONFLICT', message: t('submit.changed', { count: now }) };
    }
    return { ok: false, code: answer.code === 'NETWORK' ? 'INTERNAL' : answer.code, message: failureOf(answer) };
  }

  /** Who the row orders for: the merchant and its business ID, or the recipient and their email, a line each. */
  const identify = (row: BatchRow | undefined) => {
    const cells = row?.cells ?? {};
    const [name, id] = merchantType ? [cells.merchantName, cells.merchantBusinessId] : [cells.recipientName, cells.recipientEmail];
    if (!name?.trim() && !id?.trim()) return <span className="block">{t('preview.empty')}</span>;
    return (
      <>
        {name?.trim() && <span className="block">{name}</span>}
        {id?.trim() && <span className="block text-slate-600">{id}</span>}
      </>
    );
  };

  const status = (verdict: Verdict) => (
    <span id={rowStatusId(prefix, verdict.rowNumber)} tabIndex={-1} className="inline-block rounded whitespace-nowrap focus:outline-2 focus:outline-offset-2 focus:outline-teal-700">
      <Badge tone={verdict.verdict === 'invalid' ? 'red' : verdict.problems.length > 0 ? 'amber' : 'teal'}>{statusText(verdict)}</Badge>
    </span>
  );

  const problemList = (verdict: Verdict) => {
    const row = rows.get(verdict.rowNumber);
    if (verdict.problems.length === 0) return <p className="text-sm text-slate-600">{t('preview.noProblems')}</p>;
    return (
      <ul className="flex list-none flex-col gap-3">
        {verdict.problems.map((problem) => {
          const value = row?.cells[problem.field] ?? '';
          const open = editing?.rowNumber === verdict.rowNumber && editing.field === problem.field;
          const error = problem.severity === 'error';
          return (
            <li key={`${problem.field}-${problem.message}`} className={cn('border-l-4 pl-3', error ? 'border-red-700' : 'border-amber-500')}>
              <p className="text-sm text-slate-900">
                <span className={cn('font-semibold', error ? 'text-red-800' : 'text-amber-900')}>{t(error ? 'preview.error' : 'preview.warning')}</span>{' '}
                <span className="font-semibold">{problem.column}</span>: {messageOf(problem)}
              </p>
              {open ? (
                <CellEditor
                  label={t('preview.editLabel', { column: problem.column, row: verdict.rowNumber })}
                  value={value}
                  save={(typed) => saveCell({ rowNumber: verdict.rowNumber, field: problem.field }, typed)}
                  cancel={cancelEdit}
                />
              ) : (
                <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
                  <span className="break-all">{value.trim() ? `“${value}”` : t('preview.empty')}</span>
                  <Button
                    id={fixButtonId(prefix, verdict.rowNumber, problem.field)}
                    variant="secondary"
                    className="min-h-8 px-3 py-1"
                    aria-label={t('preview.fixLabel', { column: problem.column, row: verdict.rowNumber })}
                    onClick={() => setEditing({ rowNumber: verdict.rowNumber, field: problem.field })}
                    disabled={editing !== null}
                  >
                    {t('preview.fix')}
                  </Button>
                </p>
              )}
            </li>
          );
        })}
      </ul>
    );
  };

  const wholeRow = (verdict: Verdict) => {
    const row = rows.get(verdict.rowNumber);
    return (
      <details className="mt-1 text-sm">
        <summary className="cursor-pointer text-teal-800 underline">{t('preview.wholeRow')}</summary>
        <dl className="mt-2 grid grid-cols-[minmax(0,auto)_minmax(0,1fr)] gap-x-3 gap-y-1">
          {preview.columns.map((column) => (
            <div key={column.field} className="contents">
              <dt className="text-slate-600">{column.header}</dt>
              <dd className="break-words text-slate-900">{row?.cells[column.field] || '–'}</dd>
            </div>
          ))}
        </dl>
      </details>
    );
  };

  return (
    <section aria-labelledby={`${prefix}-title`} className="flex flex-col gap-6">
      <div className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <h2 id={`${prefix}-title`} className="text-lg font-semibold text-slate-900">
          {t('preview.title', { file: upload.file.name })}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="batch-counts">
          <Count label={t('preview.counts.total')} value={counts.total} />
          <Count label={t('preview.counts.ready')} value={counts.ready} tone="text-teal-800" />
          <Count label={t('preview.counts.invalid')} value={counts.invalid} tone={counts.invalid ? 'text-red-800' : undefined} />
          <Count label={t('preview.counts.warned')} value={counts.warned} tone={counts.warned ? 'text-amber-900' : undefined} />
        </dl>
        <p role="status" className="text-sm font-medium text-slate-900 empty:hidden">
          {announcement}
        </p>
        {counts.ready > 0 ? (
          <div className="flex flex-col gap-2">
            <div>
              <ConfirmAction
                action={submit}
                fields={{}}
                trigger={t('submit.button', { count: counts.ready })}
                triggerVariant="primary"
                title={t('submit.confirmTitle', { count: counts.ready })}
                description={t('submit.confirmDescription', { count: counts.ready })}
                confirm={t('submit.confirm')}
                confirmVariant="primary"
                cancel={t('submit.cancel')}
              />
            </div>
            {counts.invalid > 0 && <p className="text-sm text-slate-700">{t('submit.leftOut', { count: counts.invalid })}</p>}
          </div>
        ) : (
          <p className="text-sm text-slate-700">{t('submit.nothingReady')}</p>
        )}
      </div>

      <fieldset className="flex flex-wrap gap-x-6 gap-y-2">
        <legend className="mb-2 text-sm font-semibold text-slate-900">{t('preview.show')}</legend>
        {[
          { only: true, label: t('preview.onlyProblems', { count: counts.invalid + counts.warned }) },
          { only: false, label: t('preview.allRows', { count: counts.total }) },
        ].map((option) => (
          <label key={String(option.only)} className="flex min-h-10 items-center gap-2 text-sm text-slate-900">
            <input
              type="radio"
              name={`${prefix}-show`}
              checked={onlyProblems === option.only}
              onChange={() => {
                setOnlyProblems(option.only);
                setPage(0);
              }}
              className="accent-teal-700"
            />
            {option.label}
          </label>
        ))}
      </fieldset>

      {shown.length === 0 ? (
        <p className="rounded-md bg-teal-50 px-3 py-2 text-sm text-teal-900">{t('preview.allReady')}</p>
      ) : wide ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t('preview.caption', { file: upload.file.name })}</caption>
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t('preview.row')}
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t('preview.statusHeader')}
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t(merchantType ? 'preview.merchant' : 'preview.recipient')}
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t('preview.problems')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {visible.map((verdict) => (
                <tr key={verdict.rowNumber} className="align-top">
                  <th scope="row" className="px-3 py-3 font-semibold text-slate-900">
                    {verdict.rowNumber}
                  </th>
                  <td className="px-3 py-3">{status(verdict)}</td>
                  <td className="max-w-64 px-3 py-3 break-words text-slate-900">
                    {identify(rows.get(verdict.rowNumber))}
                    {wholeRow(verdict)}
                  </td>
                  <td className="px-3 py-3">{problemList(verdict)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <ol className="flex list-none flex-col gap-3" aria-label={t('preview.caption', { file: upload.file.name })}>
          {visible.map((verdict) => (
            <li key={verdict.rowNumber} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 className="text-base font-semibold text-slate-900">{t('preview.rowNumber', { row: verdict.rowNumber })}</h3>
                {status(verdict)}
              </div>
              <div className="text-sm break-words text-slate-900">
                {identify(rows.get(verdict.rowNumber))}
                {wholeRow(verdict)}
              </div>
              {problemList(verdict)}
            </li>
          ))}
        </ol>
      )}

      {pages > 1 && (
        <nav aria-label={t('preview.pages')} className="flex flex-wrap items-center gap-3">
          <Button variant="secondary" onClick={() => setPage(current - 1)} disabled={current === 0}>
            {t('preview.previous')}
          </Button>
          <p className="text-sm text-slate-700" aria-live="polite">
            {t('preview.range', { from: current * PAGE_SIZE + 1, to: current * PAGE_SIZE + visible.length, total: shown.length })}
          </p>
          <Button variant="secondary" onClick={() => setPage(current + 1)} disabled={current === pages - 1}>
            {t('preview.next')}
          </Button>
        </nav>
      )}
    </section>
  );
}

function Count({ label, value, tone }: { label: string; value: number; tone?: string }): ReactNode {
  return (
    <div className="flex flex-col">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className={cn('text-2xl font-semibold text-slate-900', tone)}>{value}</dd>
    </div>
  );
}
