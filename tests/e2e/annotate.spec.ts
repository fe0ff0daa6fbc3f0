import { expect, test } from './fixtures';
import { AnnotationEditor } from './pages/AnnotationEditor';
import type { ShopPage } from './pages/ShopPage';
import type { SidePanel } from './pages/SidePanel';
import { inset, inspectImage, type Region } from './support/images';

async function captureFilledCheckout(panel: SidePanel, shop: ShopPage) {
  await panel.createStudy('Redaction checks', 'Northwind Outfitters', shop.page.url());
  await panel.createPersona('Dana', 'Returning customer', ['Reorder quickly']);
  await panel.startJourney('Reorder', 'Buy the same boots again');
  await panel.setMasking(false);
  await shop.open('checkout.html');
  await shop.page.getByLabel('Email').fill('dana.secret@example.com');
  await shop.page.getByLabel('Full name').fill('Dana Whitfield-Oduya');
  const email = await shop.fieldBoxInScreenshot('Email');
  const name = await shop.fieldBoxInScreenshot('Full name');
  await panel.capture();
  await panel.expand(1);
  return { email, name };
}

const grow = (box: Region, by: number): Region => inset(box, -by);
const scaled = (box: Region, factor: number): Region => ({
  x: box.x * factor,
  y: box.y * factor,
  width: box.width * factor,
  height: box.height * factor,
});

test('redactions drawn with the mouse are burned into the exported image and thumbnail', async ({ panel, shop }) => {
  const { email, name } = await captureFilledCheckout(panel, shop);
  const before = (await panel.export()).file.screenshots[0]!;
  const nameBefore = await inspectImage(panel.page, before.image, before.mime, inset(name, 4));
  expect(Math.max(...nameBefore.regionSpread!)).toBeGreaterThan(100); // the typed name is legible

  const editor = await AnnotationEditor.open(panel.page, panel.touchpoint(1));
  await editor.tool('Redact (solid)').click();
  await editor.dragOver(grow(email, 2));
  await editor.tool('Redact (blur)').click();
  await editor.dragOver(grow(name, 2));
  await editor.tool('Box').click();
  await editor.dragOver({ x: 20, y: 20, width: 200, height: 100 });
  await expect(editor.items).toHaveText([/Redaction \(solid\)/, /Redaction \(blur\)/, /Box/]);
  await editor.saved();
  // The card's thumbnail draws the box over the image; the redactions are in its pixels.
  await expect(panel.touchpoint(1).locator('svg.thumb-annotations [data-annotation-id]')).toHaveCount(1);

  const { file } = await panel.export();
  const shot = file.screenshots[0]!;
  const solid = await inspectImage(panel.page, shot.image, shot.mime, email);
  expect(solid.regionMean!.every((c) => c < 8)).toBe(true);
  expect(Math.max(...solid.regionSpread!)).toBeLessThan(8);
  const blurred = await inspectImage(panel.page, shot.image, shot.mime, inset(name, 4));
  expect(Math.max(...blurred.regionSpread!)).toBeLessThan(Math.max(...nameBefore.regionSpread!) / 2);
  // The box is data, not pixels: the corner it outlines is as it was.
  expect(file.touchpoints[0]!.annotations.map((a) => a.kind)).toEqual(['redaction', 'redaction', 'box']);

  const thumbScale = (await inspectImage(panel.page, shot.thumbnail, shot.thumbnailMime)).width / shot.width;
  const thumbEmail = await inspectImage(
    panel.page,
    shot.thumbnail,
    shot.thumbnailMime,
    inset(scaled(email, thumbScale), 1),
  );
  expect(thumbEmail.regionMean!.every((c) => c < 24)).toBe(true);
  expect(JSON.stringify(file)).not.toContain('unredacted');
});

test('annotating from the keyboard alone, with undo and redo', async ({ panel, shop }) => {
  await captureFilledCheckout(panel, shop);
  const editor = await AnnotationEditor.open(panel.page, panel.touchpoint(1));
  await expect(editor.canvas).toBeFocused(); // opening the editor puts the keyboard there
  const keys = panel.page.keyboard;

  await keys.press('m'); // numbered marker
  await keys.press('Enter');
  await keys.press('Enter');
  await keys.press('b'); // box, then moved right and made wider
  await keys.press('Enter');
  await keys.press('Shift+ArrowRight');
  await keys.press('Alt+ArrowRight');
  await expect(editor.items).toHaveText([/Marker 1/, /Marker 2/, /Box/]);

  await keys.press('Delete'); // the selected box
  await expect(editor.items).toHaveText([/Marker 1/, /Marker 2/]);
  await keys.press('Control+z');
  await expect(editor.items).toHaveText([/Marker 1/, /Marker 2/, /Box/]);
  await keys.press('Control+z'); // the resize
  await keys.press('Control+z'); // the move
  await keys.press('Control+Shift+z');
  await expect(panel.page.getByRole('button', { name: 'Redo' })).toBeEnabled();

  await keys.press('t'); // a text label, named in the list
  await keys.press('Enter');
  const label = editor.items.last().getByLabel('Label text');
  await label.fill('Email field has no hint');
  await expect(editor.items.last()).toContainText('Label “Email field has no hint”');
  await editor.saved();

  await keys.press('Escape'); // from the label field back to the drawing area
  await expect(editor.canvas).toBeFocused();
  await keys.press('Escape'); // lets go of the label
  await keys.press('Escape'); // closes the editor
  await expect(editor.root).toHaveCount(0);
  await expect(panel.touchpoint(1).getByRole('button', { name: /Annotate & redact screenshot \(4\)/ })).toBeFocused();

  const { file } = await panel.export();
  const annotations = file.touchpoints[0]!.annotations;
  expect(annotations.map((a) => a.kind)).toEqual(['marker', 'marker', 'box', 'text']);
  const box = annotations[2]!;
  // Added at 40 % with the default size, moved 5 % right once: the redone step is the move.
  expect(box.kind === 'box' && Math.round(box.area.x * 100)).toBe(45);
  expect(box.kind === 'box' && Math.round(box.area.width * 100)).toBe(20);
  expect(annotations[3]).toMatchObject({ kind: 'text', text: 'Email field has no hint' });
});

test('removing the last redaction brings the capture back, and label text stays text', async ({ panel, shop }) => {
  const { email } = await captureFilledCheckout(panel, shop);
  const editor = await AnnotationEditor.open(panel.page, panel.touchpoint(1));
  await editor.tool('Redact (solid)').click();
  await editor.dragOver(grow(email, 2));
  await editor.saved();
  await editor.items.first().getByRole('button', { name: 'Remove Redaction (solid)' }).click();
  await editor.tool('Text label').click();
  await editor.canvas.click({ position: { x: 10, y: 10 } });
  await editor.items.first().getByLabel('Label text').fill('<img src=x onerror="document.title=1">');
  await editor.saved();

  await expect(editor.canvas.locator('text', { hasText: '<img src=x' })).toHaveCount(1);
  await expect(editor.canvas.locator('img')).toHaveCount(0);
  const { file } = await panel.export();
  const shot = file.screenshots[0]!;
  const restored = await inspectImage(panel.page, shot.image, shot.mime, inset(email, 4));
  expect(Math.max(...restored.regionSpread!)).toBeGreaterThan(100);
});
