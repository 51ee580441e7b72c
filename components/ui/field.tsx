import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { cn } from './cn';

interface FrameProps {
  label: string;
  hint?: string;
  error?: string;
  className?: string;
}

/**
 * Label, hint and error around one control. The error is tied to the control with
 * aria-describedby and announced to screen readers when it appears.
 */
function FieldFrame({ label, hint, error, className, control }: FrameProps & { control: (aria: Record<string, unknown>) => ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={cn('flex flex-col gap-1', className)}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-slate-500">
          {hint}
        </p>
      )}
      {control({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined,
        className: controlClasses(error),
      })}
      <p id={errorId} role="alert" className="text-sm text-red-700 empty:hidden">
        {error}
      </p>
    </div>
  );
}

const controlClasses = (error?: string) =>
  cn(
    'min-h-10 min-w-0 rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-sm sm:text-sm',
    'focus:outline-2 focus:outline-offset-1 focus:outline-teal-700',
    error ? 'border-red-600' : 'border-slate-300',
  );

/** A labelled input with its hint and error beside it. */
export function TextField({ label, hint, error, className, ...input }: InputHTMLAttributes<HTMLInputElement> & FrameProps) {
  return <FieldFrame label={label} hint={hint} error={error} className={className} control={(aria) => <input {...aria} {...input} />} />;
}

/** A labelled multi-line input, like {@link TextField}. */
export function TextAreaField({ label, hint, error, className, ...textarea }: TextareaHTMLAttributes<HTMLTextAreaElement> & FrameProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className} control={(aria) => <textarea rows={3} {...aria} {...textarea} />} />
  );
}

/** A labelled select with its hint and error beside it, like {@link TextField}. */
export function ChoiceField({
  label,
  hint,
  error,
  className,
  options,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & FrameProps & { options: { value: string; label: string }[] }) {
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      className={className}
      control={(aria) => (
        <select {...aria} {...select}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}
