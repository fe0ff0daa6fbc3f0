import { expect, test } from './fixtures';
import { inset, inspectImage } from './support/images';
import { MASK_COLOUR } from '../../lib/page-agent/masks';

const TYPED_EMAIL = 'carl.persona@example.com';

test('a researcher walks the demo shop as a persona and exports the journey', async ({ panel, shop }) => {
  await expect(panel.page.getByText(/Walk a website as one of your personas/)).toBeVisible();

  await panel.createStudy('Northwind checkout audit', 'Northwind Outfitters', shop.page.url());
  await panel.createPersona('Carl', 'First-time buyer of hiking boots', ['Buy boots for a trip next month']);
  await panel.startJourney('Buy boots', 'Buy a pair of hiking boots and pay by card');

  // Home → product → cart → checkout, one capture on each page.
  await panel.capture();
  await shop.followLink('Shop the collection');
  await shop.followLink('Ridge Runner boots');
  await panel.capture();
  await shop.followLink('Add to cart');
  await panel.capture();
  await shop.followLink('Go to checkout');
  await shop.page.getByLabel('Email').fill(TYPED_EMAIL);
  const emailBox = await shop.fieldBoxInScreenshot('Email');
  const viewport = await shop.viewportInDevicePixels();
  await panel.capture();

  // The newest touchpoint is on top, titled after its page, with its form open.
  await expect(panel.touchpoints.first().getByLabel('Title')).toHaveValue(
    'Checkout — Your details — Northwind Outfitters',
  );

  await panel.annotate(2, { stage: 'Consideration', emotion: '+1 Positive' });
  await panel.annotate(3, { stage: 'Purchase' });
  await panel.annotate(4, {
    stage: 'Purchase',
    severity: 'Major',
    categories: ['Complicated process', 'Trust / privacy'],
    notes: 'Asks for the card number before showing delivery costs',
    emotion: '-2 Very negative',
    momentOfTruth: true,
    key: true,
    considerations: { Appropriateness: '2', Endearment: '1' },
  });

  await panel.addOffsiteTouchpoint();
  await panel.annotate(5, { title: 'Order confirmation email', stage: 'Retention', channel: 'Email' });

  await panel.endJourney();
  const { file, fileName } = await panel.export();

  expect(fileName).toMatch(/^touchtrail-northwind-checkout-audit-buy-boots-\d{4}-\d{2}-\d{2}\.json$/);
  expect(file.format).toBe('touchtrail');
  expect(file.version).toBe(1);
  expect(file.journeys).toHaveLength(1);
  expect(file.journeys[0]?.status).toBe('done');
  expect(file.personas.map((p) => p.name)).toEqual(['Carl']);

  const points = file.touchpoints;
  expect(points.map((p) => p.seq)).toEqual([1, 2, 3, 4, 5]);
  expect(points.map((p) => p.stage)).toEqual(['Awareness', 'Consideration', 'Purchase', 'Purchase', 'Retention']);
  expect(points.map((p) => p.channel)).toEqual(['website', 'website', 'website', 'website', 'email']);
  expect(points.map((p) => p.source)).toEqual(['manual', 'manual', 'manual', 'manual', 'offsite']);
  expect(points.map((p) => new URL(p.url ?? 'about:blank').pathname)).toEqual([
    '/index.html',
    '/product.html',
    '/cart.html',
    '/checkout.html',
    'blank',
  ]);
  expect(points[1]?.emotion).toBe(1);
  expect(points[3]).toMatchObject({
    friction: {
      severity: 'major',
      categories: ['complicated-process', 'trust-privacy'],
      notes: 'Asks for the card number before showing delivery costs',
    },
    emotion: -2,
    momentOfTruth: true,
    key: true,
    considerations: { appropriateness: 2, endearment: 1 },
  });
  expect(points[4]?.title).toBe('Order confirmation email');
  expect(points[4]?.screenshotId).toBeUndefined();

  // Four screenshots, each a decodable image of the viewport's size.
  expect(file.screenshots).toHaveLength(4);
  for (const shot of file.screenshots) {
    const facts = await inspectImage(panel.page, shot.image, shot.mime);
    expect(facts).toMatchObject(viewport);
    expect(shot).toMatchObject(viewport);
  }

  // The typed email never reached the screenshot: inside the field there is only the mask.
  const checkoutShot = file.screenshots.find((s) => s.id === points[3]?.screenshotId);
  expect(checkoutShot).toBeDefined();
  const inside = await inspectImage(panel.page, checkoutShot!.image, checkoutShot!.mime, inset(emailBox, 3));
  expect(Math.max(...inside.regionSpread!)).toBeLessThanOrEqual(12);
  const maskRgb = MASK_COLOUR.match(/\d+/g)!.map(Number);
  inside.regionMean!.forEach((value, channel) => expect(Math.abs(value - maskRgb[channel]!)).toBeLessThanOrEqual(6));
  expect(JSON.stringify(file)).not.toContain(TYPED_EMAIL);
});
