import { useId, type InputHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { cn } from './cn';

/**
 * A labelled input with its hint and error beside it. The error is tied to the input with
 * aria-describedby and announced to screen readers when it appears.
 */
export function TextField({
  label,
  hint,
  error,
  className,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string; error?: string }) {
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
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        className={controlClasses(error)}
        {...input}
      />
      <p id={errorId} role="alert" className="min-h-0 text-sm text-red-700 empty:hidden">
        {error}
      </p>
    </div>
  );
}

const controlClasses = (error?: string) =>
  cn(
    'min-h-10 rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-sm sm:text-sm',
    'focus:outline-2 focus:outline-offset-1 focus:outline-teal-700',
    error ? 'border-red-600' : 'border-slate-300',
  );

/** A labelled multi-line input, like {@link TextField}. */
export function TextAreaField({
  label,
  hint,
  error,
  className,
  ...textarea
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; hint?: string; error?: string }) {
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
      <textarea
        id={id}
        rows={3}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        className={controlClasses(error)}
        {...textarea}
      />
      <p id={errorId} role="alert" className="text-sm text-red-700 empty:hidden">
        {error}
      </p>
    </div>
  );
}
