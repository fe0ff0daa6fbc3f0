import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { expect, test } from './fixtures';
import { serveDemoSite } from '../fixtures/site/server';
import {
  GRANTED_BUILD_DIR,
  launchWithExtension,
  openSidePanel,
  pageAgentJoined,
  type ExtensionSession,
} from './support/browser';
import { ShopPage } from './pages/ShopPage';
import { SidePanel } from './pages/SidePanel';
import { holdScreenshots } from './support/hold-screenshot';
import { inspectImage } from './support/images';

// Faults a researcher meets over hours of walking: the browser closed and opened again, the page
// leaving in the middle of a capture. (A stopped service worker: tests/unit/worker-restart.test.ts.)

base('the browser closed mid-journey and opened again keeps the journey, recording or paused as it was', async () => {
  const site = await serveDemoSite();
  const profileDir = await mkdtemp(join(tmpdir(), 'touchtrail-reopened-'));
  // The first time, pages wait for the page agent as in every test; once reopened, the capture
  // itself brings the agent (whether it joined the page on its own is not what is tested here).
  const open = async (first = false) => {
    const session = await launchWithExtension(GRANTED_BUILD_DIR, { profileDir });
    const page = session.context.pages()[0] ?? (await session.context.newPage());
    const shop = new ShopPage(page, site.url, first ? (shown) => pageAgentJoined(session, shown) : undefined);
    await shop.open();
    return { session, shop, panel: new SidePanel(await openSidePanel(session)) };
  };
  let session: ExtensionSession | undefined;
  try {
    let walk = await open(true);
    session = walk.session;
    await walk.panel.createStudy('Reopened', 'Northwind Outfitters', walk.shop.page.url());
    await walk.panel.createPersona('Rae', 'Closes the laptop often', []);
    await walk.panel.startJourney('Two sittings', 'Buy boots over two days');
    await walk.panel.capture();
    await walk.shop.followLink('Shop the collection');
    await walk.panel.capture();
    await session.close(); // no goodbye: the browser simply goes

    walk = await open();
    session = walk.session;
    await expect(walk.panel.touchpoints).toHaveCount(2);
    await expect(walk.panel.page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await walk.panel.capture();
    await walk.panel.page.getByRole('button', { name: 'Pause' }).click();
    await expect(walk.panel.page.getByText('Paused: captures are off until you resume.')).toBeVisible();
    await session.close();

    walk = await open();
    session = walk.session;
    await expect(walk.panel.page.getByText('Paused: captures are off until you resume.')).toBeVisible();
    await expect(walk.panel.touchpoints).toHaveCount(3);
    const { file } = await walk.panel.export();
    expect(file.touchpoints.map((t) => t.seq)).toEqual([1, 2, 3]);
    for (const point of file.touchpoints) {
      const shot = file.screenshots.find((s) => s.touchpointId === point.id);
      expect(shot, `touchpoint ${point.seq} keeps its screenshot`).toBeDefined();
      // Every stored screenshot still decodes at the size its record gives.
      const decoded = await inspectImage(walk.panel.page, shot!.image, shot!.mime);
      expect([decoded.width, decoded.height]).toEqual([shot!.width, shot!.height]);
    }
  } finally {
    await session?.close();
    await rm(profileDir, { recursive: true, force: true });
    await site.close();
  }
});

test('a page that navigates away during a capture leaves nothing saved, and the researcher is told', async ({
  panel,
  shop,
  session,
}) => {
  await panel.createStudy('Restless page', 'Northwind Outfitters', shop.page.url());
  await panel.createPersona('Nat', 'Clicks fast', []);
  await panel.startJourney('Hurry', 'Leave pages quickly');
  const screenshot = await holdScreenshots(session);
  await panel.page.getByRole('button', { name: 'Capture touchpoint', exact: true }).click();
  // The page is masked and the screenshot about to be taken: now the page leaves.
  await screenshot.reached();
  await expect(shop.page.locator('touchtrail-layer')).toHaveCount(1);
  await shop.page.evaluate(() => void (location.href = 'help.html'));
  await shop.page.waitForURL(/help\.html$/);
  await screenshot.release();

  await expect(panel.page.getByRole('alert')).toContainText('The page changed while it was being captured');
  await expect(panel.touchpoints).toHaveCount(0);
  await expect(panel.page.locator('.capture-status')).toHaveText('');
  const { file } = await panel.export();
  expect(file.touchpoints).toEqual([]);
  expect(file.screenshots).toEqual([]);
});
