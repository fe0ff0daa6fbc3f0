import { expect, test } from './fixtures';
import { AccountPage } from './pages/AccountPage';
import type { PageBox } from './support/boxes-in-page';
import { lookAt } from './support/masks-in-image';

// A study's own privacy settings, judged from the stored screenshot of the demo shop's My account
// page: "Always mask" hides the persona's name wherever it shows, "Mask all text" turns headings
// and prices into boxes, "Hide images and media" covers an image, an inline SVG icon, a canvas
// and a background image. The positive control is the same page with the settings off.

const COVERED = 0.95;

/** Media the page gains for the test (data: URLs, so no network): an image, an icon, a canvas, a background. */
async function addMedia(account: AccountPage) {
  await account.page.evaluate(() => {
    const pixel =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC';
    const strip = document.createElement('div');
    strip.id = 'media-strip';
    strip.style.cssText = 'position:fixed;top:120px;right:20px;display:flex;gap:12px;z-index:5';
    strip.innerHTML = `
      <img id="photo" src="${pixel}" width="80" height="80" alt="Boots">
      <svg id="icon" width="40" height="40" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5" fill="#c00"/></svg>
      <canvas id="chart" width="80" height="80"></canvas>
      <div id="banner" style="width:80px;height:80px;background-image:url('${pixel}');background-size:cover"></div>
      <p id="split-name" style="background:#fff"><b>Dana</b> <b>Whitfield</b></p>`;
    document.body.append(strip);
    const context = (document.getElementById('chart') as HTMLCanvasElement).getContext('2d')!;
    context.fillStyle = '#0a7';
    context.fillRect(0, 0, 80, 80);
  });
  await expect(account.page.locator('#photo')).toHaveJSProperty('complete', true);
}

const TARGETS = {
  name: { selector: '#customer-name', text: 'Dana Whitfield' },
  // Two inline elements and the space between them: still the phrase.
  'name split over elements': { selector: '#split-name b:last-child' },
  heading: { selector: 'h1', text: 'My account' },
  'settings heading': { selector: '#settings-heading', text: 'Account settings' },
  image: { selector: '#photo' },
  icon: { selector: '#icon' },
  canvas: { selector: '#chart' },
  'background image': { selector: '#banner' },
};
type Target = keyof typeof TARGETS;

const CASES: {
  settings: string;
  words?: string;
  allText?: boolean;
  media?: boolean;
  masked: Target[];
  said?: RegExp;
}[] = [
  { settings: 'all off (the control)', masked: [] },
  {
    settings: 'the name always masked',
    words: 'dana whitfield',
    masked: ['name', 'name split over elements'],
    said: /2 of your own words/,
  },
  {
    settings: 'all text and media masked',
    allText: true,
    media: true,
    masked: Object.keys(TARGETS) as Target[],
    said: /\d+ text runs, 4 images and videos/,
  },
];

for (const { settings: title, words, allText, media, masked, said } of CASES) {
  test(`a study's privacy settings, ${title}, are what the stored screenshot hides`, async ({ panel, shop }) => {
    await panel.createStudy('Own words', 'Northwind Outfitters', shop.page.url());
    await panel.createPersona('Dana', 'Buys with her own name and card', []);
    await panel.startJourney('Account', 'Check the order');
    const settings = await (await panel.privacySettings()).open();
    if (allText) await settings.switch('Mask all text').click();
    if (media) await settings.switch('Hide images and media').click();
    if (words) await settings.addAlwaysMask(words);
    await expect(settings.switch('Mask all text')).toBeChecked({ checked: Boolean(allText) });
    await expect(settings.switch('Hide images and media')).toBeChecked({ checked: Boolean(media) });
    await expect.poll(() => settings.alwaysMasked()).toEqual(words ? [words] : []);

    await shop.open('account.html');
    const account = new AccountPage(shop.page);
    await addMedia(account);
    const boxes: [Target, PageBox][] = [];
    for (const [name, target] of Object.entries(TARGETS))
      boxes.push([name as Target, (await account.boxes(target))[0]!]);
    await panel.capture();

    const { file } = await panel.export();
    const shot = file.screenshots[0]!;
    const scale = await account.scaleOf(shot.width);
    const image = { base64: shot.image, mime: shot.mime };
    const hidden: Target[] = [];
    for (const [name, box] of boxes)
      if ((await lookAt(panel.page, image, box, scale)).masked >= COVERED) hidden.push(name);
    expect(hidden.sort()).toEqual([...masked].sort());
    if (said) await expect(panel.page.locator('.capture-bar > .mask-summary')).toHaveText(said);
  });
}
