// Personal data in page text (issue 17): where in a string there is an email address, a phone
// number, a payment card number, an IBAN or an IP address. Runs in the page agent, so it stays
// small and has no dependencies. Each kind is found by a pattern and, where the data has one, its
// checksum (Luhn for cards, mod 97 for IBANs), so that prices, dates, order numbers and postcodes
// stay readable.

export type PersonalDataKind = 'email' | 'phone' | 'card' | 'iban' | 'ip';

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  /** The match is text.slice(start, end). */
  start: number;
  end: number;
}

interface Finder {
  kind: PersonalDataKind;
  pattern: RegExp;
  valid?: (found: string) => boolean;
}

const FINDERS: Finder[] = [
  { kind: 'email', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g },
  { kind: 'iban', pattern: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g, valid: ibanChecksum },
  // 13 to 19 digits, alone or in groups split by single spaces or dashes.
  { kind: 'card', pattern: /(?<![\d.,])\d(?:[ -]?\d){12,18}(?![\d.,]*\d)/g, valid: (s) => luhn(digitsOf(s)) },
  {
    kind: 'ip',
    pattern: /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\d.]*\d)/g,
  },
  { kind: 'ip', pattern: /(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])/g, valid: isIpv6 },
  // International: +, a country code, then 6 to 14 more digits in groups (a trunk 0 in brackets allowed).
  { kind: 'phone', pattern: /\+\d{1,3}(?:[ .-]?\(0\))?(?:[ .-]?\(?\d{1,4}\)?){2,6}(?!\d)/g, valid: phoneLength },
  // National: a trunk 0 or an area code in brackets, then groups of digits; 10 digits at least,
  // so that a ZIP+4 code (02134-1234) is not one, and never the tail of a longer run of digits.
  {
    kind: 'phone',
    pattern: /(?<![\d+][ ./-]?)(?:\(\d{2,5}\)|0\d{1,4})(?:[ ./-]?\d{2,4}){2,4}(?![\d.,]*\d)/g,
    valid: (s) => phoneLength(s) && digitsOf(s).length >= 10,
  },
  // North American: 555-123-4567, 555.123.4567.
  { kind: 'phone', pattern: /(?<![\d-])\d{3}[-.]\d{3}[-.]\d{4}(?![\d-])/g },
];

/** Every piece of personal data in the text, in order, none overlapping (the first kind listed wins). */
export function findPersonalData(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  for (const { kind, pattern, valid } of FINDERS) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (valid && !valid(match[0])) continue;
      if (found.some((other) => start < other.end && other.start < end)) continue;
      found.push({ kind, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

function ibanChecksum(text: string): boolean {
  const iban = text.replace(/ /g, '');
  if (iban.length < 15 || iban.length > 34) return false;
  const moved = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of moved) {
    const value = char >= 'A' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

function isIpv6(text: string): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half ? half.split(':') : []));
  if (groups.some((group) => !/^[0-9A-Fa-f]{1,4}$/.test(group))) return false;
  return halves.length === 2 ? groups.length <= 7 && groups.length >= 1 : groups.length === 8;
}

function phoneLength(text: string): boolean {
  const digits = digitsOf(text.replace('(0)', '')).length;
  return digits >= 8 && digits <= 15;
}

/**
 * One entry of a study's "always mask" list as a pattern: a phrase matches case-insensitively
 * with any run of spaces between its words; `/source/` is a regular expression (case-insensitive).
 * An error says why an entry cannot be used (shown to the researcher who typed it).
 */
export function alwaysMaskPattern(entry: string): RegExp | Error {
  const trimmed = entry.trim();
  if (!trimmed) return new Error('An empty entry masks nothing.');
  const regex = /^\/(.+)\/$/.exec(trimmed);
  if (!regex) {
    const words = trimmed.split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(words.join('\\s+'), 'giu');
  }
  let pattern: RegExp;
  try {
    pattern = new RegExp(regex[1]!, 'giu');
  } catch (error) {
    return new Error(`Not a valid pattern: ${(error as Error).message}`);
  }
  if (pattern.test('')) return new Error('This pattern matches empty text, so it would mask nothing useful.');
  return pattern;
}
