import { expect, test } from './fixtures';
import { Dashboard } from './pages/Dashboard';
import { MetricsCharts } from './pages/MetricsCharts';
import { deleteStoredScreenshot } from './support/stored-screenshots';
import { readStoredAllowLists } from './support/stored-studies';

const NORTHWIND = 'Northwind Insurance — first quote';
const CONTOSO = 'Contoso Cover — first quote';

test('load the sample study and filter the timeline and the map to key touchpoints', async ({ session }) => {
  const dashboard = await Dashboard.open(session);
  await dashboard.loadSample();
  await expect(dashboard.page.getByText('2 personas: studies usually cover 6–8')).toBeVisible();
  await dashboard.openJourney(NORTHWIND);
  await expect(dashboard.cards).toHaveCount(9);

  await dashboard.page.getByLabel('Key touchpoint').selectOption('Yes');
  await expect(dashboard.page.getByText('5 of 9 touchpoints')).toBeVisible();
  await expect(dashboard.cards).toHaveCount(5);
  await dashboard.page.getByLabel('Search titles and notes').fill('licence');
  await expect(dashboard.titles()).resolves.toEqual(['Quote step 2 — Your licence']);

  await dashboard.page.getByRole('link', { name: 'Journey map' }).click();
  await expect(dashboard.page.getByText('9 touchpoints on the map')).toBeVisible();
  await dashboard.page.getByRole('switch', { name: 'Key touchpoints only' }).check();
  await expect(dashboard.page.getByText('5 touchpoints on the map')).toBeVisible();
  const map = dashboard.page.getByRole('table', { name: `Journey map of ${NORTHWIND}` });
  await expect(map.getByText('★ Price page')).toBeVisible();
  await expect(map.getByText('Home page')).toHaveCount(0);
});

test('reorder with the keyboard and by dragging, each with undo', async ({ session }) => {
  const dashboard = await Dashboard.open(session);
  await dashboard.loadSample();
  await dashboard.openJourney(NORTHWIND);
  const start = await dashboard.titles();

  await dashboard.page.getByRole('button', { name: /^Move touchpoint 2 Home page/ }).press('ArrowUp');
  await expect(dashboard.page.getByText('Moved “Home page” to place 1.')).toBeVisible();
  await expect.poll(() => dashboard.titles()).toEqual([start[1], start[0], ...start.slice(2)]);
  await dashboard.undo();
  await expect.poll(() => dashboard.titles()).toEqual(start);

  // Down twice from the keyboard: focus stays on the handle, so the second press moves it further.
  const homeHandle = dashboard.page.getByRole('button', { name: /^Move touchpoint 2 Home page/ });
  await homeHandle.press('ArrowDown');
  await expect.poll(() => dashboard.titles()).toEqual([start[0], start[2], start[1], ...start.slice(3)]);
  await expect(dashboard.page.getByRole('button', { name: /^Move touchpoint \d+ Home page/ })).toBeFocused();
  await dashboard.page.keyboard.press('ArrowDown');
  await expect.poll(() => dashboard.titles()).toEqual([start[0], start[2], start[3], start[1], ...start.slice(4)]);
  await dashboard.undo();
  await expect.poll(() => dashboard.titles()).toEqual([start[0], start[2], start[1], ...start.slice(3)]);
  await dashboard.page.getByRole('button', { name: /^Move touchpoint \d+ Home page/ }).press('ArrowUp');
  await expect.poll(() => dashboard.titles()).toEqual(start);

  // Dragged up onto a card, it takes that card's place; dragged down, it goes after it.
  const handle = (title: string) => dashboard.card(title).getByRole('button', { name: /^Move touchpoint/ });
  await handle('Cover options explained').dragTo(dashboard.card('Search ad'));
  await expect.poll(() => dashboard.titles()).toEqual([start[2], start[0], start[1], ...start.slice(3)]);
  await expect(dashboard.cards.first().locator('.seq')).toHaveText('1');
  await dashboard.undo();
  await expect.poll(() => dashboard.titles()).toEqual(start);
  await handle('Search ad').dragTo(dashboard.card('Cover options explained'));
  await expect.poll(() => dashboard.titles()).toEqual([start[1], start[2], start[0], ...start.slice(3)]);
});

