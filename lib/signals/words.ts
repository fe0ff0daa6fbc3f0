// What the signals' words (SignalWords.describe) make details of. The facts they read come from
// web pages: whatever a fact turns out to be, these give bounded text and never throw.

/** An element's label as a detail quotes it. */
export function quote(label: unknown): string {
  return typeof label === 'string' && label ? `“${label.slice(0, 60)}”` : 'an unlabelled element';
}

/** A duration in milliseconds, in seconds to a tenth. */
export function seconds(ms: unknown): string {
  return typeof ms === 'number' && Number.isFinite(ms) ? (ms / 1000).toFixed(1) : '?';
}

/** A text fact (a number as its digits), cut to `max` characters. */
export function text(value: unknown, max: number): string {
  return (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '').slice(0, max);
}
