import type { SelectHTMLAttributes } from 'react';
import { cn } from './cn';

export interface SelectOption {
  value: string;
  label: string;
}

/** SelectField's label and control, for other controls that sit beside selects (the queue's partner search). */
export const selectLabelClasses = 'flex min-w-0 flex-col gap-1 text-sm font-medium text-slate-800';
export const selectControlClasses = 'min-h-10 w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 text-base font-normal sm:text-sm';

/** A labelled select; the label wraps it, so it is the select's accessible name. */
export function SelectField({ label, options, className, ...select }: SelectHTMLAttributes<HTMLSelectElement> & { label: string; options: SelectOption[] }) {
  return (
    <label className={cn(selectLabelClasses, className)}>
      {label}
      <select className={selectControlClasses} {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
