import { expect, type Page } from '@playwright/test';
import { boxesInPage, type PageBox, type Target } from '../support/boxes-in-page';

// The demo shop's "My account" page (tests/fixtures/site/pages/account.html): personal data as
// text, the fields where masking has leaked in other tools, and text that must stay readable.

export interface Item {
  name: string;
  target: Target;
  /** Below the first screen: only a full-page capture shows it. */
  belowFold?: true;
}

const SAME_ORIGIN_FRAME = '#same-origin-frame';
const CLOSED_HOST = '#receipt-settings';

/** Personal data in the page's text: each must lie under a mask, and only its text. */
export const PERSONAL_TEXT: Item[] = [
  { name: 'email address', target: { selector: '#contact-email', text: 'dana.whitfield@example.com' } },
  { name: 'international phone number', target: { selector: '#mobile', text: '+44 20 7946 0958' } },
  { name: 'national phone number', target: { selector: '#home-phone', text: '020 7946 0321' } },
  { name: 'IPv4 address', target: { selector: '#last-sign-in', text: '203.0.113.7' } },
  { name: 'IPv6 address', target: { selector: '#previous-sign-in', text: '2001:db8:85a3::8a2e:370:7334' } },
  {
    name: 'email address in a closed shadow root',
    target: { closedHost: CLOSED_HOST, selector: 'p', text: 'dana.receipts@example.com' },
  },
  {
    name: 'email address in a same-origin frame',
    target: { frame: SAME_ORIGIN_FRAME, selector: '#gift-email', text: 'sam.whitfield@example.org' },
  },
  { name: 'card number', target: { selector: '#saved-card', text: '4242 4242 4242 4242' }, belowFold: true },
  { name: 'IBAN', target: { selector: '#refund-iban', text: 'GB29 NWBK 6016 1331 9268 19' }, belowFold: true },
];

/** Text that is not personal data: masking it by default would be a failure too. */
export const READABLE_TEXT: Item[] = [
  { name: 'heading', target: { selector: 'h1', text: 'My account' } },
  { name: 'order number', target: { selector: '#order-number', text: 'NW-20261127-0042' } },
  { name: 'order date', target: { selector: '#order-date', text: '27 November 2026' } },
  { name: '8-digit customer number', target: { selector: '#customer-number', text: '48213907' } },
  { name: 'heading in a same-origin frame', target: { frame: SAME_ORIGIN_FRAME, selector: '#gift-heading' } },
  { name: 'ZIP code', target: { selector: '#zip-code', text: '97205' }, belowFold: true },
  { name: 'card ending', target: { selector: '#card-ending', text: 'Visa ending 4242' }, belowFold: true },
  { name: 'price', target: { selector: '#price-pack', text: '€129.00' }, belowFold: true },
  { name: 'total', target: { selector: '#price-total', text: '€167.50' }, belowFold: true },
  { name: 'delivery date', target: { selector: '#delivery-date', text: '2 December 2026' }, belowFold: true },
];

/** The known leak cases: each must lie wholly under a mask once the persona has filled it. */
export const LEAK_CASES: Item[] = [
  { name: 'chosen <select> option', target: { selector: '#saved-address' } },
  { name: 'password shown as text', target: { selector: '#account-password' } },
  { name: 'value set by script', target: { selector: '#referral' } },
  { name: 'contenteditable', target: { selector: '#courier-note' } },
  { name: 'field in a closed shadow root', target: { closedHost: CLOSED_HOST, selector: 'input' } },
  { name: 'field in a same-origin frame', target: { frame: SAME_ORIGIN_FRAME, selector: '#gift-name' } },
  { name: 'cross-origin frame, whole', target: { selector: '#cross-origin-frame' } },
];

/** What the persona types in the fields: none of it may be seen in a screenshot. */
export const TYPED = {
  address: 'Dana Whitfield, 12 Harbour Lane',
  password: 'hunter2-hunter2',
  scriptValue: 'DANA-WHITFIELD-7731',
  courierNote: 'Call +44 20 7946 0958 at the gate',
  closedRootCard: '4111 1111 1111 1111',
  giftName: 'Sam Whitfield',
  loyaltyCard: '6011 0009 9013 9424',
};

export class AccountPage {
  constructor(readonly page: Page) {}

  /** The persona fills every field of the leak cases, and shows the password as text. */
  async fillEverything() {
    const page = this.page;
    await page.getByLabel('Deliver to').selectOption({ label: TYPED.address });
    await page.getByLabel('Password', { exact: true }).fill(TYPED.password);
    await page.getByRole('button', { name: 'Show password' }).click();
    await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('type', 'text');
    await expect(page.getByLabel('Referral code')).toHaveValue(TYPED.scriptValue);
    await page.getByRole('textbox', { name: 'Note for the courier' }).fill(TYPED.courierNote);
    // No selector reaches into a closed root: the persona clicks the field where it shows.
    const [card] = await this.boxes({ closedHost: CLOSED_HOST, selector: 'input' });
    await page.mouse.click(card!.x + card!.width / 2, card!.y + card!.height / 2);
    await page.keyboard.type(TYPED.closedRootCard);
    await page.frameLocator(SAME_ORIGIN_FRAME).getByLabel('Name on the card').fill(TYPED.giftName);
    await page.frameLocator('#cross-origin-frame').getByLabel('Loyalty card number').fill(TYPED.loyaltyCard);
    await expect(page.getByRole('textbox', { name: 'Note for the courier' })).toHaveText(TYPED.courierNote);
    // Filling a field scrolls it into view: back to the top of the page, where the persona began.
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  }

  /** What the page's own script can read of the closed root's field (to know the typing reached it). */
  closedRootValue(): Promise<string | undefined> {
    return this.page.evaluate((host) => {
      const element = document.querySelector(host)!;
      const type = customElements.get(element.localName) as unknown as { rootOf(h: Element): ShadowRoot };
      return type.rootOf(element).querySelector('input')?.value;
    }, CLOSED_HOST);
  }

  boxes(target: Target): Promise<PageBox[]> {
    return this.page.evaluate(boxesInPage, target);
  }

  /** Image pixels per CSS pixel of a capture of this page `imageWidth` wide. */
  async scaleOf(imageWidth: number): Promise<number> {
    return imageWidth / (await this.page.evaluate(() => window.innerWidth));
  }
}
