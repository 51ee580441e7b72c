import { describe, expect, it } from 'vitest';
import messages from '@/lib/i18n/messages/en.json';
import { multiLine, oneLine } from '@/lib/validations/form-fields';

const problem = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((issue) => issue.message);

describe('one-line text', () => {
  it('trims and keeps ordinary text, accents and emoji included', () => {
    expect(oneLine().parse('  Åsa Öberg-Müller 🙂 ')).toBe('Åsa Öberg-Müller 🙂');
  });

  it('takes a pasted trailing line break as whitespace, not as a second line', () => {
    expect(oneLine().parse('Anna Virtanen\r\n')).toBe('Anna Virtanen');
  });

  it.each([
    ['CR LF', 'Anna\r\nBcc: someone@example.com'],
    ['LF', 'Anna\nVirtanen'],
    ['CR', 'Anna\rVirtanen'],
    ['a Unicode line separator', 'Anna\u2028Virtanen'],
    ['a Unicode paragraph separator', 'Anna\u2029Virtanen'],
    ['NEL', 'Anna\u0085Virtanen'],
  ])('refuses %s inside the text', (_case, value) => {
    expect(problem(oneLine().safeParse(value))).toEqual(['oneLine']);
  });

  it.each([
    ['NUL', 'Anna\u0000'],
    ['a tab', 'Anna\tVirtanen'],
    ['an escape', 'Anna\u001b[2J'],
    ['DEL', 'Anna\u007f'],
    ['a C1 control', 'Anna\u009b'],
  ])('refuses %s with the control character message only', (_case, value) => {
    // One message, not "too long" or "required" on top: the refinement stops the field there.
    expect(problem(oneLine().min(10, 'required').max(3, 'tooLong').safeParse(value))).toEqual(['controlCharacters']);
  });

  it('keeps a password exactly as typed when asked not to trim, and still refuses controls in it', () => {
    expect(oneLine({ trim: false }).parse(' secret with spaces ')).toBe(' secret with spaces ');
    expect(problem(oneLine({ trim: false }).safeParse('secret\u0000'))).toEqual(['controlCharacters']);
    expect(problem(oneLine({ trim: false }).safeParse('secret\n'))).toEqual(['oneLine']);
  });
});

describe('multi-line text', () => {
  it('keeps line breaks and tabs, written as "\\n" whatever the browser sent', () => {
    expect(multiLine().parse('  Line one\r\nLine two\rLine three\n\n\tIndented  ')).toBe('Line one\nLine two\nLine three\n\n\tIndented');
  });

  it.each([
    ['NUL', 'Integration\u0000'],
    ['a bell', 'Integration\u0007'],
    ['DEL', 'Integration\u007f'],
    ['NEL', 'Integration\u0085'],
  ])('refuses %s', (_case, value) => {
    expect(problem(multiLine().max(3, 'tooLong').safeParse(value))).toEqual(['controlCharacters']);
  });
});

describe('their messages', () => {
  it('are in the validation catalogue', () => {
    expect(messages.validation.oneLine).toMatch(/one line/);
    expect(messages.validation.controlCharacters).toMatch(/control characters/);
  });
});
