import { expect, test } from './fixtures';
import { pageAgentJoined, type ExtensionSession } from './support/browser';
import { inspectImage } from './support/images';

test.beforeEach(async ({ panel, shop }) => {
  await panel.createStudy('Pick', 'Northwind Outfitters', shop.page.url());
  await panel.createPersona('Pat', 'Precise researcher', []);
  await panel.startJourney('Pick elements', 'Mark exactly what the persona clicked');
  await shop.open('cart.html');
});

test('a picked element is recorded with its descriptor, marked in the screenshot, and the page never gets the click', async ({
  panel,
  shop,
}) => {
  await panel.page.getByRole('button', { name: 'Pick element' }).click();
  const giftWrap = shop.page.getByRole('button', { name: 'Add gift wrap' });
  await giftWrap.hover();
  await giftWrap.click();
  await expect(panel.touchpoints).toHaveCount(1);
  await expect(panel.touchpoint(1).getByLabel('Title')).toHaveValue('Add gift wrap — Your cart — Northwind Outfitters');
  // The page did not see the click that picked the button.
  await expect(shop.page.locator('#gift-wrap-status')).toHaveText('');

  const box = (await giftWrap.boundingBox())!;
  const { file } = await panel.export();
  const point = file.touchpoints[0]!;
  expect(point.source).toBe('picked');
  expect(point.element).toMatchObject({
    selector: '#gift-wrap',
    ariaSelector: 'button "Add gift wrap"',
    text: 'Add gift wrap',
    role: 'button',
  });
  expect(point.element!.rect.width).toBeCloseTo(box.width, 0);
  expect(point.element!.rect.y).toBeCloseTo(box.y, 0);

  // The highlight box (orange) is drawn around the element; the picker's blue outline is not there.
  const shot = file.screenshots[0]!;
  const leftEdge = await inspectImage(panel.page, shot.image, shot.mime, {
    x: box.x - 4,
    y: box.y + box.height / 2 - 2,
    width: 3,
    height: 4,
  });
  const [r, g, b] = leftEdge.regionMean!;
  expect(r).toBeGreaterThan(180);
  expect(g).toBeLessThan(140);
  expect(b).toBeLessThan(90);
});

test('Escape leaves pick mode without recording, and the page works as before', async ({ panel, shop }) => {
  await panel.page.getByRole('button', { name: 'Pick element' }).click();
  const giftWrap = shop.page.getByRole('button', { name: 'Add gift wrap' });
  await giftWrap.hover();
  await expect(shop.page.locator('touchtrail-layer')).toHaveCount(1);
  await shop.page.keyboard.press('Escape');
  await expect(shop.page.locator('touchtrail-layer')).toHaveCount(0);
  await giftWrap.click();
  await expect(shop.page.locator('#gift-wrap-status')).toHaveText('Gift wrap added (€3)');
  await expect(panel.touchpoints).toHaveCount(0);
});

test('the picker overlay is closed to the page: its scripts cannot read it', async ({ panel, shop }) => {
  await panel.page.getByRole('button', { name: 'Pick element' }).click();
  await shop.page.getByRole('button', { name: 'Add gift wrap' }).hover();
  await expect(shop.page.locator('touchtrail-layer')).toHaveCount(1);
  const seenByPage = await shop.page.evaluate(() => {
    const layer = document.querySelector('touchtrail-layer');
    return { shadowRoot: layer?.shadowRoot ?? null, children: layer?.children.length };
  });
  expect(seenByPage).toEqual({ shadowRoot: null, children: 0 });
  await shop.page.keyboard.press('Escape');
});

/** What the extension's own scripts have left in the isolated world of the tab showing `url`. */
async function scriptsInPage(session: ExtensionSession, url: string) {
  return session.worker.evaluate(async (pageUrl) => {
    const api = (globalThis as unknown as { chrome: ScriptingApi }).chrome;
    const tab = (await api.tabs.query({})).find((t) => t.url === pageUrl);
    const [result] = await api.scripting.executeScript({
      target: { tabId: tab!.id! },
      func: () => ({
        agent: typeof (globalThis as { touchtrailAgentStop?: unknown }).touchtrailAgentStop,
        tools: typeof (globalThis as { touchtrailPageTools?: unknown }).touchtrailPageTools,
      }),
    });
    return result!.result;
  }, url);
}

interface ScriptingApi {
  tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
  scripting: {
    executeScript(options: { target: { tabId: number }; func: () => unknown }): Promise<{ result: unknown }[]>;
  };
}

test('the agent joins the page without the picker and the full-page scroller; picking brings them', async ({
  panel,
  shop,
  session,
}) => {
  await pageAgentJoined(session, shop.page);
  expect(await scriptsInPage(session, shop.page.url())).toEqual({ agent: 'function', tools: 'undefined' });

  await panel.page.getByRole('button', { name: 'Pick element' }).click();
  await expect(shop.page.locator('touchtrail-layer')).toHaveCount(1);
  expect(await scriptsInPage(session, shop.page.url())).toEqual({ agent: 'function', tools: 'function' });
  const giftWrap = shop.page.getByRole('button', { name: 'Add gift wrap' });
  await giftWrap.hover();
  await giftWrap.click();
  await expect(panel.touchpoints).toHaveCount(1);
  await expect(shop.page.locator('#gift-wrap-status')).toHaveText('');
});
