'use client';

import { useTranslations } from 'next-intl';
import { cn } from '@/components/ui/cn';
import { accountTypes, type AccountType } from '@/lib/orders/model';

interface Props {
  /** The type shown as chosen (the highlighted card). */
  selected: AccountType | undefined;
  onSelect: (type: AccountType) => void;
  /** The id of the error message beside the choice. */
  describedBy: string;
  /**
   * Given, the radios belong to the form (uncontrolled, starting here), as the order form's
   * react-hook-form reads them from the page; absent, they follow `selected`.
   */
  initial?: string;
}

/** The account types as radio cards, each with its name and what it is for; sent as `type`. */
export function AccountTypeChoice({ selected, onSelect, describedBy, initial }: Props) {
  const tt = useTranslations('accountTypes');
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {accountTypes.map((option) => (
        <label
          key={option}
          className={cn(
            'flex cursor-pointer gap-3 rounded-lg border bg-white p-3 shadow-sm',
            selected === option ? 'border-teal-700 ring-2 ring-teal-700/20' : 'border-slate-200 hover:border-slate-300',
          )}
        >
          <input
            type="radio"
            name="type"
            value={option}
            {...(initial === undefined ? { checked: selected === option } : { defaultChecked: initial === option })}
            onChange={() => onSelect(option)}
            aria-describedby={describedBy}
            className="mt-1 accent-teal-700"
          />
          <span>
            <span className="block text-sm font-semibold text-slate-900">{tt(`${option}.name`)}</span>
            <span className="block text-sm text-slate-600">{tt(`${option}.summary`)}</span>
          </span>
        </label>
      ))}
    </div>
  );
}
