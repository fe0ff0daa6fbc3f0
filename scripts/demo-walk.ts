import { readFile } from 'node:fs/promises';
import type { ExtensionSession } from '../tests/e2e/support/browser';
import { openSidePanel } from '../tests/e2e/support/browser';
import { ShopPage } from '../tests/e2e/pages/ShopPage';
import { SidePanel } from '../tests/e2e/pages/SidePanel';

/** A short walk through the demo shop, through the real side panel, as a researcher would do it. */
export async function recordDemoWalk(session: ExtensionSession, siteUrl: string) {
  const shop = new ShopPage(session.context.pages()[0] ?? (await session.context.newPage()), siteUrl);
  await shop.open();
  const panel = new SidePanel(await openSidePanel(session));

  await panel.createStudy('Northwind checkout audit', 'Northwind Outfitters', siteUrl);
  await panel.createPersona('Carl', 'First-time buyer of hiking boots', ['Buy boots for a trip next month']);
  await panel.startJourney('Buy boots', 'Buy a pair of hiking boots and pay by card');

  console.log('Capturing the home page…');
  await panel.capture();
  await panel.annotate(1, { stage: 'Awareness', emotion: '+1 Positive', notes: '' });
  await shop.followLink('Shop the collection');
  await shop.followLink('Ridge Runner boots');
  console.log('Capturing the product page…');
  await panel.capture();
  await panel.annotate(2, {
    stage: 'Consideration',
    severity: 'Minor',
    categories: ['Missing information'],
    notes: 'No size guide next to the size list',
    emotion: '0 Neutral',
  });
  await shop.followLink('Add to cart');
  await shop.followLink('Go to checkout');
  await shop.page.getByLabel('Email').fill('carl@example.com');
  await shop.page.getByLabel('Card number').fill('4111 1111 1111 1111');
  console.log('Capturing the checkout form (fields masked)…');
  await panel.capture();
  await panel.annotate(3, {
    stage: 'Purchase',
    severity: 'Major',
    categories: ['Trust / privacy'],
    notes: 'Card number asked before delivery costs are shown',
    emotion: '-2 Very negative',
    momentOfTruth: true,
    key: true,
  });
  await panel.addOffsiteTouchpoint();
  await panel.annotate(4, { title: 'Order confirmation email', stage: 'Retention', emotion: '+2 Very positive' });
  await panel.expand(3);
  const panelScreenshot = await panel.page.screenshot({ fullPage: true });
  await panel.endJourney();
  const exported = await panel.export();
  return { ...exported, json: await readFile(exported.path), panelScreenshot };
}
