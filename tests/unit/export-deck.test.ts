import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { db } from '../../lib/db';
import { gatherExport } from '../../lib/export/gather';
import { writeDeck } from '../../lib/export/deck';
import { PPTX_MIME } from '../../lib/export/deck/output';
import { deckOf, emptyJourneys, rasteriseStandIn, sampleStudy, slideText, unzipDeck } from './deck-support';

describe('slide deck', () => {
  it('has a title, the persona, the map, one slide per key touchpoint and the metrics', async () => {
    const { northwind } = await sampleStudy();
    const blob = await deckOf({ journeyId: northwind.id }, { touchpoints: 'key' });
    expect(blob.type).toBe(PPTX_MIME);
    const deck = await unzipDeck(blob);
    const keyTitles = (await db.touchpoints.where({ journeyId: northwind.id }).sortBy('seq'))
      .filter((t) => t.key)
      .map((t) => t.title);
    expect(keyTitles).toHaveLength(5);
    // title + persona + map + 5 touchpoints + metrics
    expect(deck.slides).toHaveLength(9);
    expect(slideText(deck.slides[0]!)).toContain('Sample: car insurance quote');
    expect(slideText(deck.slides[0]!)).toContain('Northwind Insurance vs Contoso Cover');
    expect(slideText(deck.slides[1]!)).toContain('Carl');
    expect(slideText(deck.slides[1]!)).toContain('Forms that ask for everything up front');
    expect(slideText(deck.slides[2]!)).toContain('Journey map');
    expect(deck.slides.slice(3, 8).map((xml, i) => slideText(xml).includes(keyTitles[i]!))).toEqual(
      keyTitles.map(() => true),
    );
    expect(slideText(deck.slides[8]!)).toContain('Metrics');
  });

  it('key first, then the others; or all in walk order', async () => {
    const { northwind } = await sampleStudy();
    const points = await db.touchpoints.where({ journeyId: northwind.id }).sortBy('seq');
    const keyFirst = [...points.filter((t) => t.key), ...points.filter((t) => !t.key)].map((t) => t.title);
    for (const [choice, order] of [
      ['key-first', keyFirst],
      ['all', points.map((t) => t.title)],
    ] as const) {
      const deck = await unzipDeck(await deckOf({ journeyId: northwind.id }, { touchpoints: choice }));
      expect(deck.slides).toHaveLength(3 + 9 + 1);
      const headings = deck.slides.slice(3, 12).map((xml) => slideText(xml));
      expect(headings.map((text, i) => text.includes(`${order[i]}`))).toEqual(order.map(() => true));
    }
  });

  it('embeds one image per touchpoint screenshot, each from its own exported screenshot', async () => {
    const { northwind } = await sampleStudy();
    const deck = await unzipDeck(await deckOf({ journeyId: northwind.id }, { touchpoints: 'all' }));
    const shots = (await db.touchpoints.where({ journeyId: northwind.id }).toArray()).flatMap((t) =>
      t.screenshotId ? [t.screenshotId] : [],
    );
    expect(shots).toHaveLength(7);
    expect(deck.media).toHaveLength(7);
    const tags = deck.media.map((name) => strFromU8(deck.files[name]!, true).match(/[0-9a-f-]{36}/)?.[0]);
    expect(tags.sort()).toEqual([...shots].sort());
  });

  it('carries the considerations into the map and the metrics', async () => {
    const { northwind } = await sampleStudy();
    const price = (await db.touchpoints.where({ journeyId: northwind.id }).toArray()).find(
      (t) => t.title === 'Price page',
    )!;
    await db.touchpoints.update(price.id, { considerations: { appropriateness: 4, relevance: 5, endearment: 2 } });
    const deck = await unzipDeck(await deckOf({ journeyId: northwind.id }));
    const text = deck.slides.map(slideText);
    expect(text[2]).toContain('A 4.0 · R 5.0 · M – · E 2.0');
    const priceSlide = text.find((t) => t.includes('Price page') && t.includes('Key touchpoint'))!;
    expect(priceSlide).toContain('Appropriateness 4.0, Relevance 5.0, Meaningfulness –, Endearment 2.0');
    // Stage, touchpoints, friction, emotion, effort, then the four averages.
    expect(text.at(-1)).toContain('Appropriateness Relevance Meaningfulness Endearment');
    expect(text.at(-1)).toContain('Purchase 2 1 · worst Moderate 0.0 Neutral 3.0 4.0 5.0 – 2.0');
  });

  it('puts the researcher’s notes as the quote and the URL in the speaker notes', async () => {
    const { northwind } = await sampleStudy();
    const deck = await unzipDeck(await deckOf({ journeyId: northwind.id }));
    const licence = deck.slides.findIndex((xml) => slideText(xml).includes('5 · Quote step 2'));
    expect(slideText(deck.slides[licence]!)).toContain('“Licence number demanded before any price is shown”');
    expect(slideText(deck.slides[licence]!)).toContain('Major');
    expect(slideText(deck.slides[licence]!)).toContain('Missing information, Trust / privacy');
    const notes = Object.entries(deck.files)
      .filter(([name]) => name.startsWith('ppt/notesSlides/'))
      .map(([, bytes]) => strFromU8(bytes));
    expect(notes.some((xml) => xml.includes('https://northwind.example/step-5'))).toBe(true);
  });

  it('adds a compare slide for 2 to 4 journeys only', async () => {
    const { study, northwind, contoso } = await sampleStudy();
    const two = await unzipDeck(await deckOf({ journeyIds: [northwind.id, contoso.id] }));
    // title + Carl + (map + 5 + metrics) + (map + 3 + metrics) + compare
    expect(two.slides).toHaveLength(1 + 1 + 7 + 5 + 1);
    expect(slideText(two.slides.at(-1)!)).toContain('Compare 2 journeys');
    expect(slideText(two.slides.at(-1)!)).toContain('▲ most');

    const one = await unzipDeck(await deckOf({ journeyId: northwind.id }));
    expect(one.slides.some((xml) => /Compare \d journeys/.test(slideText(xml)))).toBe(false);

    const [empty] = await emptyJourneys(study.id, 3);
    const three = await unzipDeck(await deckOf({ journeyIds: [northwind.id, contoso.id, empty!] }));
    // the empty journey: map + "no touchpoints" + metrics
    expect(three.slides).toHaveLength(1 + 1 + 7 + 5 + 3 + 1);
    expect(slideText(three.slides.at(-1)!)).toContain('Compare 3 journeys');
    expect(three.slides.some((xml) => slideText(xml).includes('No touchpoints were kept in this journey yet.'))).toBe(
      true,
    );

    const five = await unzipDeck(await deckOf({ studyId: study.id }));
    // title + Carl + Dana + the two walked journeys + three empty ones, no compare
    expect(five.slides).toHaveLength(1 + 2 + 7 + 5 + 3 * 3);
    expect(five.slides.some((xml) => /Compare \d journeys/.test(slideText(xml)))).toBe(false);
  });

  it('says so when a journey has no key touchpoints', async () => {
    const { northwind } = await sampleStudy();
    await db.touchpoints.where({ journeyId: northwind.id }).modify({ key: false });
    const deck = await unzipDeck(await deckOf({ journeyId: northwind.id }, { touchpoints: 'key' }));
    expect(deck.slides).toHaveLength(5);
    expect(slideText(deck.slides[3]!)).toContain('No key touchpoints in this journey');
    expect(deck.media).toHaveLength(0);
  });

  it('writes user text as text, never as markup', async () => {
    const { northwind } = await sampleStudy();
    const data = await gatherExport({ journeyId: northwind.id });
    const hostile = '<b>&"';
    data.study = { ...data.study, name: `Study ${hostile}`, stages: data.study.stages.map((s) => `${s} ${hostile}`) };
    data.touchpoints = data.touchpoints.map((t) => ({
      ...t,
      title: `${t.title} ${hostile}`,
      stage: `${t.stage} ${hostile}`,
    }));
    const deck = await unzipDeck(
      await writeDeck(data, { rasterise: rasteriseStandIn, touchpoints: 'key', now: new Date() }),
    );
    const xml = Object.entries(deck.files).filter(([name]) => name.endsWith('.xml'));
    expect(xml.length).toBeGreaterThan(10);
    for (const [, bytes] of xml) expect(strFromU8(bytes)).not.toContain(hostile);
    // The charts' workbooks carry the stage names too.
    const workbooks = Object.entries(deck.files).filter(([name]) => name.endsWith('.xlsx'));
    expect(workbooks.length).toBeGreaterThan(0);
    for (const [, book] of workbooks)
      for (const [name, bytes] of Object.entries(unzipSync(book)))
        if (name.endsWith('.xml')) expect(strFromU8(bytes)).not.toContain(hostile);
    expect(slideText(deck.slides[0]!)).toContain(`Study ${hostile}`);
    expect(deck.slides.some((slide) => slideText(slide).includes(`Price page ${hostile}`))).toBe(true);
  });

  it('keeps going when a screenshot cannot be read, and says so on its slide', async () => {
    const { northwind } = await sampleStudy();
    const points = await db.touchpoints.where({ journeyId: northwind.id }).sortBy('seq');
    const broken = points.find((t) => t.key && t.screenshotId)!;
    const deck = await unzipDeck(
      await deckOf(
        { journeyId: northwind.id },
        {
          rasterise: (shot, annotations) =>
            shot.id === broken.screenshotId
              ? Promise.reject(new Error('The source image could not be decoded.'))
              : rasteriseStandIn(shot, annotations),
        },
      ),
    );
    const slide = deck.slides.find((xml) => slideText(xml).includes(`${broken.seq} · ${broken.title}`))!;
    expect(slideText(slide)).toContain(
      'The screenshot could not be read, so it is left out here (The source image could not be decoded.)',
    );
    expect(deck.media).toHaveLength(points.filter((t) => t.key && t.screenshotId).length - 1);
  });

  it('leaves out the control characters XML forbids, which a page title can hold', async () => {
    const { northwind } = await sampleStudy();
    const first = (await db.touchpoints.where({ journeyId: northwind.id }).sortBy('seq'))[0]!;
    await db.touchpoints.update(first.id, { title: 'Tab\u000bstop\u001b[0m and a lone \ud800 half' });
    const deck = await unzipDeck(await deckOf({ journeyId: northwind.id }, { touchpoints: 'all' }));
    const xml = Object.entries(deck.files)
      .filter(([name]) => /\.(xml|rels)$/.test(name))
      .map(([, bytes]) => strFromU8(bytes))
      .join('');
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(deck.slides.map(slideText).join(' ')).toMatch(/Tab stop \[0m and a lone\s+half/);
  });

  it('reports progress per touchpoint and stops when cancelled', async () => {
    const { northwind } = await sampleStudy();
    const onProgress = vi.fn();
    await deckOf({ journeyId: northwind.id }, { touchpoints: 'all', onProgress });
    expect(onProgress.mock.calls.map(([p]: unknown[]) => p)).toEqual(
      Array.from({ length: 10 }, (_, i) => ({ done: i + 1, total: 10 })),
    );

    const before = new AbortController();
    before.abort();
    await expect(deckOf({ journeyId: northwind.id }, { signal: before.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });

    const midway = new AbortController();
    const rasterise = vi.fn(async (...args: Parameters<typeof rasteriseStandIn>) => {
      midway.abort();
      return rasteriseStandIn(...args);
    });
    await expect(
      deckOf({ journeyId: northwind.id }, { touchpoints: 'all', signal: midway.signal, rasterise }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(rasterise).toHaveBeenCalledTimes(1);
  });
});
