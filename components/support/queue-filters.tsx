'use client';

import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { SelectField, type SelectOption } from '@/components/ui/select-field';
import { PartnerFilter } from './partner-filter';

interface Select {
  name: string;
  label: string;
  defaultValue: string;
  options: SelectOption[];
}

/**
 * The queue's filters. A client component for the same reason as OrderRows: the page's RSC
 * payload carries the selects' options as data, not as some sixty elements the server would
 * render twice (into the payload and into the HTML). The form still works without script.
 */
export function QueueFilters(props: {
  /** The selects before the partner search, and after it. */
  before: Select[];
  after: Select[];
  partner: { label: string; placeholder: string; defaultValue?: string };
  /** Kept when the filters change: the queue of one batch. */
  batch?: string;
  applyLabel: string;
  /** A link back to the unfiltered queue, when something is filtered. */
  clearLabel?: string;
}) {
  return (
    <form action="/support" className="mb-4 grid grid-cols-2 items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-3 lg:grid-cols-6">
      {props.before.map((select) => (
        <SelectField key={select.name} {...select} />
      ))}
      {/* A whole row on phones: the hint fits. */}
      <PartnerFilter className="col-span-2 sm:col-span-1" {...props.partner} />
      {props.after.map((select) => (
        <SelectField key={select.name} {...select} />
      ))}
      <div className="col-span-2 flex gap-2 sm:col-span-1">
        {props.batch && <input type="hidden" name="batch" value={props.batch} />}
        <button className={buttonClasses('secondary')}>{props.applyLabel}</button>
        {props.clearLabel && (
          <Link href="/support" className={buttonClasses('ghost')}>
            {props.clearLabel}
          </Link>
        )}
      </div>
    </form>
  );
}
