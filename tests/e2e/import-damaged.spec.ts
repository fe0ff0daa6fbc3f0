// A bundle damaged on its way between two researchers: the dashboard refuses it, naming the
// file, and adds nothing. Chromium's own decoder judges the images, as for a researcher.

import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { expect, test } from './fixtures';
import { Dashboard } from './pages/Dashboard';
import { GRANTED_BUILD_DIR, launchWithExtension } from './support/browser';

/** The sample study as its researcher exports it: the bundle's bytes. */
async function exportSampleBundle(dashboard: Dashboard): Promise<Uint8Array> {
  await dashboard.loadSample();
  await dashboard.page.getByText('Export study', { exact: true }).click();
  const done = dashboard.page.waitForEvent('download');
  await dashboard.page.getByRole('button', { name: 'Bundle (.zip)', exact: true }).click();
  return new Uint8Array(await readFile(await (await done).path()));
}

/** Where `part` first occurs in `bytes`. */
function indexOf(bytes: Uint8Array, part: Uint8Array): number {
  outer: for (let at = 0; at + part.length <= bytes.length; at++) {
    for (let i = 0; i < part.length; i++) if (bytes[at + i] !== part[i]) continue outer;
    return at;
  }
  throw new Error('not found');
}

/** The first 64 bytes (every header field the import reads) kept, the rest scrambled. */
function scrambledAfterHeader(image: Uint8Array): Uint8Array {
  return image.map((byte, i) => (i < 64 ? byte : (byte * 31 + i) & 0xff));
}

test('a researcher is told which screenshot of a damaged bundle is broken, and nothing is added', async ({
  session,
}) => {
  const mine = await Dashboard.open(session);
  const bundle = await exportSampleBundle(mine);
  const files = unzipSync(bundle);
  const manifest = JSON.parse(strFromU8(files['touchtrail.json']!)) as { screenshots: { image: string }[] };
  const broken = manifest.screenshots[4]!.image;

  // Scrambled after its header, the zip's checksum made to match (zipSync computes it): only
  // decoding the image finds it.
  const entries: Zippable = { ...files, [broken]: [scrambledAfterHeader(files[broken]!), { level: 0 }] };
  const scrambled = zipSync(entries);
  // One byte flipped in the middle of the same screenshot, the checksum left as it was.
  const flipped = bundle.slice();
  const at = indexOf(flipped, files[broken]!) + (files[broken]!.length >> 1);
  flipped[at] = flipped[at]! ^ 0xff;

  const theirs = await launchWithExtension(GRANTED_BUILD_DIR);
  try {
    const dashboard = await Dashboard.open(theirs);
    await dashboard.importFile('scrambled.zip', scrambled);
    await expect(dashboard.importRefusal).toHaveText(
      `Nothing was imported from scrambled.zip. ${broken} does not decode as an image; the file is refused.`,
    );
    await dashboard.importFile('flipped.zip', flipped);
    await expect(dashboard.importRefusal).toHaveText(
      `Nothing was imported from flipped.zip. The bundle entry ${broken} is damaged: its bytes do not match its CRC-32 checksum; the file is refused.`,
    );
    await expect(
      dashboard.page.getByRole('main').getByRole('link', { name: 'Sample: car insurance quote' }),
    ).toHaveCount(0);

    // The intact bundle imports whole: the refusals above were the damage, not the bundle.
    await dashboard.importFile('intact.zip', bundle);
    await expect(dashboard.page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('33 added');
  } finally {
    await theirs.close();
  }
});
