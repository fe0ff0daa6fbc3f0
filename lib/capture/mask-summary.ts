import type { MaskCounts } from '../messaging/protocol';

/** Each kind as the researcher names it, one and many, in the order they are listed. */
const NAMES: [keyof MaskCounts, string, string][] = [
  ['field', 'field', 'fields'],
  ['email', 'email address', 'email addresses'],
  ['phone', 'phone number', 'phone numbers'],
  ['card', 'card number', 'card numbers'],
  ['iban', 'IBAN', 'IBANs'],
  ['ip', 'IP address', 'IP addresses'],
  ['word', 'of your own words', 'of your own words'],
  ['text', 'text run', 'text runs'],
  ['media', 'image or video', 'images and videos'],
  ['frame', 'embedded frame', 'embedded frames'],
];

/** "7 fields, 2 email addresses and 1 card number masked", or that nothing needed masking. */
export function describeMasked(counts: MaskCounts): string {
  const parts = NAMES.flatMap(([kind, one, many]) => {
    const count = counts[kind] ?? 0;
    return count > 0 ? [`${count.toLocaleString('en')} ${count === 1 ? one : many}`] : [];
  });
  if (parts.length === 0) return 'Nothing on the page needed masking.';
  const last = parts.pop()!;
  return `${parts.length ? `${parts.join(', ')} and ${last}` : last} masked.`;
}
