import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { commitCapture, db, dismissPendingSignal, pauseJourney, recordSignal, resolveSignal } from '../../lib/db';
import { handleAgentMessage } from '../../lib/capture/page-reports';
import { DEFAULT_THRESHOLDS } from '../../lib/signals/detectors';
import { activeJourneyId, signalThresholdsItem } from '../../lib/extension-storage/items';
import { capturedPage, walkInProgress } from './factories';

const rage = { kind: 'rage-click' as const, at: 1_700_000_002_000, detail: '3 clicks within 0.6 s on “Pay”' };
const CART = 'https://shop.example/cart';

describe('filing detected signals', () => {
  it('attaches a signal to the latest touchpoint when it was recorded on the same page', async () => {
    const { journey } = await walkInProgress();
    const point = await commitCapture(capturedPage(journey.id, { url: CART }));
    await recordSignal(journey.id, CART, rage);
    const stored = await db.touchpoints.get(point.id);
    expect(stored?.signals).toMatchObject([{ kind: 'rage-click', status: 'suggested', detail: rage.detail }]);
  });

  it('keeps a signal from another page for the next touchpoint', async () => {
    const { journey } = await walkInProgress();
    const earlier = await commitCapture(capturedPage(journey.id, { url: CART }));
    await recordSignal(journey.id, 'https://shop.example/checkout', rage);
    expect((await db.touchpoints.get(earlier.id))?.signals).toEqual([]);
    expect((await db.journeys.get(journey.id))?.pendingSignals).toHaveLength(1);

    const next = await commitCapture(capturedPage(journey.id, { url: 'https://shop.example/checkout' }));
    expect(next.signals).toMatchObject([{ kind: 'rage-click' }]);
    expect((await db.journeys.get(journey.id))?.pendingSignals).toEqual([]);
  });

  it('lets the researcher dismiss a waiting signal', async () => {
    const { journey } = await walkInProgress();
    const signal = await recordSignal(journey.id, CART, rage);
    await dismissPendingSignal(journey.id, signal.id);
    expect((await db.journeys.get(journey.id))?.pendingSignals).toEqual([]);
  });

  it('turns an accepted signal into friction, keeping what the researcher wrote', async () => {
    const { journey } = await walkInProgress();
    const point = await commitCapture(capturedPage(journey.id, { url: CART }));
    await db.touchpoints.update(point.id, {
      friction: { severity: 'major', categories: ['trust-privacy'], notes: 'Asks for the card first' },
    });
    const signal = await recordSignal(journey.id, CART, rage);
    await resolveSignal(point.id, signal.id, 'accepted');
    const stored = await db.touchpoints.get(point.id);
    expect(stored?.friction).toEqual({
      severity: 'major',
      categories: ['trust-privacy', 'complicated-process'],
      notes: `Asks for the card first\n${rage.detail}`,
    });
    expect(stored?.signals[0]?.status).toBe('accepted');
  });

  it('raises no friction for a dismissed signal', async () => {
    const { journey } = await walkInProgress();
    const point = await commitCapture(capturedPage(journey.id, { url: CART }));
    const signal = await recordSignal(journey.id, CART, rage);
    await resolveSignal(point.id, signal.id, 'dismissed');
    const stored = await db.touchpoints.get(point.id);
    expect(stored?.friction.severity).toBe('none');
    expect(stored?.signals[0]?.status).toBe('dismissed');
  });
});

