import { expect, type Locator, type Page } from '@playwright/test';
import type { Region } from '../support/images';

/** The annotation editor of one touchpoint card, as the researcher uses it. */
export class AnnotationEditor {
  readonly root: Locator;
  readonly canvas: Locator;

  constructor(
    readonly page: Page,
    card: Locator,
  ) {
    this.root = card.getByRole('region', { name: /Annotate screenshot/ });
    this.canvas = this.root.getByTestId('annotation-canvas');
  }

  static async open(page: Page, card: Locator): Promise<AnnotationEditor> {
    await card.getByRole('button', { name: /Annotate & redact screenshot/ }).click();
    const editor = new AnnotationEditor(page, card);
    await expect(editor.canvas).toBeVisible();
    return editor;
  }

  tool(name: string): Locator {
    return this.root.getByRole('toolbar').getByRole('button', { name, exact: true });
  }

  get items(): Locator {
    return this.root.getByRole('list', { name: 'Annotations' }).getByRole('listitem');
  }

  /** Drags across a region given in screenshot pixels, with the mouse. */
  async dragOver(region: Region) {
    const box = (await this.canvas.boundingBox())!;
    const [, , width] = ((await this.canvas.getAttribute('viewBox')) ?? '').split(' ').map(Number);
    const scale = box.width / width!;
    await this.canvas.scrollIntoViewIfNeeded();
    const fresh = (await this.canvas.boundingBox())!;
    await this.page.mouse.move(fresh.x + region.x * scale, fresh.y + region.y * scale);
    await this.page.mouse.down();
    await this.page.mouse.move(
      fresh.x + (region.x + region.width) * scale,
      fresh.y + (region.y + region.height) * scale,
      {
        steps: 4,
      },
    );
    await this.page.mouse.up();
  }

  /** Waits until every change has been written (redactions redrawn included). */
  async saved() {
    await expect(this.root.getByRole('status')).toHaveText('Saved');
  }
}
