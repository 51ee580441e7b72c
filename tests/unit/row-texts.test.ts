import { millisecondsInHour as HOUR } from 'date-fns/constants';
import { describe, expect, it } from 'vitest';
import { orderRowData, rowDate, type RowIntl } from '@/components/orders/order-row-data';
import { formattingLocales, type Locale } from '@/lib/i18n/config';
import { remembered } from '@/lib/i18n/remembered';
import { getLocaleFormatter, getTranslator } from '@/lib/i18n/translator';

const intl = (locale: Locale) =>
  ({ t: getTranslator(locale), format: getLocaleFormatter(locale), locale: formattingLocales[locale] }) as unknown as RowIntl;
const order = (msLeft: number, status: 'on_track' | 'overdue' = 'on_track') => ({
  id: 'a4a0b0c4-9d8e-4f5a-8a2b-1c3d4e5f6a7b',
  number: 1001,
  recipientName: 'Recipient',
  merchantName: null,
  state: 'submitted' as const,
  deadline: { status, msLeft },
});

describe('list rows’ remembered texts', () => {
  it('gives each language its own deadline text for the same time left', () => {
    expect(orderRowData(order(2 * 24 * HOUR + 3 * HOUR), [], 'partner', intl('en')).deadline?.label).toBe('2 days 3 h left');
    const finnish = orderRowData(order(2 * 24 * HOUR + 3 * HOUR), [], 'partner', intl('fi')).deadline?.label;
    expect(finnish).not.toBe('2 days 3 h left');
    expect(finnish).toBe(getTranslator('fi')('deadline.on_track', { time: getTranslator('fi')('deadline.timeLeft', { days: 2, hours: 3 }) }));
  });

  it('tells apart what the text says: the hours, the status', () => {
    const en = intl('en');
    expect(orderRowData(order(5 * HOUR), [], 'support', en).deadline?.label).toBe('5 h left');
    expect(orderRowData(order(6 * HOUR), [], 'support', en).deadline?.label).toBe('6 h left');
    expect(orderRowData(order(-5 * HOUR, 'overdue'), [], 'support', en).deadline).toEqual({ tone: 'red', label: 'Overdue by 5 h' });
  });

  it('dates rows in Helsinki: an hour’s submissions share a date, midnight there starts the next', () => {
    const en = intl('en');
    // 21:30 UTC on 4 December is 23:30 in Helsinki (UTC+2); 22:10 UTC is already 5 December.
    expect(rowDate(new Date('2026-12-04T21:30:00Z'), en)).toBe('4 Dec 2026');
    expect(rowDate(new Date('2026-12-04T21:59:00Z'), en)).toBe('4 Dec 2026');
    expect(rowDate(new Date('2026-12-04T22:10:00Z'), en)).toBe('5 Dec 2026');
    expect(rowDate(new Date('2026-12-04T22:10:00Z'), intl('sv'))).not.toBe('5 Dec 2026');
  });

  it('makes a text once, and starts again rather than grow without end', () => {
    let made = 0;
    const make = () => `text ${++made}`;
    expect(remembered('xx-TEST', 'once', make)).toBe('text 1');
    expect(remembered('xx-TEST', 'once', make)).toBe('text 1');
    expect(remembered('yy-TEST', 'once', make)).toBe('text 2');
    for (let i = 0; i < 10_000; i++) remembered('xx-TEST', `filler ${i}`, () => '');
    expect(remembered('xx-TEST', 'once', make)).toBe('text 3');
  });

  it('keeps one formatter per language, dating in Helsinki by that language’s conventions', () => {
    expect(getLocaleFormatter('fi')).toBe(getLocaleFormatter('fi'));
    expect(getLocaleFormatter('sv')).not.toBe(getLocaleFormatter('fi'));
    const lateEvening = new Date('2026-12-04T22:10:00Z');
    expect(getLocaleFormatter('fi').dateTime(lateEvening, { dateStyle: 'medium', timeStyle: 'short' })).toBe('5.12.2026 klo 0.10');
    expect(getLocaleFormatter('en').dateTime(lateEvening, { dateStyle: 'medium', timeStyle: 'short' })).toBe('5 Dec 2026, 00:10');
  });
});
