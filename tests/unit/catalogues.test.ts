import { isStructurallySame, parse } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { locales } from '@/lib/i18n/config';
import en from '@/lib/i18n/messages/en.json';
import fi from '@/lib/i18n/messages/fi.json';
import sv from '@/lib/i18n/messages/sv.json';

type Catalogue = { [key: string]: string | Catalogue };
const catalogues: Record<string, Catalogue> = { en, fi, sv };

/** Every message under its dotted key ("orders.title"). */
function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const messages = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    if (typeof value === 'string') messages.set(prefix + key, value);
    else for (const [inner, message] of flatten(value, `${prefix}${key}.`)) messages.set(inner, message);
  }
  return messages;
}

const english = flatten(en);
const others = locales.filter((locale) => locale !== 'en');

describe('the message catalogues', () => {
  it('has one per language the portal offers', () => {
    expect(Object.keys(catalogues).sort()).toEqual([...locales].sort());
  });

  describe.each(others)('%s', (locale) => {
    const messages = flatten(catalogues[locale]!);

    it("has exactly English's keys", () => {
      expect([...english.keys()].filter((key) => !messages.has(key)), 'missing').toEqual([]);
      expect([...messages.keys()].filter((key) => !english.has(key)), 'extra').toEqual([]);
    });

    it('fills the same placeholders, plurals and selects as English in every message', () => {
      const mismatches = [...english].flatMap(([key, source]) => {
        const translated = messages.get(key);
        if (translated === undefined) return [];
        const same = isStructurallySame(parse(source), parse(translated));
        return same.success ? [] : [`${key}: ${same.error?.message}`];
      });
      expect(mismatches).toEqual([]);
    });

    it('keeps "Ref {reference}" in the password SMS, which finds a sent message again at Twilio', () => {
      expect(messages.get('sms.credentials')).toContain('Ref {reference}');
    });
  });
});
