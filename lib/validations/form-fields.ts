import { z } from 'zod';

/**
 * A group of checkboxes sent as a form: nothing checked sends nothing, one checked a string,
 * several a list (see formToObject in lib/authz.ts). Always a list once parsed.
 */
export const checkboxList = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]), z.array(item));

/** A single checkbox: sent as "on" (or "true") when checked, absent when not. */
export const checkbox = z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean());

/** A two-letter country code, Finland unless said otherwise. */
export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'countryInvalid')
  .default('FI');
