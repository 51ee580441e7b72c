import { describe, expect, it } from 'vitest';
import { formatPhone, maskPhone, parseRecipientPhone, phoneLastDigits, type PhoneProblem } from '@/lib/phone';

describe('recipient phone for the SMS', () => {
  it.each([
    ['a Finnish mobile with spaces', '+358 40 123 4567', '+358401234567'],
    ['a Finnish 050 mobile', '+358 50 1234567', '+358501234567'],
    ['a Swedish mobile', '+46 70 123 45 67', '+46701234567'],
    ['a German mobile', '+49 1512 3456789', '+4915123456789'],
    ['a UK mobile', '+44 7911 123456', '+447911123456'],
    // The US numbering plan does not tell mobiles from landlines: FIXED_LINE_OR_MOBILE must pass.
    ['a US number', '+1 415 555 2671', '+14155552671'],
    ['an Estonian mobile', '+372 5123 4567', '+37251234567'],
    ['a number written with 00 instead of +', '00358 40 123 4567', '+358401234567'],
    ['a number with surrounding whitespace', '  +358 40 123 4567  ', '+358401234567'],
  ])('accepts %s', (_case, input, e164) => {
    expect(parseRecipientPhone(input)).toMatchObject({ ok: true, e164 });
  });

  it.each<[string, string, PhoneProblem]>([
    ['a national number without a country code', '040 123 4567', 'national'],
    ['a Helsinki landline', '+358 9 1234567', 'landline'],
    ['a Stockholm landline', '+46 8 123 456 78', 'landline'],
    ['a London landline', '+44 20 7946 0958', 'landline'],
    ['letters inside the number', '+358 40 ABC 4567', 'letters'],
    ['only letters', 'abc', 'letters'],
    ['a number cut short', '+358 40', 'tooShort'],
    ['a number with too many digits', '+358 40 123 4567 8901 234', 'tooLong'],
    ['an empty field', '', 'required'],
    ['a field of whitespace', ' \t  ', 'required'],
    ['a Finnish number with a prefix that does not exist', '+358 00 123 4567', 'invalid'],
  ])('rejects %s', (_case, input, problem) => {
    expect(parseRecipientPhone(input)).toEqual({ ok: false, problem });
  });

  it('formats a number in international form for display', () => {
    expect(formatPhone('+358401234567')).toBe('+358 40 1234567');
  });

  it('masks every digit but the last three and keeps the country code', () => {
    const masked = maskPhone('+358401234567');
    expect(masked.startsWith('+358 ')).toBe(true);
    expect(masked.endsWith('567')).toBe(true);
    const afterCode = masked.slice('+358 '.length);
    expect(afterCode).not.toMatch(/[01234]/);
    expect(afterCode.replace(/\D/g, '')).toBe('567');
  });

  it('names the last three digits', () => {
    expect(phoneLastDigits('+358401234567')).toBe('567');
  });
});
