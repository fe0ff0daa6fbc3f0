import type { Page } from '@playwright/test';
import { PAGE_ERROR_EVENT } from '../../../lib/page-agent/error-relay';

/**
 * The demo shop's delivery step (delivery.html, delivery-ready.html): disabled buttons, a
 * postcode lookup that fails while the persona types, and a page long enough to scroll about.
 */
export class DeliveryPage {
  constructor(readonly page: Page) {}

  /**
   * Presses a control as a persona does, even a disabled one (Playwright would otherwise wait
   * for it to be enabled): a real press at its centre.
   */
  async press(name: string) {
    await this.page.getByRole('button', { name }).click({ force: true });
  }

  /** Presses the label inside a button (a span in it), rather than the button itself. */
  async pressLabelOf(name: string) {
    await this.page.getByRole('button', { name }).locator('span').click({ force: true });
  }

  /** Types a postcode key by key, once Touchtrail hears the page's errors. */
  async typePostcode(postcode: string) {
    await this.errorsReachTouchtrail();
    await this.page.getByLabel('Postcode').pressSequentially(postcode);
  }

  /** Waits until Touchtrail's error relay is in the page (it is put there after the page agent joins). */
  async errorsReachTouchtrail() {
    await this.page.waitForFunction(
      (name) => (window as unknown as Record<symbol, unknown>)[Symbol.for(name)] === true,
      PAGE_ERROR_EVENT,
    );
  }

  /**
   * Scrolls with the mouse wheel down, then up, then down…, `runs` times (so `runs - 1` changes
   * of direction), each run waited for until the page has moved most of the way.
   */
  async scrollDownAndUp(runs: number) {
    const viewport = this.page.viewportSize() ?? { width: 800, height: 600 };
    await this.page.mouse.move(viewport.width / 2, viewport.height / 3);
    for (let run = 0; run < runs; run++) {
      const down = run % 2 === 0;
      const before = await this.page.evaluate(() => window.scrollY);
      await this.page.mouse.wheel(0, down ? 600 : -600);
      await this.page.waitForFunction(
        ([from, goingDown]) => (goingDown ? window.scrollY >= from + 300 : window.scrollY <= from - 300),
        [before, down] as const,
      );
    }
  }
}
