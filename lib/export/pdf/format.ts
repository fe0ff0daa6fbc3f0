/** "27 Nov 2026" in the researcher's locale. */
export function formatDay(time: number): string {
  return new Date(time).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}
