import type { Page } from '@playwright/test';

/** The demo shop, walked by the persona. */
export class ShopPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
    /** Resolves once the page agent has joined the loaded page, if a journey records. */
    private readonly agentJoined: (page: Page) => Promise<void> = async () => undefined,
  ) {}

  async open(path = 'index.html') {
    await this.page.goto(new URL(path, this.baseUrl).href);
    await this.page.bringToFront();
    await this.agentJoined(this.page);
  }

  /**
   * Goes to an address whose site does not answer, so the tab shows the browser's error page.
   * Chromium refuses port 1 itself (ERR_UNSAFE_PORT): nothing goes out on the network.
   */
  async openSiteThatDoesNotLoad(): Promise<string> {
    const address = 'http://127.0.0.1:1/';
    await this.page.goto(address).catch(() => undefined);
    await this.page.bringToFront();
    return address;
  }

  async followLink(name: string | RegExp) {
    await Promise.all([this.page.waitForLoadState('load'), this.page.getByRole('link', { name }).first().click()]);
    await this.page.waitForLoadState('load');
    await this.agentJoined(this.page);
  }

  /**
   * Follows a link whose page the site answers only once `answerWhen` resolves: until then the
   * page clicked on stays in the tab (as on a slow network), whatever the machine's speed.
   */
  async followLinkAnsweredWhen(name: string | RegExp, answerWhen: () => Promise<void>) {
    const link = this.page.getByRole('link', { name }).first();
    const target = new URL((await link.getAttribute('href')) ?? '', this.page.url()).href;
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    await this.page.route(target, async (route) => {
      await answered;
      await route.continue();
    });
    await link.click({ noWaitAfter: true });
    try {
      await answerWhen();
    } finally {
      answer();
    }
    await this.page.waitForURL(target);
    await this.page.waitForLoadState('load');
    await this.page.unroute(target);
    await this.agentJoined(this.page);
  }

  /**
   * Presses a button with which the page opens a window of its own (a bank's payment window),
   * and returns that window, once loaded and joined by the page agent.
   */
  async openWindowWith(buttonName: string): Promise<ShopPage> {
    const opened = this.page.waitForEvent('popup');
    await this.page.getByRole('button', { name: buttonName }).click();
    const popup = await opened;
    await popup.waitForLoadState('load');
    await this.agentJoined(popup);
    return new ShopPage(popup, this.baseUrl, this.agentJoined);
  }

  /** Follows a link that opens in a new tab, and returns that tab once loaded. */
  async followLinkToNewTab(name: string | RegExp): Promise<Page> {
    const opened = this.page.waitForEvent('popup');
    await this.page.getByRole('link', { name }).click();
    const tab = await opened;
    await tab.waitForLoadState('load');
    return tab;
  }

  /** The box of a form field in device pixels, as it appears in a screenshot of the viewport. */
  async fieldBoxInScreenshot(label: string) {
    const box = await this.page.getByLabel(label).boundingBox();
    if (!box) throw new Error(`The field "${label}" is not visible.`);
    const ratio = await this.page.evaluate(() => window.devicePixelRatio);
    return { x: box.x * ratio, y: box.y * ratio, width: box.width * ratio, height: box.height * ratio };
  }

  async viewportInDevicePixels() {
    return this.page.evaluate(() => ({
      width: Math.round(window.innerWidth * window.devicePixelRatio),
      height: Math.round(window.innerHeight * window.devicePixelRatio),
    }));
  }
}
