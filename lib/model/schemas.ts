import { z } from 'zod';
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
const timestamp = z.number().int().nonnegative().describe('Milliseconds since the Unix epoch');
const text = z.string().max(20_000);
const shortText = z.string().max(500);

export const stage = z.string().trim().min(1).max(100);
export const purchasePhase = z.enum(PURCHASE_PHASES);
export const channel = z.enum(CHANNELS);
export const owner = z.enum(OWNERS);
export const initiator = z.enum(INITIATORS);
export const frictionSeverity = z.enum(FRICTION_SEVERITIES);
export const frictionCategory = z.enum(FRICTION_CATEGORIES);
export const emotion = z.number().int().min(EMOTION_MIN).max(EMOTION_MAX);
export const effort = z.number().int().min(EFFORT_MIN).max(EFFORT_MAX);
const considerationScore = z.number().int().min(CONSIDERATION_MIN).max(CONSIDERATION_MAX);
export const journeyStatus = z.enum(JOURNEY_STATUSES);
export const touchpointSource = z.enum(TOUCHPOINT_SOURCES);
export const promiseStatus = z.enum(PROMISE_STATUSES);

export const promise = z.object({ id, text: shortText.min(1) });

/** What a study's screenshots hide beyond form fields and personal data in text (issue 17). */
export const studyPrivacy = z.object({
  /** Every run of text becomes a box: the layout stays recognisable, no word is readable. */
  maskAllText: z.boolean().default(false),
  /** Images, pictures, video, canvas, background images and inline SVG images are covered. */
  hideMedia: z.boolean().default(false),
  /** The researcher's own words (their name, their address), or /patterns/, always masked. */
  alwaysMask: z.array(z.string().max(500)).max(200).default([]),
});

export const study = z.object({
  id,
  name: shortText.trim().min(1, 'A study needs a name'),
  company: shortText,
  siteUrls: z.array(z.string().max(2_000)),
  description: text,
  stages: z.array(stage).min(1),
  promises: z.array(promise),
  /** CSS selectors of form fields that are safe to show unmasked in this study's screenshots. */
  maskAllowList: z.array(z.string().max(1_000)).default([]),
  // A new object each time: a list shared by every study parsed without one could be changed for all.
  privacy: studyPrivacy.default(() => ({ maskAllText: false, hideMedia: false, alwaysMask: [] })),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const persona = z.object({
  id,
  studyId: id,
  name: shortText.trim().min(1, 'A persona needs a name'),
  summary: text,
  goals: z.array(shortText),
  frustrations: z.array(shortText),
  behaviours: z.array(shortText),
  /** When the researcher last edited it; merging imports keeps the newer edit. */
  updatedAt: timestamp.optional(),
});

export const signalKind = z.enum(SIGNAL_KINDS);
export const signalStatus = z.enum(['suggested', 'accepted', 'dismissed']);

/** Friction detected on the page; a suggestion until the researcher accepts or dismisses it. */
export const signal = z.object({
  id,
  kind: signalKind,
  detectedAt: timestamp,
  detail: z.string().max(2_000),
  status: signalStatus.default('suggested'),
});

export const journey = z.object({
  id,
  studyId: id,
  personaId: id,
  title: shortText.trim().min(1, 'A journey needs a title'),
  scenario: text,
  status: journeyStatus,
  startedAt: timestamp,
  endedAt: timestamp.optional(),
  /** Time spent paused so far; the walk's duration leaves it out. */
  pausedMs: z.number().int().nonnegative(),
  pausedAt: timestamp.optional(),
  /** Whether form fields are masked in this journey's screenshots (on by default). */
  masking: z.boolean(),
  /** The sequence number the next touchpoint gets; never reused, so undo cannot collide. */
  nextSeq: z.number().int().positive(),
  /** Whether every click and navigation records a draft touchpoint. */
  autoRecord: z.boolean().default(false),
  /** Signals detected while no touchpoint of their page was recorded; the next touchpoint takes them. */
  pendingSignals: z.array(signal).default([]),
  /** When it last changed (pause, resume, end, settings); merging imports keeps the newer. */
  updatedAt: timestamp.optional(),
});

export const friction = z.object({
  severity: frictionSeverity,
  categories: z.array(frictionCategory),
  notes: text,
});

export const considerations = z.object({
  appropriateness: considerationScore.optional(),
  relevance: considerationScore.optional(),
  meaningfulness: considerationScore.optional(),
  endearment: considerationScore.optional(),
});

export const promiseCheck = z.object({ promiseId: id, status: promiseStatus });

export const rect = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number().nonnegative(),
  height: z.number().nonnegative(),
});

export const elementDescriptor = z.object({
  selector: z.string().max(2_000),
  ariaSelector: z.string().max(2_000).optional(),
  text: z.string().max(2_000),
  role: z.string().max(100),
  rect,
});

/** Annotation coordinates are fractions (0–1) of the screenshot, so they survive resizing. */
const fraction = z.number().min(0).max(1);
const point = z.object({ x: fraction, y: fraction });
const area = z.object({ x: fraction, y: fraction, width: fraction, height: fraction });

export const annotation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('box'), id, area }),
  z.object({ kind: z.literal('arrow'), id, from: point, to: point }),
  z.object({ kind: z.literal('marker'), id, at: point, number: z.number().int().positive() }),
  z.object({ kind: z.literal('text'), id, at: point, text: shortText }),
  z.object({ kind: z.literal('redaction'), id, area, style: z.enum(['blur', 'solid']) }),
]);

export const touchpoint = z.object({
  id,
  journeyId: id,
  seq: z.number().int().positive(),
  capturedAt: timestamp,
  source: touchpointSource,
  title: shortText,
  url: z.string().max(8_000).optional(),
  pageTitle: shortText.optional(),
  stage,
  purchasePhase: purchasePhase.optional(),
  channel,
  owner,
  initiator: initiator.optional(),
  goal: shortText.optional(),
  department: shortText.optional(),
  friction,
  emotion: emotion.optional(),
  effort: effort.optional(),
  momentOfTruth: z.boolean(),
  key: z.boolean(),
  considerations: considerations.optional(),
  promiseChecks: z.array(promiseCheck),
  element: elementDescriptor.optional(),
  signals: z.array(signal),
  screenshotId: id.optional(),
  annotations: z.array(annotation),
  /** Recorded by auto-record and not yet kept by the researcher. */
  draft: z.boolean().default(false),
  /** Further clicks of the same burst, counted rather than captured (auto-record). */
  extraClicks: z.number().int().nonnegative().default(0),
  /** When the researcher last edited it; merging imports keeps the newer edit. */
  updatedAt: timestamp.optional(),
});

export const imageMime = z.enum(['image/webp', 'image/png', 'image/jpeg']);

/** The image type of an encoded Blob; anything else the browser produced is PNG. */
export function mimeOfBlob(blob: Blob): z.infer<typeof imageMime> {
  return blob.type === 'image/webp' || blob.type === 'image/jpeg' ? blob.type : 'image/png';
}

const screenshotFields = {
  id,
  touchpointId: id,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  devicePixelRatio: z.number().positive(),
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
  unredacted: z.object({ image: z.instanceof(Blob), thumbnail: z.instanceof(Blob) }).optional(),
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