describe('reports from page agents', () => {
  const fromPage = { id: fakeBrowser.runtime.id, url: CART, tab: { id: 5 } as never, frameId: 0 };
  const report = { type: 'page-signal', kind: 'dead-click', at: 1_700_000_003_000, facts: { label: 'Compare sizes' } };

  it('are filed while a journey records, described in the background from their facts', async () => {
    const { journey } = await walkInProgress();
    await activeJourneyId.setValue(journey.id);
    await handleAgentMessage(report, fromPage, fakeBrowser.runtime.id);
    expect((await db.journeys.get(journey.id))?.pendingSignals).toMatchObject([
      { kind: 'dead-click', detail: 'Nothing happened after a click on “Compare sizes”' },
    ]);
  });

  it('are described in plain, bounded text whatever facts a page makes up', async () => {
    const { journey } = await walkInProgress();
    await activeJourneyId.setValue(journey.id);
    const odd = { ...report, kind: 'rage-click', facts: { clicks: 'many', ms: 'soon', label: 7 } };
    await handleAgentMessage(odd, fromPage, fakeBrowser.runtime.id);
    expect((await db.journeys.get(journey.id))?.pendingSignals).toMatchObject([
      { kind: 'rage-click', detail: 'many clicks within ? s on an unlabelled element' },
    ]);
    // Facts as long as the protocol lets through still make a detail a signal can keep.
    const long = { ...report, kind: 'excessive-scroll', facts: { turns: '9'.repeat(2_000), ms: 1 } };
    await handleAgentMessage(long, fromPage, fakeBrowser.runtime.id);
    const filed = (await db.journeys.get(journey.id))?.pendingSignals ?? [];
    expect(filed.map((s) => s.kind)).toEqual(['rage-click', 'excessive-scroll']);
    expect(filed[1]?.detail).toBe('Scrolled up and down, changing direction 999999 times within 0.0 s');
  });

  it('keep a detail the masking lengthens within what a signal holds', async () => {
    const { journey } = await walkInProgress();
    await activeJourneyId.setValue(journey.id);
    // A quick back whose address is as long as the protocol allows, full of addresses to mask.
    const url = `https://shop.example/?${'a@b.co&'.repeat(280)}`.slice(0, 2_000);
    const signal = await recordSignal(journey.id, CART, {
      kind: 'quick-back',
      at: 1,
      detail: `Left ${url} after 1.0 s`,
    });
    expect(signal.detail.length).toBeLessThanOrEqual(2_000);
    expect(signal.detail).toContain('[email]');
  });

  it('are ignored when no journey records, when malformed, or when not from a tab of ours', async () => {
    const { journey } = await walkInProgress();
    await activeJourneyId.setValue(journey.id);
    await handleAgentMessage({ ...report, kind: 'steal-data' }, fromPage, fakeBrowser.runtime.id);
    await handleAgentMessage({ ...report, facts: { label: 'x'.repeat(5000) } }, fromPage, fakeBrowser.runtime.id);
    await handleAgentMessage({ ...report, facts: { label: { html: '<b>' } } }, fromPage, fakeBrowser.runtime.id);
    const manyFacts = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`f${i}`, i]));
    await handleAgentMessage({ ...report, facts: manyFacts }, fromPage, fakeBrowser.runtime.id);
    await handleAgentMessage({ ...report, facts: undefined }, fromPage, fakeBrowser.runtime.id);
    await handleAgentMessage(report, { ...fromPage, tab: undefined }, fakeBrowser.runtime.id);
    await handleAgentMessage(report, { ...fromPage, id: 'another-extension' }, fakeBrowser.runtime.id);
    await pauseJourney(journey.id);
    await handleAgentMessage(report, fromPage, fakeBrowser.runtime.id);
    expect((await db.journeys.get(journey.id))?.pendingSignals).toEqual([]);
  });

  it('spot a quick back across page loads', async () => {
    const { journey } = await walkInProgress();
    await activeJourneyId.setValue(journey.id);
    const nav = (url: string, at: number) => ({ type: 'page-navigation', url, at });
    const tab = (url: string) => ({ ...fromPage, url });
    await handleAgentMessage(
      nav('https://shop.example/products', 1000),
      tab('https://shop.example/products'),
      fakeBrowser.runtime.id,
    );
    await handleAgentMessage(
      nav('https://shop.example/product', 2000),
      tab('https://shop.example/product'),
      fakeBrowser.runtime.id,
    );
    await handleAgentMessage(
      nav('https://shop.example/products', 3500),
      tab('https://shop.example/products'),
      fakeBrowser.runtime.id,
    );
    expect((await db.journeys.get(journey.id))?.pendingSignals).toMatchObject([{ kind: 'quick-back' }]);
  });

  it("use the researcher's quick-back threshold", async () => {
    const { journey } = await walkInProgress();
    await activeJourneyId.setValue(journey.id);
    await signalThresholdsItem.setValue({ ...DEFAULT_THRESHOLDS, 'quick-back': { withinMs: 1000 } });
    const visit = (path: string, at: number) =>
      handleAgentMessage(
        { type: 'page-navigation', url: `https://shop.example/${path}`, at },
        { ...fromPage, url: `https://shop.example/${path}` },
        fakeBrowser.runtime.id,
      );
    await visit('list', 100_000);
    await visit('item', 101_000);
    await visit('list', 102_500); // back after 1.5 s: quick by default, not with a 1 s threshold
    expect((await db.journeys.get(journey.id))?.pendingSignals).toEqual([]);
    await visit('a', 110_000);
    await visit('b', 111_000);
    await visit('a', 111_800);
    expect((await db.journeys.get(journey.id))?.pendingSignals).toMatchObject([{ kind: 'quick-back' }]);
  });
});
