const WEIGHTS = [7, 9, 10, 5, 8, 4, 2];

/**
 * A Finnish business ID (Y-tunnus): seven digits, a hyphen and a check digit. The check digit
 * is 11 minus the weighted sum mod 11 (0 when the remainder is 0; remainder 1 is never issued).
 */
export function isValidFinnishBusinessId(value: string) {
  const match = /^(\d{7})-(\d)$/.exec(value.trim());
  if (!match) return false;
  const digits = match[1]!;
  const remainder = [...digits].reduce((sum, digit, index) => sum + Number(digit) * WEIGHTS[index]!, 0) % 11;
  if (remainder === 1) return false;
  return (remainder === 0 ? 0 : 11 - remainder) === Number(match[2]);
}

/** Accepts the common ways people write one ("1234567-1", "12345671", "FI12345671"). */
export function normaliseFinnishBusinessId(value: string) {
  const compact = value.trim().toUpperCase().replace(/^FI/, '').replace(/[\s-]/g, '');
  return /^\d{8}$/.test(compact) ? `${compact.slice(0, 7)}-${compact.slice(7)}` : value.trim();
}
