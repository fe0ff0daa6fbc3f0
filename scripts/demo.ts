// `npm run demo`: builds the extension, serves the demo shop and opens Chromium with
// Touchtrail loaded on it. `npm run demo -- --walk` (also used when there is no display)
// records a journey through the real side panel, headless, and writes what it produced.
// `npm run demo -- --pictures` writes the README's pictures of the dashboard (docs/*.png).
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serveDemoSite, type DemoSite } from '../tests/fixtures/site/server';
import { BUILD_DIR, launchWithExtension, openSidePanel, prepareGrantedBuild } from '../tests/e2e/support/browser';
import { recordDemoWalk } from './demo-walk';
import { writeDeckSlidePicture, writeOverviewPicture } from './readme-pictures';

const args = new Set(process.argv.slice(2));
const walk = args.has('--walk') || !hasDisplay();

function hasDisplay(): boolean {
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || process.platform !== 'linux';
}

function build() {
  if (args.has('--no-build')) return;
  console.log('Building the extension…');
  const result = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The build failed; see above.');
}

async function runWalk(site: DemoSite) {
  if (!args.has('--walk')) console.log('No display found, so the demo runs the scripted walkthrough headless.');
  const outDir = resolve('demo-output', new Date().toISOString().replace(/[:.]/g, '-'));
  await mkdir(outDir, { recursive: true });
  const session = await launchWithExtension(await prepareGrantedBuild(), { headless: true });
  try {
    const result = await recordDemoWalk(session, site.url);
    await writeFile(join(outDir, result.fileName), result.json);
    for (const shot of result.file.screenshots) {
      const seq = result.file.touchpoints.find((t) => t.id === shot.touchpointId)?.seq;
      await writeFile(join(outDir, `touchpoint-${seq}.webp`), Buffer.from(shot.image, 'base64'));
    }
    await writeFile(join(outDir, 'side-panel.png'), result.panelScreenshot);
    console.log(`\nRecorded ${result.file.touchpoints.length} touchpoints on the demo shop.`);
    console.log(`Export, screenshots and a picture of the side panel are in:\n  ${outDir}`);
  } finally {
    await session.close();
  }
}

async function writePictures() {
  await mkdir('docs', { recursive: true });
  const session = await launchWithExtension(BUILD_DIR, { headless: true });
  try {
    console.log(`wrote ${await writeOverviewPicture(session)}`);
  } finally {
    await session.close();
  }
  // A fresh profile: the sample study is loaded from an empty dashboard.
  const second = await launchWithExtension(BUILD_DIR, { headless: true });
  try {
    console.log(`wrote ${await writeDeckSlidePicture(second)}`);
  } finally {
    await second.close();
  }
}

async function runBrowser(site: DemoSite) {
  const session = await launchWithExtension(BUILD_DIR, { headless: false });
  const page = session.context.pages()[0] ?? (await session.context.newPage());
  await page.goto(site.url);
  await openSidePanel(session);
  console.log(`\nThe demo shop is at ${site.url}`);
  console.log('Touchtrail’s side panel is open in its own window; in the browser, the toolbar button opens it too.');
  console.log('Close the browser (or press Ctrl+C) to stop.');
  await new Promise<void>((done) => {
    session.context.on('close', () => done());
    process.once('SIGINT', () => done());
  });
  await session.close().catch(() => undefined);
}

build();
if (args.has('--pictures')) {
  await writePictures();
  process.exit(0);
}
const site = await serveDemoSite(Number(process.env.DEMO_PORT ?? 0));
try {
  await (walk ? runWalk(site) : runBrowser(site));
} finally {
  await site.close();
}
