import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';

/** Picks a format in an export menu and returns the downloaded file's name, path and bytes. */
export async function downloadExport(page: Page, menu: string, format: string) {
  await page.getByText(menu, { exact: true }).click();
  const done = page.waitForEvent('download');
  await page.getByRole('button', { name: format, exact: true }).click();
  const file = await done;
  const path = await file.path();
  return { name: file.suggestedFilename(), path, bytes: await readFile(path) };
}

/** Sets the readout options in an export menu (opened, then closed again). */
export async function chooseReadout(page: Page, menu: string, choice: { touchpoints?: string; paper?: string }) {
  await page.getByText(menu, { exact: true }).click();
  const options = page.getByRole('group', { name: 'PDF and slide deck' });
  if (choice.touchpoints) await options.getByRole('radio', { name: choice.touchpoints }).check();
  if (choice.paper) await options.getByLabel('Paper (PDF)').selectOption({ label: choice.paper });
  await page.getByText(menu, { exact: true }).click();
}

/** A downloaded text file's content, without the byte-order mark the CSVs start with. */
export const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes).replace(/^\ufeff/, '');
