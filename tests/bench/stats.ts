/** Median, 95th percentile and mean of a list of figures (milliseconds, bytes...). */
export function summarize(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return {
    n: values.length,
    median: at(0.5),
    p95: at(0.95),
    mean: values.reduce((a, b) => a + b, 0) / (values.length || 1),
  };
}

export interface BenchRow {
  benchmark: string;
  figure: string;
  value: string;
  budget: string;
  met: boolean;
}

export function printTable(rows: BenchRow[]) {
  const widths = ['benchmark', 'figure', 'value', 'budget'].map((key) =>
    Math.max(key.length, ...rows.map((r) => String(r[key as keyof BenchRow]).length)),
  );
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
  console.log(line(['benchmark', 'figure', 'value', 'budget']) + ' | met');
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-') + '-|----');
  for (const r of rows) console.log(line([r.benchmark, r.figure, r.value, r.budget]) + ` | ${r.met ? 'yes' : 'NO'}`);
}

export const ms = (value: number) => `${value.toFixed(0)} ms`;
