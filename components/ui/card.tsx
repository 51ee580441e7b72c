import type { HTMLAttributes } from 'react';
import { cn } from './cn';

/** `.card` is in app/globals.css, below the utilities, so a colour or spacing given here wins. */
export function Card({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn('card', className)} {...props} />;
}
