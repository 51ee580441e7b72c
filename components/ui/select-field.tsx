import type { SelectHTMLAttributes } from 'react';
import { cn } from './cn';

export interface SelectOption {
  value: string;
  label: string;
}

/**
 * SelectField's label and control (app/globals.css), for other controls that sit beside selects
 * (the queue's partner search).
 */
export const selectLabelClasses = 'select-label';
export const selectControlClasses = 'select-control';

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
