// A page of the kind real sites are: every icon of Feather (a real icon set, 286 of them, MIT,
// node_modules/feather-icons) inline as SVG, as an icon gallery shows them, with a search field
// and a newsletter form, so that masking has fields to cover among hundreds of SVG elements.
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';

const ICONS_DIR = resolve('node_modules/feather-icons/dist/icons');

export async function iconGalleryHtml(): Promise<string> {
  const names = (await readdir(ICONS_DIR)).filter((name) => name.endsWith('.svg')).sort();
  const icons = await Promise.all(
    names.map(async (name) => {
      const svg = await readFile(join(ICONS_DIR, name), 'utf8');
      return `<li><button type="button">${svg.trim()}<span>${name.slice(0, -4)}</span></button></li>`;
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Icons — gallery</title>
<style>
body { font: 15px/1.4 system-ui, sans-serif; margin: 0; }
header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #ddd; padding: 12px 24px; display: flex; gap: 12px; }
ul { list-style: none; display: grid; grid-template-columns: repeat(auto-fill, minmax(110px, 1fr)); gap: 8px; padding: 24px; margin: 0; }
button { width: 100%; display: flex; flex-direction: column; align-items: center; gap: 6px; padding: 12px 4px; border: 1px solid #eee; background: #fafafa; border-radius: 6px; }
span { font-size: 12px; color: #555; }
</style></head><body>
<header><strong>Icons</strong><input type="search" aria-label="Search icons" value="arrow"><input type="email" aria-label="Newsletter" value="reader@example.com"></header>
<ul>${icons.join('\n')}</ul></body></html>`;
}

/**
 * Serves the gallery at `icons.html` of the demo site's origin (answered by Playwright for this
 * tab only), loads it once and counts its SVG elements; returns its address.
 */
export async function routeIconGallery(page: Page, siteUrl: string): Promise<{ url: string; svgElements: number }> {
  const url = new URL('icons.html', siteUrl).href;
  const html = await iconGalleryHtml();
  await page.route(url, (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
  const back = page.url();
  await page.goto(url);
  const svgElements = await page.evaluate('document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "*").length');
  await page.goto(back);
  return { url, svgElements: svgElements as number };
}
