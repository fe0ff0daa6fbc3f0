import { describe, expect, it } from 'vitest';
import { alwaysMaskPattern, findPersonalData, type PersonalDataKind } from '../../lib/page-agent/personal-data';

/** What was found in the text, as [kind, matched text]. */
const found = (text: string) => findPersonalData(text).map((m) => [m.kind, text.slice(m.start, m.end)]);

describe('personal data in page text is found, exactly where it is', () => {
  it.each<[string, PersonalDataKind, string]>([
    ['Signed in as ada.lovelace+shop@example.co.uk.', 'email', 'ada.lovelace+shop@example.co.uk'],
    ['Call +44 20 7946 0958 today', 'phone', '+44 20 7946 0958'],
    ['Call +49 (0)30 901820', 'phone', '+49 (0)30 901820'],
    ['Tel. +1-202-555-0143', 'phone', '+1-202-555-0143'],
    ['Tel. 030 90182034', 'phone', '030 90182034'],
    ['Tel. 0161 496 0000', 'phone', '0161 496 0000'],
    ['Tel. 06 12 34 56 78', 'phone', '06 12 34 56 78'],
    ['Phone (0161) 496 0000', 'phone', '(0161) 496 0000'],
    ['Phone (202) 555-0143', 'phone', '(202) 555-0143'],
    ['Phone 202-555-0143', 'phone', '202-555-0143'],
    ['Card 4242 4242 4242 4242 on file', 'card', '4242 4242 4242 4242'],
    ['Card 4242-4242-4242-4242', 'card', '4242-4242-4242-4242'],
    ['Card 4012888888881881', 'card', '4012888888881881'],
    ['Amex 3782 822463 10005', 'card', '3782 822463 10005'],
    ['IBAN DE89 3704 0044 0532 0130 00', 'iban', 'DE89 3704 0044 0532 0130 00'],
    ['IBAN GB29NWBK60161331926819', 'iban', 'GB29NWBK60161331926819'],
    ['Last sign-in from 203.0.113.7', 'ip', '203.0.113.7'],
    ['from 2001:db8::8a2e:370:7334', 'ip', '2001:db8::8a2e:370:7334'],
    ['from 2001:0db8:85a3:0000:0000:8a2e:0370:7334.', 'ip', '2001:0db8:85a3:0000:0000:8a2e:0370:7334'],
  ])('%s', (text, kind, match) => {
    expect(found(text)).toEqual([[kind, match]]);
  });

  it('finds several in one text, in order', () => {
    expect(found('Ada <ada@example.com>, +33 1 42 68 53 00, card ending 4242')).toEqual([
      ['email', 'ada@example.com'],
      ['phone', '+33 1 42 68 53 00'],
    ]);
  });
});

describe('text that is not personal data stays readable', () => {
  it.each([
    ['a price', 'Total: $1,299.00 (was 1 499,00 €)'],
    ['a date', 'Delivered 2026-11-27, ordered 27.11.2026 at 14:30:05'],
    ['an order number', 'Order #100234567 · Invoice INV-2026-000183'],
    ['a 16-digit order number that fails the Luhn check', 'Order 4242 4242 4242 4241'],
    ['a ZIP code', 'Beverly Hills, CA 90210 · Boston, MA 02134-1234'],
    ['a postcode', 'London SW1A 1AA · 75008 Paris'],
    ['a quantity and a SKU', 'Qty 2 · SKU 8801643880218-BLK'],
    ['a version number', 'Version 2.14.3 of the app'],
    ['a time of day', 'Opens 09:00 – 17:30'],
    ['an IBAN with a wrong check digit', 'DE88 3704 0044 0532 0130 00'],
    ['a heading', 'Your order is confirmed'],
  ])('%s', (_what, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe("a study's own words are always masked", () => {
  const spans = (entry: string, text: string) => {
    const pattern = alwaysMaskPattern(entry);
    if (pattern instanceof Error) throw pattern;
    return [...text.matchAll(pattern)].map((m) => m[0]);
  };

  it('matches a phrase whatever its case and spacing', () => {
    expect(spans('Ada  Lovelace', 'Deliver to ADA LOVELACE,\nada\tlovelace')).toEqual([
      'ADA LOVELACE',
      'ada\tlovelace',
    ]);
  });

  it('takes characters that mean something in a pattern literally in a phrase', () => {
    expect(spans('12 Main St. (rear)', '12 Main St. (rear) / 12 Main Sta (rear)')).toEqual(['12 Main St. (rear)']);
  });

  it('reads /…/ as a regular expression', () => {
    expect(spans('/order-\\d{4}/', 'order-1234 and order-12')).toEqual(['order-1234']);
  });

  it.each([
    ['', 'An empty entry masks nothing.'],
    ['/(unclosed/', 'Not a valid pattern'],
    ['/a*/', 'matches empty text'],
  ])('refuses %j with a reason', (entry, reason) => {
    const result = alwaysMaskPattern(entry);
    expect(result).toBeInstanceOf(Error);
    expect((result as Error).message).toContain(reason);
  });
});
