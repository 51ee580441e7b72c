/**
 * A country's name for a code ("FI" → "Suomi", "Finland"), in the reader's formatting locale;
 * the code itself only if Intl does not know it.
 */
export function countryName(code: string, formattingLocale: string) {
  try {
    return new Intl.DisplayNames([formattingLocale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
