// A page of 100,000 elements, built the way large real pages are: a site header, an orders table
// of thousands of rows (a link, a status badge and a button in each) and a discussion of nested
// lists (threads of replies, each with an author link, a paragraph and buttons). Its own script
// handles clicks as a single-page app does: links do not leave the page, buttons toggle.
import type { Page } from '@playwright/test';

export const BIG_PAGE_ELEMENTS = 100_000;
const TABLE_ROWS = 6_000;
const STATUSES = ['Shipped', 'Pending', 'Returned', 'Cancelled', 'Delivered'];
const NAMES = ['Ada Byrne', 'Bo Lindqvist', 'Chidi Okafor', 'Dana Weiss', 'Emi Tanaka', 'Farid Haddad'];

/** The page's markup and how many elements it has (each tag written below counts one). */
export function bigPageHtml(target = BIG_PAGE_ELEMENTS): { html: string; elements: number } {
  let elements = 0;
  const el = (tag: string, inner = '', attributes = '') => {
    elements++;
    return `<${tag}${attributes ? ' ' + attributes : ''}>${inner}</${tag}>`;
  };
  const nav = el(
    'ul',
    ['Orders', 'Customers', 'Products', 'Reports', 'Settings']
      .map((n) => el('li', el('a', n, `href="/${n.toLowerCase()}"`)))
      .join(''),
  );
  const rows: string[] = [];
  for (let i = 0; i < TABLE_ROWS; i++) {
    const id = 10_000 + i;
    rows.push(
      el(
        'tr',
        el('td', `#${id}`) +
          el('td', el('a', `Order ${id}`, `href="/orders/${id}"`)) +
          el('td', el('span', STATUSES[i % STATUSES.length], 'class="badge"')) +
          el('td', NAMES[i % NAMES.length]) +
          el('td', `€${((i * 37) % 900) + 10}.${String(i % 100).padStart(2, '0')}`) +
          el('td', el('button', 'Details', 'type="button"')),
      ),
    );
  }
  const comment = (n: number, replies: string) =>
    el(
      'li',
      el(
        'article',
        el(
          'header',
          el('a', NAMES[n % NAMES.length], `href="/people/${n % NAMES.length}"`) +
            ' ' +
            el('time', `${(n % 23) + 1} h ago`),
        ) +
          el('p', `Comment ${n}: the delivery was late again and the tracking page never updated.`) +
          el('footer', el('button', 'Reply', 'type="button"') + el('button', 'Like', 'type="button"')),
      ) + replies,
    );
  // A thread: a comment, three replies to it, and a reply to each reply.
  const thread = (n: number) =>
    comment(n, el('ul', [1, 2, 3].map((r) => comment(n + r, el('ul', comment(n + r + 10, '')))).join('')));
  const head = el(
    'head',
    el('meta', '', 'charset="utf-8"') + el('title', 'Orders — back office') + el('style', STYLE) + el('script', SCRIPT),
  );
  const header = el('header', el('strong', 'Northwind back office') + el('nav', nav));
  const footer = el('footer', 'Northwind');
  // Threads until the page has enough, counting the eight elements that wrap them all below.
  const threads: string[] = [];
  while (elements + 8 < target) threads.push(thread(threads.length * 20));
  const main = el(
    'main',
    el('h1', 'Orders') +
      el('table', el('tbody', rows.join(''))) +
      el('h2', 'Discussion') +
      el('ul', threads.join(''), 'class="threads"'),
  );
  const html = `<!doctype html>${el('html', head + el('body', header + main + footer), 'lang="en"')}`;
  return { html, elements };
}

const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 0; }
header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #ddd; padding: 8px 24px; display: flex; gap: 24px; }
header ul { display: flex; gap: 16px; list-style: none; margin: 0; padding: 0; }
main { padding: 0 24px; } td { padding: 2px 8px; border-bottom: 1px solid #eee; }
.badge { background: #eef; border-radius: 8px; padding: 0 6px; } [aria-pressed="true"] { background: #cde; }
.threads ul { margin-left: 24px; } article { border-left: 2px solid #ddd; padding-left: 8px; margin: 6px 0; }
`;

const SCRIPT = `
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[href]');
  if (link) event.preventDefault();
  const button = event.target.closest('button');
  if (button) button.setAttribute('aria-pressed', String(button.getAttribute('aria-pressed') !== 'true'));
});
`;

/**
 * Serves the page at `orders.html` of the demo site's origin (answered by Playwright for this tab
 * only), loads it once and counts its elements as the browser does; returns its address.
 */
export async function routeBigPage(page: Page, siteUrl: string): Promise<{ url: string; elements: number }> {
  const url = new URL('orders.html', siteUrl).href;
  const { html } = bigPageHtml();
  await page.route(url, (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
  await page.goto(url);
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  if (elements < BIG_PAGE_ELEMENTS) throw new Error(`The big page has ${elements} elements, not ${BIG_PAGE_ELEMENTS}.`);
  return { url, elements };
}