test('bulk edit, then delete with undo', async ({ session }) => {
  const dashboard = await Dashboard.open(session);
  await dashboard.loadSample();
  await dashboard.openJourney(NORTHWIND);
  await dashboard.card('Search ad').getByRole('checkbox').check();
  await dashboard.card('Home page').getByRole('checkbox').check();
  await expect(dashboard.page.getByText('2 selected')).toBeVisible();
  const bulk = dashboard.page.getByRole('group', { name: 'Selected touchpoints' });
  await bulk.getByLabel('Channel').selectOption({ label: 'Social media' });
  await expect(dashboard.page.getByText('Channel set to Social media on 2 touchpoints.')).toBeVisible();
  await expect(dashboard.card('Home page')).toContainText('Social media');
  await dashboard.undo();
  await expect(dashboard.card('Home page')).toContainText('Website');
  await bulk.getByLabel('Channel').selectOption({ label: 'Social media' });
  await expect(dashboard.card('Home page')).toContainText('Social media');
  await bulk.getByRole('button', { name: 'Mark key', exact: true }).click();
  await dashboard.page.getByLabel('Key touchpoint').selectOption('Yes');
  await expect(dashboard.page.getByText('6 of 9 touchpoints')).toBeVisible();
  // A filter that hides a selected card takes it out of what bulk actions touch.
  await dashboard.page.getByLabel('Search titles and notes').fill('home');
  await expect(dashboard.page.getByText('1 selected')).toBeVisible();
  await dashboard.page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(dashboard.page.getByText('2 selected')).toBeVisible();

  await bulk.getByRole('button', { name: 'Delete selected' }).click();
  await expect(dashboard.page.getByText('Deleted 2 touchpoints.')).toBeVisible();
  await expect(dashboard.cards).toHaveCount(7);
  await dashboard.undo();
  await expect(dashboard.cards).toHaveCount(9);
  await expect(dashboard.card('Home page')).toContainText('Social media');
});

test('compare the two competitor journeys: steps and friction per stage', async ({ session }) => {
  const dashboard = await Dashboard.open(session);
  await dashboard.loadSample();
  await dashboard.page.getByRole('checkbox', { name: `Pick ${NORTHWIND}` }).check();
  await dashboard.page.getByRole('checkbox', { name: `Pick ${CONTOSO}` }).check();
  await dashboard.page.getByRole('button', { name: 'Compare 2 journeys' }).click();
  await expect(dashboard.page.getByRole('heading', { level: 1, name: 'Compare journeys' })).toBeVisible();

  // Each figure has a row of its own under its stage, so no two figures share a cell.
  const cells = (stage: string, figure: string) => dashboard.compareCells(stage, figure);
  await expect(cells('Consideration', 'Steps')).toHaveText(['3 steps (most)', '1 step']);
  await expect(cells('Consideration', 'Steps with friction')).toHaveText(['2 steps (most)', '0 steps']);
  await expect(cells('Consideration', 'Average effort')).toHaveText(['3.3 of 7', '2.0 of 7']);
  await expect(cells('Consideration', 'Average emotion')).toHaveText(['0.0 Neutral', '+1.0 Positive']);
  await expect(cells('Purchase', 'Steps')).toHaveText(['2 steps', '3 steps (most)']);
  await expect(cells('Purchase', 'Steps with friction')).toHaveText(['1 step', '2 steps (most)']);
  await expect(
    dashboard.page
      .getByRole('row')
      .filter({ has: dashboard.page.getByRole('rowheader', { name: 'Steps to first purchase' }) })
      .getByRole('cell'),
  ).toHaveText(['6 steps (most)', '4 steps']);
  await expect(dashboard.page.getByRole('img', { name: /^Emotion curve\. Northwind/ })).toBeVisible();
});

test('the lightbox steps through screenshots with the arrow keys and closes with Esc', async ({ session }) => {
  const dashboard = await Dashboard.open(session);
  await dashboard.loadSample();
  await dashboard.openJourney(NORTHWIND);
  await dashboard.page.getByRole('button', { name: 'View screenshot of 1 Search ad: “cheap car insurance”' }).click();
  const lightbox = dashboard.page.getByRole('dialog');
  await expect(lightbox).toContainText('(1 of 7)');
  await dashboard.page.keyboard.press('ArrowRight');
  await expect(lightbox).toContainText('2 · Home page');
  // Annotating belongs to the screenshot shown: stepping to the next one leaves the editor.
  const annotate = lightbox.getByRole('button', { name: 'Annotate & redact' });
  await annotate.click();
  await expect(annotate).toHaveAttribute('aria-pressed', 'true');
  await lightbox.getByRole('button', { name: 'Next screenshot' }).click();
  await expect(lightbox).toContainText('(3 of 7)');
  await expect(annotate).toHaveAttribute('aria-pressed', 'false');
  await dashboard.page.keyboard.press('Escape');
  await expect(lightbox).toHaveCount(0);
});

