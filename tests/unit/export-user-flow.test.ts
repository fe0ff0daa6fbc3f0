import { parse } from '@puppeteer/replay';
import { describe, expect, it } from 'vitest';
import { addOffsiteTouchpoint, commitCapture } from '../../lib/db';
import { gatherExport } from '../../lib/export/gather';
import { userFlow } from '../../lib/export/user-flow';
import { capturedPage, walkInProgress } from './factories';

const element = (name: string) => ({
  selector: `#${name.toLowerCase().replace(/\W+/g, '-')}`,
  ariaSelector: `button "${name}"`,
  text: name,
  role: 'button',
  rect: { x: 10, y: 20, width: 120, height: 40 },
});

describe('the replayable user flow', () => {
  it('is a valid Recorder flow: viewport, navigations, clicks and a touchpoint step for each', async () => {
    const { journey } = await walkInProgress();
    await commitCapture(capturedPage(journey.id, { url: 'https://shop.example/' }));
    await commitCapture(
      capturedPage(journey.id, { url: 'https://shop.example/', source: 'picked', element: element('Add "gift" wrap') }),
    );
    await commitCapture(capturedPage(journey.id, { url: 'https://shop.example/cart' }));
    await addOffsiteTouchpoint(journey.id, 'email');
    const data = await gatherExport({ journeyId: journey.id });
    const flow = userFlow(data, data.journeys[0]!);

    const parsed = parse(JSON.parse(JSON.stringify(flow)));
    expect(parsed.title).toBe('Buy boots');
    expect(parsed.steps.map((s) => s.type)).toEqual([
      'setViewport',
      'navigate',
      'customStep',
      'customStep',
      'click',
      'customStep',
      'customStep',
    ]);
    expect(parsed.steps[0]).toMatchObject({ width: 1280, height: 800 });
    const click = parsed.steps[4]!;
    expect(click).toMatchObject({
      selectors: [['aria/Add "gift" wrap[role="button"]'], ['#add-gift-wrap']],
      offsetX: 60,
      offsetY: 20,
      assertedEvents: [{ type: 'navigation', url: 'https://shop.example/cart' }],
    });
    expect(parsed.steps[6]).toMatchObject({ name: 'touchpoint', parameters: { seq: 4, channel: 'email' } });
  });
});
