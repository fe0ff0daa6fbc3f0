// The walk as a Chrome DevTools Recorder user flow (the @puppeteer/replay JSON schema): the
// viewport, the navigations and the picked or auto-recorded clicks, with each touchpoint's data
// in a customStep named "touchpoint", so the walk can be replayed later to see what changed.

import type { ElementDescriptor, Journey, Touchpoint } from '../model';
import type { ExportData } from './gather';

type Step = { type: string; [key: string]: unknown };

export interface UserFlow {
  title: string;
  steps: Step[];
}

export function userFlow(data: ExportData, journey: Journey): UserFlow {
  const points = data.touchpoints.filter((t) => t.journeyId === journey.id).sort((a, b) => a.seq - b.seq);
  const firstShot = data.screenshots.find((s) => points.some((t) => t.screenshotId === s.id));
  const steps: Step[] = [
    {
      type: 'setViewport',
      width: firstShot ? Math.round(firstShot.width / firstShot.devicePixelRatio) : 1280,
      height: firstShot ? Math.round(firstShot.height / firstShot.devicePixelRatio) : 800,
      deviceScaleFactor: firstShot?.devicePixelRatio ?? 1,
      isMobile: false,
      hasTouch: false,
      isLandscape: false,
    },
  ];
  let currentUrl: string | undefined;
  let lastClick: Step | undefined;
  for (const point of points) {
    if (point.url && point.url !== currentUrl && /^https?:/i.test(point.url)) {
      // A click that led here asserts the navigation; otherwise the researcher went there.
      if (lastClick) lastClick.assertedEvents = [{ type: 'navigation', url: point.url, title: point.pageTitle ?? '' }];
      else steps.push({ type: 'navigate', url: point.url });
      currentUrl = point.url;
    }
    lastClick = undefined;
    steps.push(touchpointStep(point));
    if (point.element && (point.source === 'picked' || point.source === 'auto')) {
      lastClick = clickStep(point.element);
      steps.push(lastClick);
    }
  }
  return { title: journey.title, steps };
}

function clickStep(element: ElementDescriptor): Step {
  const selectors: string[][] = [[element.selector]];
  const name = /^[^"]*"(.*)"$/.exec(element.ariaSelector ?? '')?.[1]?.replace(/\\"/g, '"');
  if (name) selectors.unshift([`aria/${name}${element.role ? `[role="${element.role}"]` : ''}`]);
  return {
    type: 'click',
    selectors,
    offsetX: Math.round(element.rect.width / 2),
    offsetY: Math.round(element.rect.height / 2),
  };
}

function touchpointStep(point: Touchpoint): Step {
  return {
    type: 'customStep',
    name: 'touchpoint',
    parameters: {
      seq: point.seq,
      title: point.title,
      stage: point.stage,
      channel: point.channel,
      source: point.source,
      friction: point.friction,
      emotion: point.emotion ?? null,
      momentOfTruth: point.momentOfTruth,
      key: point.key,
      annotations: point.annotations,
    },
  };
}