test('a touchpoint whose screenshot is lost says so on its thumbnail button', async ({ session }) => {
  const dashboard = await Dashboard.open(session);
  await dashboard.loadSample();
  await deleteStoredScreenshot(dashboard.page, 'Home page');
  await dashboard.openJourney(NORTHWIND);
  await expect(
    dashboard.card('Home page').getByRole('button', { name: 'Screenshot missing for Home page' }),
  ).toBeVisible();
  await expect(
    dashboard.card('Price page').getByRole('button', { name: /^View screenshot of \d+ Price page/ }),
  ).toBeVisible();
});

test('what the researcher types in the allow list stays while another tab saves the study', async ({ session }) => {
  const dashboard = await Dashboard.open(session);
  await dashboard.loadSample();
  const other = await Dashboard.open(session, new URL(dashboard.page.url()).hash);
  const typing = await dashboard.allowList();
  await typing.fill('#postcode');

  const elsewhere = await other.allowList();
  await elsewhere.fill('#search');
  await elsewhere.blur();
  // The first tab has seen the other tab's save (its count), and kept what was being typed.
  await expect(dashboard.page.getByText('Fields shown unmasked in this study (1)')).toBeVisible();
  await expect(typing).toHaveValue('#postcode');

  // Leaving the field saves it; the other tab then shows it too.
  await typing.blur();
  await expect(elsewhere).toHaveValue('#postcode');
  await expect(typing).toHaveValue('#postcode');
});

test('a list changed back elsewhere shows as stored, and leaving the field does not save the old draft over it', async ({
  session,
}) => {
  const dashboard = await Dashboard.open(session);
  await dashboard.loadSample();
  const other = await Dashboard.open(session, new URL(dashboard.page.url()).hash);
  const here = await dashboard.allowList();
  const elsewhere = await other.allowList();
  await here.fill('#postcode');
  await here.blur();
  await expect(elsewhere).toHaveValue('#postcode');

  // The other tab puts the list back as it was (empty): this tab shows that, and keeps it.
  await elsewhere.fill('');
  await elsewhere.blur();
  await expect(here).toHaveValue('');
  await here.focus();
  await here.blur();
  // Read after anything that leaving the field saved: the list stays as the other tab left it.
  expect(await readStoredAllowLists(dashboard.page)).toEqual([[]]);
  await expect(here).toHaveValue('');
});

test('stages saved in another tab show in the study page that is open', async ({ session }) => {
  const dashboard = await Dashboard.open(session);
  await dashboard.loadSample();
  const other = await Dashboard.open(session, new URL(dashboard.page.url()).hash);
  const before = await dashboard.stageNames();
  await other.page.getByRole('textbox', { name: 'Stage 1', exact: true }).fill('First contact');
  await other.page.getByRole('button', { name: 'Save stages' }).click();
  await expect.poll(() => dashboard.stageNames()).toEqual(['First contact', ...before.slice(1)]);
  await expect(dashboard.page.getByRole('button', { name: 'Save stages' })).toBeDisabled();
});

test('the side panel opens the dashboard at the journey being walked', async ({ panel, shop, session }) => {
  await panel.createStudy('From the panel', 'Northwind Outfitters', shop.page.url());
  await panel.createPersona('Dana', 'Returning customer', []);
  await panel.startJourney('Reorder', 'Buy the same boots again');
  await panel.capture();
  const opened = session.context.waitForEvent('page', { predicate: (p) => p.url().includes('/dashboard.html') });
  await panel.page.getByRole('button', { name: 'Dashboard' }).click();
  const dashboard = await opened;
  await expect(dashboard.getByRole('heading', { level: 1, name: 'Reorder' })).toBeVisible();
  await expect(dashboard.getByTestId('timeline-card')).toHaveCount(1);

  // The dashboard follows the walk live: a new capture shows up without a reload.
  await shop.page.bringToFront();
  await panel.capture();
  await expect(dashboard.getByTestId('timeline-card')).toHaveCount(2);
});

test('a promise checked on the timeline shows on the map', async ({ session }) => {
  const dashboard = await Dashboard.open(session);
  await dashboard.loadSample();
  await dashboard.openJourney(NORTHWIND);
  await dashboard
    .card('Home page')
    .getByRole('button', { name: /^Edit touchpoint/ })
    .click();
  await dashboard.card('Home page').getByLabel('No hidden fees').selectOption({ label: 'Broken' });
  await dashboard.page.getByRole('link', { name: 'Journey map' }).click();
  const promises = dashboard.page
    .getByRole('row')
    .filter({ has: dashboard.page.getByRole('rowheader', { name: 'Promises' }) });
  await expect(promises.getByRole('cell').first()).toHaveText('0 kept · 1 broken');
});

