/**
 * The countries an applicant may name: the EU and the EEA, Switzerland and the United Kingdom,
 * where Poplapay's terminals are sold. Finland first. Their names come from Intl.DisplayNames in
 * the reader's language (countryName in lib/i18n/display.ts).
 */
export const applicationCountries = [
  'FI', 'SE', 'NO', 'DK', 'IS', 'EE', 'LV', 'LT', 'DE', 'PL', 'NL', 'BE', 'LU', 'FR', 'IE', 'GB', 'CH', 'LI', 'AT',
  'CZ', 'SK', 'HU', 'SI', 'HR', 'RO', 'BG', 'GR', 'CY', 'MT', 'IT', 'ES', 'PT',
] as const;

/** A VAT number starts with its country's code, except Greece's, which starts with EL. */
const vatPrefix = (country: string) => (country === 'GR' ? 'EL' : country);

/**
 * A VAT number as people write it ("SE 5566 7788 9901", "556677889901" for a Swedish company):
 * upper case, without spaces, dots or hyphens, with the country's prefix added when it was left
 * out. The shape check follows: the prefix, then 2 to 13 letters, digits, + or *.
 */
export function normaliseVatNumber(value: string, country: string) {
  const compact = value.toUpperCase().replace(/[\s.-]/g, '');
  return /^[A-Z]{2}/.test(compact) ? compact : `${vatPrefix(country)}${compact}`;
}

export const isVatNumberShape = (value: string, country: string) =>
  value.startsWith(vatPrefix(country)) && /^[A-Z]{2}[0-9A-Z+*]{2,13}$/.test(value);
