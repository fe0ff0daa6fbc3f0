import {
  screenshot,
  touchpoint,
  type Channel,
  type ElementDescriptor,
  type Journey,
  type Screenshot,
  type Touchpoint,
} from '../model';
import { maskDescriptor, maskText, textMaskingOf } from '../privacy/mask-text';
import { db } from './database';
import { JOURNEY_GONE, JourneyClosedError, NotRecordingError, wasRecordingAt } from './journeys';
import { touchpointsInOrder } from './touchpoints-in-order';

/** What the capture pipeline hands over once the page is captured and encoded. */
export interface CapturedPage {
  /** The capture job's id, used as the touchpoint's: committing the same job twice records it once. */
  id?: string;
  journeyId: string;
  capturedAt: number;
  url?: string;
  pageTitle?: string;
  /** Absent only for an auto-recorded click whose page was gone before it could be captured. */
  image?: Omit<Screenshot, 'id' | 'touchpointId'>;
  source?: 'manual' | 'picked' | 'auto';
  element?: ElementDescriptor;
  draft?: boolean;
  extraClicks?: number;
}

/**
 * Writes the screenshot and its touchpoint in one transaction, with the journey's next
 * sequence number, so a capture either lands whole or not at all. A job redone after the
 * service worker stopped between saving and dequeuing it finds its touchpoint and adds nothing.
 */
export async function commitCapture(page: CapturedPage): Promise<Touchpoint> {
  return db.transaction('rw', [db.studies, db.journeys, db.touchpoints, db.screenshots], async () => {
    const already = page.id ? await db.touchpoints.get(page.id) : undefined;
    if (already) return already;
    const journey = await openJourney(page.journeyId, page.capturedAt);
    // What the screenshot masks does not reach the record as text either.
    const masking = textMaskingOf(journey, await db.studies.get(journey.studyId));
    const element = page.element && maskDescriptor(page.element, masking);
    const pageTitle = page.pageTitle && maskText(page.pageTitle, masking);
    const touchpointId = page.id ?? crypto.randomUUID();
    const shot = page.image && screenshot.parse({ ...page.image, id: crypto.randomUUID(), touchpointId });
    const record = touchpoint.parse({
      ...(await defaultsFor(journey)),
      id: touchpointId,
      journeyId: journey.id,
      seq: journey.nextSeq,
      capturedAt: page.capturedAt,
      source: page.source ?? 'manual',
      element,
      draft: page.draft ?? false,
      extraClicks: page.extraClicks ?? 0,
      title: titleFor({ element, pageTitle }),
      url: page.url,
      pageTitle: pageTitle?.slice(0, 500),
      channel: 'website',
      screenshotId: shot?.id,
      signals: journey.pendingSignals,
    });
    await db.journeys.update(journey.id, { nextSeq: journey.nextSeq + 1, pendingSignals: [] });
    if (shot) await db.screenshots.add(shot);
    await db.touchpoints.add(record);
    return record;
  });
}

/** A picked element names the touchpoint ("Compare sizes — Product page"); otherwise the page does. */
function titleFor(page: Pick<CapturedPage, 'element' | 'pageTitle'>): string {
  const pageTitle = (page.pageTitle ?? '').trim() || 'Untitled page';
  const element = page.element?.text.trim() || page.element?.ariaSelector;
  return (element ? `${element.slice(0, 80)} — ${pageTitle}` : pageTitle).slice(0, 500);
}

/** Records a touchpoint that happened away from the site (an email, a call, a store visit). */
export async function addOffsiteTouchpoint(journeyId: string, channel: Channel = 'email', now = Date.now()) {
  return db.transaction('rw', [db.studies, db.journeys, db.touchpoints], async () => {
    const journey = await openJourney(journeyId);
    const record = touchpoint.parse({
      ...(await defaultsFor(journey)),
      id: crypto.randomUUID(),
      journeyId,
      seq: journey.nextSeq,
      capturedAt: now,
      source: 'offsite',
      title: 'Off-site touchpoint',
      channel,
    });
    await db.journeys.update(journeyId, { nextSeq: journey.nextSeq + 1 });
    await db.touchpoints.add(record);
    return record;
  });
}

/** Annotations are saved through saveAnnotations, which keeps redactions burned into the image. */
export type TouchpointPatch = Partial<Omit<Touchpoint, 'id' | 'journeyId' | 'seq' | 'screenshotId' | 'annotations'>>;

/** Applies an annotation edit; the result is validated, so bad input never reaches the store. */
export async function updateTouchpoint(id: string, patch: TouchpointPatch): Promise<Touchpoint> {
  return db.transaction('rw', db.touchpoints, async () => {
    const current = await db.touchpoints.get(id);
    if (!current) throw new Error('This touchpoint no longer exists.');
    const next = touchpoint.parse({ ...current, ...patch, updatedAt: Date.now() });
    await db.touchpoints.put(next);
    return next;
  });
}

export function listTouchpoints(journeyId: string): Promise<Touchpoint[]> {
  return touchpointsInOrder(journeyId).toArray();
}

/**
 * The journey to record into. A capture requested before the journey ended (or was paused)
 * still lands: the researcher asked for it while the walk was on.
 */
async function openJourney(journeyId: string, requestedAt?: number): Promise<Journey> {
  const journey = await db.journeys.get(journeyId);
  if (!journey) throw new NotRecordingError(JOURNEY_GONE);
  if (journey.status === 'done' && !wasRecordingAt(journey, requestedAt)) throw new JourneyClosedError();
  return journey;
}

/**
 * A new touchpoint starts in the stage of the one before it (walks move forward through the
 * stages), or in the study's first stage.
 */
async function defaultsFor(journey: Journey) {
  const previous = await touchpointsInOrder(journey.id).last();
  const study = previous ? undefined : await db.studies.get(journey.studyId);
  return {
    stage: previous?.stage ?? study?.stages[0] ?? 'Awareness',
    owner: 'company-owned' as const,
    friction: { severity: 'none' as const, categories: [], notes: '' },
    momentOfTruth: false,
    key: false,
    promiseChecks: [],
    signals: [],
    annotations: [],
  };
}
