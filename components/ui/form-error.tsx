import type { ActionResult } from '@/lib/authz';
import { cn } from './cn';

/**
 * An action's failure that is about no single field (those show beside their fields),
 * announced to screen readers.
 */
export function FormError({ result, className }: { result: ActionResult<unknown> | null | undefined; className?: string }) {
  if (!result || result.ok || result.fieldErrors) return null;
  return (
    <p role="alert" className={cn('text-sm text-red-700', className)}>
      {result.message}
    </p>
  );
}
