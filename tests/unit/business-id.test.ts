import { describe, expect, it } from 'vitest';
import { isValidFinnishBusinessId, normaliseFinnishBusinessId } from '@/lib/business-id';

// Check digits computed by hand: weights 7,9,10,5,8,4,2; r = sum mod 11; 0 when r = 0, else 11 - r.
describe('Finnish business ID', () => {
  it.each([
    ['0112038-9'], // r = 2
    ['2605261-8'], // r = 3
    ['3015678-6'], // r = 5
    ['2961234-2'], // r = 9
    ['2217574-1'], // r = 10
    ['0000000-0'], // r = 0: check digit 0
    [' 2605261-8 '], // surrounding whitespace
  ])('accepts %j', (id) => {
    expect(isValidFinnishBusinessId(id)).toBe(true);
  });

  it.each([
    ['a wrong check digit', '2605261-7'],
    ['another wrong check digit', '0112038-1'],
    ['no hyphen', '2605261'],
    ['six digits before the hyphen', '260526-18'],
    ['eight digits before the hyphen', '26052618-1'],
    ['letters', 'abcdefg-h'],
    ['an empty string', ''],
  ])('rejects %s', (_case, id) => {
    expect(isValidFinnishBusinessId(id)).toBe(false);
  });

  // 1234568: 7+18+30+20+40+24+16 = 155, 155 mod 11 = 1 — a remainder that is never issued.
  it.each(Array.from({ length: 10 }, (_, digit) => [`1234568-${digit}`]))(
    'rejects %s whose base has remainder 1, whatever the check digit',
    (id) => {
      expect(isValidFinnishBusinessId(id)).toBe(false);
    },
  );

  it.each([
    ['eight digits without a hyphen', '26052618', '2605261-8'],
    ['a VAT number', 'FI26052618', '2605261-8'],
    ['a lower-case VAT number', 'fi26052618', '2605261-8'],
    ['a VAT number with a space', 'FI 2605261 8', '2605261-8'],
    ['an ID with surrounding whitespace', ' 2605261-8 ', '2605261-8'],
    ['something unparseable, only trimmed', '  not an id  ', 'not an id'],
    ['too few digits, only trimmed', ' 1234567 ', '1234567'],
  ])('normalises %s', (_case, input, output) => {
    expect(normaliseFinnishBusinessId(input)).toBe(output);
  });

  it('normalises to an ID that then validates', () => {
    expect(isValidFinnishBusinessId(normaliseFinnishBusinessId('FI26052618'))).toBe(true);
  });
});
