import { expect, test, type Page as PlaywrightPage } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { serveDemoSite, type DemoSite } from '../fixtures/site/server';
import { LEAK_CASES, PERSONAL_TEXT, READABLE_TEXT, TYPED, type Item } from '../e2e/pages/AccountPage';
import { boxesInPage, type Target } from '../e2e/support/boxes-in-page';
import { lookAt } from '../e2e/support/masks-in-image';
import { button, startJourney } from '../e2e/support/puppeteer-panel';
import { readStoredScreenshot, readStoredTouchpoints } from '../e2e/support/stored-screenshots';
import { launchFirefoxWithAddon, type FirefoxSession } from './firefox';

// Issue 17's leak cases in Firefox ESR, judged from the stored pixels of a visible and a
// full-page capture of the demo shop's My account page. Firefox reaches closed shadow roots its
// own way (the element's openOrClosedShadowRoot, seen by content scripts only): the card number
// typed into the field in a closed root is the case to watch (the issue reports it leaking).

const COVERED = 0.95;

interface Walk {
  site: DemoSite;
  firefox: FirefoxSession;
  tab: Page;
  panel: Page;
}

async function walkMyAccount(run: (walk: Walk) => Promise<void>) {
  const site = await serveDemoSite();
  const firefox = await launchFirefoxWithAddon();
  try {
    const [tab] = await firefox.browser.pages();
    // The page's first screen is made for a 1280 × 800 window, as the Chromium tests have.
    await tab!.setViewport({ width: 1280, height: 800 });
    await tab!.goto(new URL('account.html', site.url).href, { waitUntil: 'load' });
    const panel = await firefox.openPanel(tab!);
    await startJourney(panel, {
      study: 'Privacy in Firefox',
      siteUrl: site.url,
      persona: 'Dana',
      summary: 'Mystery shopper, buys with her own card, in Firefox',
      journey: 'After the purchase',
      scenario: 'Check the order in My account',
    });
    await panel.waitForSelector('::-p-aria([name="Capture touchpoint"][role="button"])');
    await tab!.bringToFront();
    await fillEverything(tab!);
    await run({ site, firefox, tab: tab!, panel });
  } finally {
    await firefox.close();
    await site.close();
  }
}

const boxes = (tab: Page, target: Target) => tab.evaluate(boxesInPage, target);

async function clickAndType(tab: Page, target: Target, text: string) {
  const [box] = await boxes(tab, target);
  await tab.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
  await tab.keyboard.type(text);
}

/** As the persona does on the Chromium side (AccountPage.fillEverything), through puppeteer. */
async function fillEverything(tab: Page) {
  await tab.select('#saved-address', 'home');
  await clickAndType(tab, { selector: '#account-password' }, TYPED.password);
  await tab.locator('#show-password').click();
  await tab.waitForFunction(() => document.querySelector<HTMLInputElement>('#account-password')!.type === 'text');
  await tab.waitForFunction(() => document.querySelector<HTMLInputElement>('#referral')!.value !== '');
  await clickAndType(tab, { selector: '#courier-note' }, TYPED.courierNote);
  await clickAndType(tab, { closedHost: '#receipt-settings', selector: 'input' }, TYPED.closedRootCard);
  await clickAndType(tab, { frame: '#same-origin-frame', selector: '#gift-name' }, TYPED.giftName);
  // The cross-origin frame's field, where the page shows it (its document is out of reach here).
  const [frame] = await boxes(tab, { selector: '#cross-origin-frame' });
  await tab.mouse.click(frame!.x + 60, frame!.y + frame!.height - 24);
  await tab.keyboard.type(TYPED.loyaltyCard);
  const typed = await tab.evaluate(() => {
    const host = document.querySelector('#receipt-settings')!;
    const type = customElements.get(host.localName) as unknown as { rootOf(h: Element): ShadowRoot };
    return {
      card: type.rootOf(host).querySelector('input')!.value,
      note: document.querySelector('#courier-note')!.textContent,
      address: document.querySelector<HTMLSelectElement>('#saved-address')!.value,
    };
  });
  expect(typed).toEqual({ card: TYPED.closedRootCard, note: TYPED.courierNote, address: 'home' });
  await tab.evaluate(() => window.scrollTo(0, 0));
  await tab.waitForFunction(() => window.scrollY === 0);
}

/**
 * Captures the visible page (or the full page, in one call in Firefox) and says how each item
 * shows in the stored screenshot. The page is at its top, so viewport boxes are image boxes.
 */
async function captureAndLook({ tab, panel }: Walk, items: Item[], edge: number, fullPage = false) {
  const before = (await readStoredTouchpoints(panel as unknown as PlaywrightPage)).length;
  await button(panel, fullPage ? 'Capture full page' : 'Capture touchpoint').click();
  await panel.waitForSelector(`[data-testid="touchpoint"][data-seq="${before + 1}"] img`);
  const judge = panel as unknown as PlaywrightPage;
  let shot = await readStoredScreenshot(judge, before + 1);
  await expect.poll(async () => (shot = await readStoredScreenshot(judge, before + 1))).toBeTruthy();
  const scale = shot!.width / (await tab.evaluate(() => innerWidth));
  const seen: { name: string; masked: number; spread: number }[] = [];
  for (const item of items.filter((i) => fullPage || !i.belowFold)) {
    for (const box of await boxes(tab, item.target))
      seen.push({ name: item.name, ...(await lookAt(judge, shot!, box, scale, edge)) });
  }
  return seen;
}

test('in Firefox ESR every leak case on My account is masked in the stored screenshot, the closed shadow root’s field too', async () => {
  await walkMyAccount(async (walk) => {
    const visible = await captureAndLook(walk, LEAK_CASES, 3);
    expect
      .soft(
        visible.filter((s) => s.masked < COVERED),
        'visible capture',
      )
      .toEqual([]);
    await walk.tab.waitForFunction(() => window.scrollY === 0);
    const fullPage = await captureAndLook(walk, LEAK_CASES, 3, true);
    expect
      .soft(
        fullPage.filter((s) => s.masked < COVERED),
        'full-page capture',
      )
      .toEqual([]);
  });
});

// Personal data in the page's text, and text that must stay readable, as on the Chromium side
// (tests/e2e/privacy.spec.ts), judged in one capture.
test('in Firefox ESR personal data in My account’s text is masked and the rest stays readable', async () => {
  await walkMyAccount(async (walk) => {
    const seen = await captureAndLook(walk, [...PERSONAL_TEXT, ...READABLE_TEXT], 2);
    const isPersonal = new Set(PERSONAL_TEXT.map((item) => item.name));
    const personal = seen.filter((s) => isPersonal.has(s.name));
    const readable = seen.filter((s) => !isPersonal.has(s.name));
    expect
      .soft(
        personal.filter((s) => s.masked < COVERED),
        'personal data not under a mask',
      )
      .toEqual([]);
    expect
      .soft(
        readable.filter((s) => s.masked > 0.2 || s.spread < 80),
        'text that should stay readable',
      )
      .toEqual([]);
  });
});