test('a 2,000-touchpoint journey renders only the cards in view, and scrolls to the last', async ({ session }) => {
  const dashboard = await Dashboard.open(session);
  await dashboard.loadSample();
  await dashboard.openJourney(NORTHWIND);
  // Copies of the journey's last touchpoint, written straight into the database.
  await dashboard.page.evaluate(async () => {
    const open = indexedDB.open('touchtrail');
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    const store = db.transaction('touchpoints', 'readwrite').objectStore('touchpoints');
    const all = await new Promise<{ seq: number; title: string }[]>((resolve) => {
      const request = store.getAll();
      request.onsuccess = () => resolve(request.result as { seq: number; title: string }[]);
    });
    const last = all.find((t) => t.title === 'Asked for a review a week later')!;
    for (let i = 1; i <= 2000; i++)
      store.put({ ...last, id: crypto.randomUUID(), seq: 100 + i, title: `Generated ${i}` });
    await new Promise((resolve) => (store.transaction.oncomplete = resolve));
  });
  await dashboard.page.reload();
  await expect(dashboard.page.getByText('2009 touchpoints')).toBeVisible();
  expect(await dashboard.cards.count()).toBeLessThan(40);
  await dashboard.page.locator('.timeline-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(dashboard.card('Generated 2000')).toBeVisible();
  expect(await dashboard.cards.count()).toBeLessThan(40);
});

test('the metrics tab shows the journey as charts, each with its numbers as a table', async ({ session }) => {
  const dashboard = await Dashboard.open(session);
  await dashboard.loadSample();
  await dashboard.openJourney(NORTHWIND);
  const charts = new MetricsCharts(dashboard.page);
  await charts.open();

  const friction = 'Friction per stage, by severity';
  await expect(charts.picture(friction)).toHaveAccessibleName(
    /Awareness: no friction\. Consideration: 1 minor, 1 major\. Purchase: 1 moderate\. Retention: no friction/,
  );
  await expect(charts.figure(friction).getByRole('list', { name: 'Severities' })).toHaveText(
    /Minor.*Moderate.*Major.*Blocker/,
  );
  expect(await charts.table(friction)).toEqual([
    ['Awareness', '0', '0', '0', '0', '0'],
    ['Consideration', '1', '0', '1', '0', '2'],
    ['Purchase', '0', '1', '0', '0', '1'],
    ['Retention', '0', '0', '0', '0', '0'],
    ['Advocacy', '0', '0', '0', '0', '0'],
  ]);
  // The bars carry the same counts: one minor and one major segment in Consideration, 2 in all.
  const drawn = await charts.drawnText(friction);
  expect(drawn.slice(drawn.indexOf('Consideration'), drawn.indexOf('Purchase'))).toEqual([
    'Consideration',
    '1',
    '1',
    '2',
  ]);

  const emotion = 'Emotion per touchpoint';
  await expect(charts.picture(emotion)).toHaveAccessibleName(
    /9 of 9 rated: 1 Search ad.*5 Quote step 2 — Your licence: -1\.0 Negative/,
  );
  await expect(charts.picture(emotion).locator('circle')).toHaveCount(9);
  const emotions = await charts.table(emotion);
  expect(emotions.map((row) => row[3])).toEqual([
    '0.0 Neutral',
    '+1.0 Positive',
    '+1.0 Positive',
    '0.0 Neutral',
    '-1.0 Negative',
    '+1.0 Positive',
    '-1.0 Negative',
    '+1.0 Positive',
    '0.0 Neutral',
  ]);

  const owners = 'Share of touchpoints per owner';
  await expect(charts.picture(owners)).toHaveAccessibleName(/Company-owned 89 %, Partner-owned 11 %/);
  expect(await charts.table(owners)).toEqual([
    ['Company-owned', '89 %'],
    ['Partner-owned', '11 %'],
  ]);
  expect(await charts.table('Share of touchpoints per channel')).toEqual([
    ['Website', '67 %'],
    ['Email', '22 %'],
    ['Online ad', '11 %'],
  ]);

  // On paper the tables show without being opened.
  await dashboard.page.reload();
  await charts.figure(friction).waitFor();
  await expect(charts.figure(friction).getByRole('table')).toBeHidden();
  await dashboard.page.emulateMedia({ media: 'print' });
  await expect(charts.figure(friction).getByRole('table')).toBeVisible();
  await expect(charts.figure(emotion).getByRole('table')).toBeVisible();
});
