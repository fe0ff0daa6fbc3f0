import { describe, expect, it } from 'vitest';
import { commitCapture, db, recordSignal, setMasking } from '../../lib/db';
import { maskText } from '../../lib/privacy/mask-text';
import type { ElementDescriptor } from '../../lib/model';
import { capturedPage, walkInProgress } from './factories';

const ON = { personalData: true, alwaysMask: [] };

describe('text that leaves the page is masked as the screenshot is', () => {
  it.each([
    ['Signed in as ada@example.com', 'Signed in as [email]'],
    ['Call +44 20 7946 0958 or 0161 496 0000', 'Call [phone] or [phone]'],
    ['Card 4242 4242 4242 4242, Visa ending 4242', 'Card [card], Visa ending 4242'],
    ['Refunds to DE89 3704 0044 0532 0130 00 from 203.0.113.7', 'Refunds to [IBAN] from [IP]'],
    ['Order NW-20261127-0042, total $1,234.56 on 27/11/2026', 'Order NW-20261127-0042, total $1,234.56 on 27/11/2026'],
  ])('%s', (text, stored) => {
    expect(maskText(text, ON)).toBe(stored);
  });

  it("replaces the study's own words whether masking is on or off", () => {
    const words = { alwaysMask: ['Ada Lovelace', '/NW-\\d+/'], personalData: false };
    expect(maskText('Deliver to ADA  LOVELACE, order NW-42, ada@example.com', words)).toBe(
      'Deliver to [masked], order [masked], ada@example.com',
    );
  });
});

const emailLink: ElementDescriptor = {
  selector: 'a[href="mailto:ada@example.com"]',
  ariaSelector: 'link "ada@example.com"',
  text: 'ada@example.com',
  role: 'link',
  rect: { x: 10, y: 20, width: 100, height: 30 },
};

describe('a captured element and page title are stored masked', () => {
  it('with masking on: the picked email address, its name and selector, the title', async () => {
    const { journey } = await walkInProgress();
    const saved = await commitCapture(
      capturedPage(journey.id, { element: emailLink, pageTitle: 'Account of ada@example.com' }),
    );
    const stored = await db.touchpoints.get(saved.id);
    expect(stored?.element).toMatchObject({
      text: '[email]',
      ariaSelector: 'link "[email]"',
      selector: 'a[href="mailto:[email]"]',
    });
    expect(stored?.pageTitle).toBe('Account of [email]');
    expect(stored?.title).toBe('[email] — Account of [email]');
  });

  it('with masking off, as the page showed them (the positive control)', async () => {
    const { journey } = await walkInProgress();
    await setMasking(journey.id, false);
    const saved = await commitCapture(capturedPage(journey.id, { element: emailLink }));
    expect((await db.touchpoints.get(saved.id))?.element?.text).toBe('ada@example.com');
  });

  it("a signal's detail too", async () => {
    const { journey } = await walkInProgress();
    const signal = await recordSignal(journey.id, 'https://shop.example/account', {
      kind: 'dead-click',
      at: 1_700_000_002_000,
      detail: 'Clicked "ada@example.com", nothing happened',
    });
    expect(signal.detail).toBe('Clicked "[email]", nothing happened');
    expect((await db.journeys.get(journey.id))?.pendingSignals.map((s) => s.detail)).toEqual([signal.detail]);
  });
});
