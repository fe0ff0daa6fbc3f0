// npm run bench [-- --short]: builds nothing itself (the npm script builds first), starts the
// demo shop and Chromium with the extension, runs each benchmark and prints a summary table.
// --short (CI) runs few iterations so the benchmarks cannot rot; it never fails on timings.

import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDemoSite } from '../fixtures/site/server';
import { SidePanel } from '../e2e/pages/SidePanel';
import { BUILD_DIR, launchWithExtension, openSidePanel, prepareGrantedBuild, VIEWPORT } from '../e2e/support/browser';
import { captureBenchmarks } from './capture.bench';
import { printTable, type BenchRow } from './stats';

const short = process.argv.includes('--short');

async function main() {
  const rows: BenchRow[] = [];
  const script = await readFile(join(BUILD_DIR, 'content-scripts/content.js'));
  const gzipped = gzipSync(script).length;
  rows.push({
    benchmark: '3 host page',
    figure: 'content script, gzipped',
    value: `${(gzipped / 1024).toFixed(1)} KB`,
    budget: '≤ 15 KB',
    met: gzipped <= 15 * 1024,
  });

  const site = await serveDemoSite();
  const session = await launchWithExtension(await prepareGrantedBuild());
  try {
    const shop = session.context.pages()[0] ?? (await session.context.newPage());
    await shop.setViewportSize(VIEWPORT);
    await shop.goto(new URL('index.html', site.url).href);
    const panel = new SidePanel(await openSidePanel(session));
    await panel.createStudy('Benchmarks', 'Northwind Outfitters', shop.url());
    await panel.createPersona('Bench', 'Measures things', []);
    await panel.startJourney('Bench walk', 'Capture many times');
    await shop.bringToFront();
    rows.push(...(await captureBenchmarks({ session, panel, shop, captures: short ? 4 : 30, burst: short ? 6 : 20 })));
  } finally {
    await session.close();
    await site.close();
  }
  console.log('');
  printTable(rows);
  console.log(`\n${short ? 'Short run (CI): few iterations, timings not judged.' : 'Full run.'}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
