// `npm run size`: what each entry of the built extension makes the browser load at first (the
// entry and every chunk it imports statically), gzipped and not, and the chunks loaded only on
// demand (dynamic import), so that a regression shows at a glance. Reads .output/chrome-mv3 (or
// the folder given) as `wxt build` left it.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = process.argv[2] ?? '.output/chrome-mv3';
const KB = 1000;

interface Budget {
  /** What is measured: "raw" bytes or "gzip" bytes of the entry's first load. */
  of: 'raw' | 'gzip';
  max: number;
  /** How the issue states it, when kB would misstate it. */
  label?: string;
}
const BUDGETS: Record<string, Budget> = {
  'background.js': { of: 'raw', max: 120 * KB },
  // As `npm run bench` measures it: 10 × 1,024 bytes at gzip's default level.
  'page-agent.js': { of: 'gzip', max: 10 * 1024, label: '≤ 10 KB (10,240 B) gzip' },
};

const files = walk(root).filter((file) => /\.(js|css)$/.test(file));
const size = (file: string) => statSync(join(root, file)).size;
const gzip = (file: string) => gzipSync(readFileSync(join(root, file))).length;

/** The chunks a script imports statically (`import … from "./x.js"`, `export … from`), not `import("…")`. */
function staticImports(file: string): string[] {
  const code = readFileSync(join(root, file), 'utf8');
  const found = [...code.matchAll(/(?:\bimport|\bfrom)\s*["']([^"']+\.js)["']/g)].map((m) => m[1]!);
  return found.map((path) => posix.normalize(posix.join(posix.dirname(file), path)));
}

function firstLoad(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !files.includes(file)) return;
    seen.add(file);
    if (file.endsWith('.js')) staticImports(file).forEach(visit);
  };
  visit(entry);
  return [...seen];
}

/** An HTML page's own scripts and style sheets. */
function pageAssets(html: string): string[] {
  const text = readFileSync(join(root, html), 'utf8');
  return [...text.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
}

const entries: [string, string[]][] = [
  ['background.js', ['background.js']],
  ['page-agent.js', ['page-agent.js']],
  ['page-tools.js', ['page-tools.js']],
  ...readdirSync(root)
    .filter((name) => name.endsWith('.html'))
    .map((html): [string, string[]] => [html, pageAssets(html)]),
];

const loadedFirst = new Set<string>();
const rows = entries.map(([name, roots]) => {
  const loaded = [...new Set(roots.flatMap(firstLoad))];
  loaded.forEach((file) => loadedFirst.add(file));
  const raw = loaded.reduce((sum, file) => sum + size(file), 0);
  const zipped = loaded.reduce((sum, file) => sum + gzip(file), 0);
  const budget = BUDGETS[name];
  const measured = budget?.of === 'gzip' ? zipped : raw;
  return {
    entry: name,
    files: String(loaded.length),
    raw: kb(raw),
    gzip: kb(zipped),
    budget: budget ? (budget.label ?? `≤ ${kb(budget.max)} ${budget.of}`) : '',
    met: budget ? (measured <= budget.max ? 'yes' : 'NO') : '',
  };
});
const onDemand = files
  .filter((file) => !loadedFirst.has(file))
  .map((file) => ({ entry: `  ${file}`, files: '', raw: kb(size(file)), gzip: kb(gzip(file)), budget: '', met: '' }));

printTable([...rows, { entry: 'loaded on demand:', files: '', raw: '', gzip: '', budget: '', met: '' }, ...onDemand]);

function kb(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} kB`;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [relative(root, path).split(/[\\/]/).join('/')];
  });
}

function printTable(table: Record<string, string>[]) {
  const columns = Object.keys(table[0]!);
  const widths = columns.map((c) => Math.max(c.length, ...table.map((row) => row[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ');
  console.log(`First load of each entry of ${root} (the entry and every chunk it imports statically):\n`);
  console.log(line(columns));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of table) console.log(line(columns.map((c) => row[c]!)));
}
