import type { SelectHTMLAttributes } from 'react';
import { cn } from './cn';

export interface SelectOption {
  value: string;
  label: string;
}

/** A labelled select; the label wraps it, so it is the select's accessible name. */
export function SelectField({ label, options, className, ...select }: SelectHTMLAttributes<HTMLSelectElement> & { label: string; options: SelectOption[] }) {
  return (
    <label className={cn('flex min-w-0 flex-col gap-1 text-sm font-medium text-slate-800', className)}>
      {label}
      <select className="min-h-10 w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 text-base font-normal sm:text-sm" {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
