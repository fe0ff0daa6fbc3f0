// zod/mini, whose parts tree-shake: these schemas reach the background, whose start a capture
// waits for (the full zod took about 90 kB of it and most of its start-up).
import * as z from 'zod/mini';
import {
  CHANNELS,
  CONSIDERATION_MAX,
  CONSIDERATION_MIN,
  DEFAULT_STAGES,
  EFFORT_MAX,
  EFFORT_MIN,
  EMOTION_MAX,
  EMOTION_MIN,
  FRICTION_CATEGORIES,
  FRICTION_SEVERITIES,
  INITIATORS,
  JOURNEY_STATUSES,
  OWNERS,
  PROMISE_STATUSES,
  PURCHASE_PHASES,
  SIGNAL_KINDS,
  TOUCHPOINT_SOURCES,
} from './vocabulary';

// The source of truth for every stored and exported shape (DESIGN.md §3, §4).

export const id = z.uuid();
const timestamp = z.int().check(z.nonnegative(), z.describe('Milliseconds since the Unix epoch'));
const text = z.string().check(z.maxLength(20_000));
const shortText = z.string().check(z.maxLength(500));
/** Short text, trimmed, that must not be empty. */
const name = (message: string) => z.string().check(z.maxLength(500), z.trim(), z.minLength(1, message));

export const stage = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));
export const purchasePhase = z.enum(PURCHASE_PHASES);
export const channel = z.enum(CHANNELS);
export const owner = z.enum(OWNERS);
export const initiator = z.enum(INITIATORS);
export const frictionSeverity = z.enum(FRICTION_SEVERITIES);
export const frictionCategory = z.enum(FRICTION_CATEGORIES);
export const emotion = z.int().check(z.minimum(EMOTION_MIN), z.maximum(EMOTION_MAX));
export const effort = z.int().check(z.minimum(EFFORT_MIN), z.maximum(EFFORT_MAX));
const considerationScore = z.int().check(z.minimum(CONSIDERATION_MIN), z.maximum(CONSIDERATION_MAX));
export const journeyStatus = z.enum(JOURNEY_STATUSES);
export const touchpointSource = z.enum(TOUCHPOINT_SOURCES);
export const promiseStatus = z.enum(PROMISE_STATUSES);

export const promise = z.object({ id, text: z.string().check(z.maxLength(500), z.minLength(1)) });

/** What a study's screenshots hide beyond form fields and personal data in text (issue 17). */
export const studyPrivacy = z.object({
  /** Every run of text becomes a box: the layout stays recognisable, no word is readable. */
  maskAllText: z._default(z.boolean(), false),
  /** Images, pictures, video, canvas, background images and inline SVG images are covered. */
  hideMedia: z._default(z.boolean(), false),
  /** The researcher's own words (their name, their address), or /patterns/, always masked. */
  alwaysMask: z._default(z.array(z.string().check(z.maxLength(500))).check(z.maxLength(200)), []),
});

export const study = z.object({
  id,
  name: name('A study needs a name'),
  company: shortText,
  siteUrls: z.array(z.string().check(z.maxLength(2_000))),
  description: text,
  stages: z.array(stage).check(z.minLength(1)),
  promises: z.array(promise),
  /** CSS selectors of form fields that are safe to show unmasked in this study's screenshots. */
  maskAllowList: z._default(z.array(z.string().check(z.maxLength(1_000))), []),
  // A new object each time: a list shared by every study parsed without one could be changed for all.
  privacy: z._default(studyPrivacy, () => ({ maskAllText: false, hideMedia: false, alwaysMask: [] })),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const persona = z.object({
  id,
  studyId: id,
  name: name('A persona needs a name'),
  summary: text,
  goals: z.array(shortText),
  frustrations: z.array(shortText),
  behaviours: z.array(shortText),
  /** When the researcher last edited it; merging imports keeps the newer edit. */
  updatedAt: z.optional(timestamp),
});

export const signalKind = z.enum(SIGNAL_KINDS);
export const signalStatus = z.enum(['suggested', 'accepted', 'dismissed']);

/** Friction detected on the page; a suggestion until the researcher accepts or dismisses it. */
export const signal = z.object({
  id,
  kind: signalKind,
  detectedAt: timestamp,
  detail: z.string().check(z.maxLength(2_000)),
  status: z._default(signalStatus, 'suggested'),
});

export const journey = z.object({
  id,
  studyId: id,
  personaId: id,
  title: name('A journey needs a title'),
  scenario: text,
  status: journeyStatus,
  startedAt: timestamp,
  endedAt: z.optional(timestamp),
  /** Time spent paused so far; the walk's duration leaves it out. */
  pausedMs: z.int().check(z.nonnegative()),
  pausedAt: z.optional(timestamp),
  /** Whether form fields are masked in this journey's screenshots (on by default). */
  masking: z.boolean(),
  /** The sequence number the next touchpoint gets; never reused, so undo cannot collide. */
  nextSeq: z.int().check(z.positive()),
  /** Whether every click and navigation records a draft touchpoint. */
  autoRecord: z._default(z.boolean(), false),
  /** Signals detected while no touchpoint of their page was recorded; the next touchpoint takes them. */
  pendingSignals: z._default(z.array(signal), []),
  /** When it last changed (pause, resume, end, settings); merging imports keeps the newer. */
  updatedAt: z.optional(timestamp),
});

export const friction = z.object({
  severity: frictionSeverity,
  categories: z.array(frictionCategory),
  notes: text,
});

export const considerations = z.object({
  appropriateness: z.optional(considerationScore),
  relevance: z.optional(considerationScore),
  meaningfulness: z.optional(considerationScore),
  endearment: z.optional(considerationScore),
});

export const promiseCheck = z.object({ promiseId: id, status: promiseStatus });

export const rect = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number().check(z.nonnegative()),
  height: z.number().check(z.nonnegative()),
});

