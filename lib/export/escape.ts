/**
 * Text made safe to put in HTML or XML, in element content and in quoted attributes alike.
 * Characters XML forbids (control characters but tab and line breaks) are dropped.
 */
export function escapeMarkup(value: string | number): string {
  return (
    String(value)
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;')
  );
}
