import { test as base } from '@playwright/test';
import { serveDemoSite, type DemoSite } from '../fixtures/site/server';
import {
  GRANTED_BUILD_DIR,
  launchWithExtension,
  openSidePanel,
  pageAgentJoined,
  type ExtensionSession,
  type LaunchOptions,
} from './support/browser';
import { ShopPage } from './pages/ShopPage';
import { SidePanel } from './pages/SidePanel';

interface TestFixtures {
  /** How Chromium is started (`test.use({ launch: { deviceScaleFactor: 2 } })`); by default as everywhere. */
  launch: LaunchOptions;
  session: ExtensionSession;
  shop: ShopPage;
  panel: SidePanel;
}

/** Each test gets a fresh browser profile (so an empty database) with the extension loaded. */
export const test = base.extend<TestFixtures, { site: DemoSite }>({
  site: [
    async ({}, use) => {
      const site = await serveDemoSite();
      await use(site);
      await site.close();
    },
    { scope: 'worker' },
  ],
  launch: [{}, { option: true }],
  session: async ({ launch }, use) => {
    const session = await launchWithExtension(GRANTED_BUILD_DIR, launch);
    await use(session);
    await session.close();
  },
  shop: async ({ session, site }, use) => {
    const page = session.context.pages()[0] ?? (await session.context.newPage());
    const shop = new ShopPage(page, site.url, (shown) => pageAgentJoined(session, shown));
    await shop.open();
    await use(shop);
  },
  panel: async ({ session, shop }, use) => {
    void shop;
    await use(new SidePanel(await openSidePanel(session)));
  },
});

export { expect } from '@playwright/test';
