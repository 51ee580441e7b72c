import type { ButtonHTMLAttributes } from 'react';
import { cn } from './cn';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

/** `.btn` and its variants are in app/globals.css: written once, not in every button's HTML and RSC payload. */
export const buttonClasses = (variant: ButtonVariant = 'primary', className?: string) => cn('btn', `btn-${variant}`, className);

export function Button({
  variant = 'primary',
  className,
  type = 'button',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return <button type={type} className={buttonClasses(variant, className)} {...props} />;
}
