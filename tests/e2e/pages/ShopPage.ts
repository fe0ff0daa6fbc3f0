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

  async followLink(name: string | RegExp) {
    await Promise.all([this.page.waitForLoadState('load'), this.page.getByRole('link', { name }).first().click()]);
    await this.page.waitForLoadState('load');
    await this.agentJoined(this.page);
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
