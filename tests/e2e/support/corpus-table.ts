/**
 * Prints a table of pages × capture paths, each cell "ok", "no field" or the first failure, and
 * the figure README quotes: how many pages passed every path.
 */
export function printCorpusTable(title: string, paths: readonly string[], rows: Map<string, Record<string, string>>) {
  const passed = (outcome: string) => outcome === 'ok' || outcome === 'no field';
  const width = Math.max(4, ...[...rows.keys()].map((id) => id.length));
  const lines = [
    `${title}`,
    ['page'.padEnd(width), ...paths.map((path) => path.padEnd(11))].join(' │ '),
    ...[...rows].map(([id, row]) =>
      [id.padEnd(width), ...paths.map((path) => cell(row[path] ?? 'not run').padEnd(11))].join(' │ '),
    ),
  ];
  const failures = [...rows].flatMap(([id, row]) =>
    paths.filter((path) => !passed(row[path] ?? 'not run')).map((path) => `  ${id} · ${path}: ${row[path]}`),
  );
  const whole = [...rows.values()].filter((row) => paths.every((path) => passed(row[path] ?? 'not run'))).length;
  lines.push(`${whole} of ${rows.size} pages, every path${failures.length ? '; failures:' : ''}`, ...failures);
  console.log(`\n${lines.join('\n')}\n`);
}

function cell(outcome: string): string {
  if (outcome === 'ok') return '✓';
  if (outcome === 'no field') return '– no field';
  return '✗';
}
