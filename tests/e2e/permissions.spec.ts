import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { serveDemoSite } from '../fixtures/site/server';
import {
  BUILD_DIR,
  TOOLBAR_DEBUGGING_ARGS,
  launchWithExtension,
  type ExtensionSession,
  openSidePanel,
  pressToolbarButton,
  runExtensionCommand,
} from './support/browser';
import { ShopPage } from './pages/ShopPage';
import { SidePanel } from './pages/SidePanel';

base('the shipped manifest asks for no site access at install time', async () => {
  const manifest = JSON.parse(await readFile(join(BUILD_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  expect(manifest.host_permissions ?? []).toEqual([]);
  expect(manifest.optional_host_permissions).toEqual(['<all_urls>']);
  expect(manifest.content_scripts ?? []).toEqual([]);
  // No web page may message the extension; none of its files are open to pages either.
  expect(manifest.externally_connectable).toBeUndefined();
  expect(manifest.web_accessible_resources ?? []).toEqual([]);
  expect([...(manifest.permissions as string[])].sort()).toEqual(
    ['activeTab', 'contextMenus', 'scripting', 'sidePanel', 'storage', 'unlimitedStorage'].sort(),
  );
  expect(manifest.commands).toMatchObject({
    'capture-touchpoint': { suggested_key: { default: 'Alt+Shift+T' } },
    'pick-element': { suggested_key: { default: 'Alt+Shift+P' } },
  });
});

/**
 * A journey started with the site-access prompt left unanswered (automation cannot click it):
 * all sites declined, the walk recording anyway. The launch allows the toolbar button to be
 * pressed through the DevTools protocol.
 */
async function walkWithAccessDeclined(
  story: (walk: { session: ExtensionSession; shop: ShopPage; panel: SidePanel }) => Promise<void>,
) {
  const site = await serveDemoSite();
  const session = await launchWithExtension(BUILD_DIR, { chromiumArgs: TOOLBAR_DEBUGGING_ARGS });
  try {
    const shop = new ShopPage(session.context.pages()[0]!, site.url);
    await shop.open();
    const panel = new SidePanel(await openSidePanel(session));
    await panel.createStudy('Declined access', 'Northwind', site.url);
    await panel.createPersona('Eve', 'Careful about permissions', []);
    await panel.startJourney('Look around', 'Browse without granting access');
    await story({ session, shop, panel });
  } finally {
    await session.close();
    await site.close();
  }
}

base('without site access, a capture from the panel explains what to do and saves nothing', async () => {
  await walkWithAccessDeclined(async ({ panel }) => {
    await panel.page.getByRole('button', { name: 'Capture touchpoint', exact: true }).click();
    await expect(panel.page.getByRole('alert')).toContainText('no access to this site');
    await expect(panel.page.getByRole('alert')).toContainText('Alt+Shift+T');
    await expect(panel.touchpoints).toHaveCount(0);
  });
});

base('after declining site access, the toolbar button and then the shortcut each record a touchpoint', async () => {
  await walkWithAccessDeclined(async ({ session, shop, panel }) => {
    await shop.open('products.html');
    // The toolbar button gives Touchtrail this tab (activeTab) and captures it.
    await pressToolbarButton(session, shop.page);
    await expect(panel.touchpoints).toHaveCount(1);
    // The shortcut's command, run as Chrome runs it, captures the same tab again. (Chrome grants
    // activeTab for the shortcut as for the button; automation can only press the button.)
    await runExtensionCommand(session, 'capture-touchpoint');
    await expect(panel.touchpoints).toHaveCount(2);
    await expect(panel.touchpoint(2)).toContainText('All products');
    await expect(panel.captureFailure).toHaveCount(0);
  });
});
