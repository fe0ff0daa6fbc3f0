// A journey's new touchpoints: captures (from the background worker) and off-site entries (from
// the side panel), written through store.ts so the worker ships without Dexie.

import {
  screenshot,
  touchpoint,
  type Channel,
  type ElementDescriptor,
  type Journey,
  type Screenshot,
  type Study,
  type Touchpoint,
} from '../model';
import { maskDescriptor, maskText, textMaskingOf } from '../privacy/mask-text';
import { JOURNEY_GONE, JourneyClosedError, NotRecordingError, wasRecordingAt } from './recording';
import { writeStore, type StoreTransaction } from './store';
import { latestTouchpoint } from './store-reads';

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

type NewTouchpointTransaction = StoreTransaction<['studies', 'journeys', 'touchpoints', 'screenshots'], 'readwrite'>;

/**
 * Writes the screenshot and its touchpoint in one transaction, with the journey's next
 * sequence number, so a capture either lands whole or not at all. A job redone after the
 * service worker stopped between saving and dequeuing it finds its touchpoint and adds nothing.
 */
export async function commitCapture(page: CapturedPage): Promise<Touchpoint> {
  return writeStore(['studies', 'journeys', 'touchpoints', 'screenshots'], async (transaction) => {
    const touchpoints = transaction.objectStore('touchpoints');
    // Asked all at once: a transaction answers its reads in turn, without a round trip each.
    const alreadyRead = page.id ? touchpoints.get(page.id) : undefined;
    const journeyRead = openJourney(transaction, page.journeyId, page.capturedAt);
    const previousRead = latestTouchpoint(transaction, page.journeyId);
    journeyRead.catch(() => undefined); // awaited below, unless the touchpoint is saved already
    previousRead.catch(() => undefined);
    const already = await alreadyRead;
    if (already) return already;
    const journey = await journeyRead;
    const study = await transaction.objectStore('studies').get(journey.studyId);
    // What the screenshot masks does not reach the record as text either.
    const masking = textMaskingOf(journey, study);
    const element = page.element && maskDescriptor(page.element, masking);
    const pageTitle = page.pageTitle && maskText(page.pageTitle, masking);
    const touchpointId = page.id ?? crypto.randomUUID();
    const shot = page.image && screenshot.parse({ ...page.image, id: crypto.randomUUID(), touchpointId });
    const record = touchpoint.parse({
      ...defaultsFor(await previousRead, study),
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
    await transaction.objectStore('journeys').put({ ...journey, nextSeq: journey.nextSeq + 1, pendingSignals: [] });
    if (shot) await transaction.objectStore('screenshots').add(shot);
    await touchpoints.add(record);
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
  return writeStore(['studies', 'journeys', 'touchpoints', 'screenshots'], async (transaction) => {
    const journey = await openJourney(transaction, journeyId);
    const [previous, study] = await Promise.all([
      latestTouchpoint(transaction, journeyId),
      transaction.objectStore('studies').get(journey.studyId),
    ]);
    const record = touchpoint.parse({
      ...defaultsFor(previous, study),
      id: crypto.randomUUID(),
      journeyId,
      seq: journey.nextSeq,
      capturedAt: now,
      source: 'offsite',
      title: 'Off-site touchpoint',
      channel,
    });
    await transaction.objectStore('journeys').put({ ...journey, nextSeq: journey.nextSeq + 1 });
    await transaction.objectStore('touchpoints').add(record);
    return record;
  });
}

/** Adds clicks of a burst to its saved draft (nothing, if the researcher deleted it meanwhile). */
export async function addExtraClicks(touchpointId: string, clicks: number): Promise<void> {
  await writeStore(['touchpoints'], async (transaction) => {
    const touchpoints = transaction.objectStore('touchpoints');
    const point = await touchpoints.get(touchpointId);
    if (point) await touchpoints.put({ ...point, extraClicks: point.extraClicks + clicks });
  });
}

/**
 * The journey to record into. A capture requested before the journey ended (or was paused)
 * still lands: the researcher asked for it while the walk was on.
 */
async function openJourney(
  transaction: NewTouchpointTransaction,
  journeyId: string,
  requestedAt?: number,
): Promise<Journey> {
  const journey = await transaction.objectStore('journeys').get(journeyId);
  if (!journey) throw new NotRecordingError(JOURNEY_GONE);
  if (journey.status === 'done' && !wasRecordingAt(journey, requestedAt)) throw new JourneyClosedError();
  return journey;
}

/**
 * A new touchpoint starts in the stage of the one before it (walks move forward through the
 * stages), or in the study's first stage.
 */
function defaultsFor(previous: Touchpoint | undefined, study: Study | undefined) {
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