export const elementDescriptor = z.object({
  selector: z.string().check(z.maxLength(2_000)),
  ariaSelector: z.optional(z.string().check(z.maxLength(2_000))),
  text: z.string().check(z.maxLength(2_000)),
  role: z.string().check(z.maxLength(100)),
  rect,
});

/** Annotation coordinates are fractions (0–1) of the screenshot, so they survive resizing. */
const fraction = z.number().check(z.minimum(0), z.maximum(1));
const point = z.object({ x: fraction, y: fraction });
const area = z.object({ x: fraction, y: fraction, width: fraction, height: fraction });

export const annotation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('box'), id, area }),
  z.object({ kind: z.literal('arrow'), id, from: point, to: point }),
  z.object({ kind: z.literal('marker'), id, at: point, number: z.int().check(z.positive()) }),
  z.object({ kind: z.literal('text'), id, at: point, text: shortText }),
  z.object({ kind: z.literal('redaction'), id, area, style: z.enum(['blur', 'solid']) }),
]);

export const touchpoint = z.object({
  id,
  journeyId: id,
  seq: z.int().check(z.positive()),
  capturedAt: timestamp,
  source: touchpointSource,
  title: shortText,
  url: z.optional(z.string().check(z.maxLength(8_000))),
  pageTitle: z.optional(shortText),
  stage,
  purchasePhase: z.optional(purchasePhase),
  channel,
  owner,
  initiator: z.optional(initiator),
  goal: z.optional(shortText),
  department: z.optional(shortText),
  friction,
  emotion: z.optional(emotion),
  effort: z.optional(effort),
  momentOfTruth: z.boolean(),
  key: z.boolean(),
  considerations: z.optional(considerations),
  promiseChecks: z.array(promiseCheck),
  element: z.optional(elementDescriptor),
  signals: z.array(signal),
  screenshotId: z.optional(id),
  annotations: z.array(annotation),
  /** Recorded by auto-record and not yet kept by the researcher. */
  draft: z._default(z.boolean(), false),
  /** Further clicks of the same burst, counted rather than captured (auto-record). */
  extraClicks: z._default(z.int().check(z.nonnegative()), 0),
  /** When the researcher last edited it; merging imports keeps the newer edit. */
  updatedAt: z.optional(timestamp),
});

export const imageMime = z.enum(['image/webp', 'image/png', 'image/jpeg']);

/** The image type of an encoded Blob; anything else the browser produced is PNG. */
export function mimeOfBlob(blob: Blob): z.infer<typeof imageMime> {
  return blob.type === 'image/webp' || blob.type === 'image/jpeg' ? blob.type : 'image/png';
}

const screenshotFields = {
  id,
  touchpointId: id,
  width: z.int().check(z.positive()),
  height: z.int().check(z.positive()),
  devicePixelRatio: z.number().check(z.positive()),
  mime: imageMime,
  thumbnailMime: imageMime,
};

/**
 * A stored screenshot: image and thumbnail are Blobs, never data URLs. Once redacted, image and
 * thumbnail have the redactions burned in, and `unredacted` keeps the capture as it was so the
 * redactions stay editable; it never leaves the database (no view shows it, no export has it).
 */
export const screenshot = z.object({
  ...screenshotFields,
  image: z.instanceof(Blob),
  thumbnail: z.instanceof(Blob),
  unredacted: z.optional(z.object({ image: z.instanceof(Blob), thumbnail: z.instanceof(Blob) })),
});

/** A screenshot in the JSON export: the same record with both images in base64. */
export const exportedScreenshot = z.object({
  ...screenshotFields,
  image: z.base64(),
  thumbnail: z.base64(),
});

export const DEFAULT_STAGE_LIST: string[] = [...DEFAULT_STAGES];

export type Study = z.infer<typeof study>;
export type StudyPrivacy = z.infer<typeof studyPrivacy>;
export type Persona = z.infer<typeof persona>;
export type Journey = z.infer<typeof journey>;
export type Touchpoint = z.infer<typeof touchpoint>;
export type Screenshot = z.infer<typeof screenshot>;
export type ExportedScreenshot = z.infer<typeof exportedScreenshot>;
export type Friction = z.infer<typeof friction>;
export type Annotation = z.infer<typeof annotation>;
export type Signal = z.infer<typeof signal>;
export type SignalKind = z.infer<typeof signalKind>;
export type ElementDescriptor = z.infer<typeof elementDescriptor>;
export type Channel = z.infer<typeof channel>;
export type Owner = z.infer<typeof owner>;
export type FrictionSeverity = z.infer<typeof frictionSeverity>;
export type FrictionCategory = z.infer<typeof frictionCategory>;
