// Journey metrics, computed from the touchpoints a researcher kept (drafts left out). Pure
// functions: the dashboard, the compare view and the exports all read the same figures.

import {
  CONSIDERATION_KEYS,
  EMOTION_LABELS,
  FRICTION_SEVERITIES,
  label,
  type ConsiderationKey,
  type FrictionSeverity,
  type Journey,
  type Touchpoint,
} from '../model';

/**
 * The stage whose first touchpoint ends "time to purchase" (DESIGN.md §2). A study that renamed
 * it still gets the figure from touchpoints marked "during purchase".
 */
export const PURCHASE_STAGE = 'Purchase';
const isPurchase = (t: Touchpoint) => t.stage === PURCHASE_STAGE || t.purchasePhase === 'during-purchase';

export interface StageMetrics {
  stage: string;
  touchpoints: number;
  /** Touchpoints with friction (any severity but none). */
  friction: number;
  bySeverity: Record<FrictionSeverity, number>;
  byCategory: Record<string, number>;
  averageEffort?: number;
  averageEmotion?: number;
  /** The mean score (1–5) of each consideration over the touchpoints that have one. */
  considerations: ConsiderationAverages;
  momentsOfTruth: number;
  promisesKept: number;
  promisesBroken: number;
}

export type ConsiderationAverages = Partial<Record<ConsiderationKey, number>>;

export interface JourneyMetrics {
  total: number;
  stages: StageMetrics[];
  /**
   * Steps (touchpoints) and time from the journey's start to its first Purchase-stage touchpoint.
   * The time is as the clock ran, pauses included (a journey keeps their total, not when they were).
   */
  toFirstPurchase?: { steps: number; ms: number };
  friction: number;
  /** Share (0–1) of touchpoints per owner and per channel. */
  ownerShare: Record<string, number>;
  channelShare: Record<string, number>;
}

/** The study's stages in order, followed by any other stage a touchpoint uses. */
export function stagesInUse(studyStages: string[], touchpoints: Touchpoint[]): string[] {
  const extra = touchpoints.map((t) => t.stage).filter((s) => !studyStages.includes(s));
  return [...studyStages, ...new Set(extra)];
}

export function journeyMetrics(journey: Journey, all: Touchpoint[], studyStages: string[]): JourneyMetrics {
  const touchpoints = kept(all);
  const stages = stagesInUse(studyStages, touchpoints).map((stage) =>
    stageMetrics(
      stage,
      touchpoints.filter((t) => t.stage === stage),
    ),
  );
  const purchaseIndex = touchpoints.findIndex(isPurchase);
  const purchase = touchpoints[purchaseIndex];
  return {
    total: touchpoints.length,
    stages,
    toFirstPurchase: purchase
      ? { steps: purchaseIndex + 1, ms: Math.max(0, purchase.capturedAt - journey.startedAt) }
      : undefined,
    friction: stages.reduce((sum, s) => sum + s.friction, 0),
    ownerShare: shares(touchpoints.map((t) => t.owner)),
    channelShare: shares(touchpoints.map((t) => t.channel)),
  };
}

/** The touchpoints that count: kept (not drafts), in walk order. */
export function kept(touchpoints: Touchpoint[]): Touchpoint[] {
  return touchpoints.filter((t) => !t.draft).sort((a, b) => a.seq - b.seq);
}

function stageMetrics(stage: string, touchpoints: Touchpoint[]): StageMetrics {
  const bySeverity = Object.fromEntries(FRICTION_SEVERITIES.map((s) => [s, 0])) as Record<FrictionSeverity, number>;
  const byCategory: Record<string, number> = {};
  let promisesKept = 0;
  let promisesBroken = 0;
  for (const point of touchpoints) {
    bySeverity[point.friction.severity]++;
    for (const category of point.friction.categories) byCategory[category] = (byCategory[category] ?? 0) + 1;
    promisesKept += point.promiseChecks.filter((c) => c.status === 'kept').length;
    promisesBroken += point.promiseChecks.filter((c) => c.status === 'broken').length;
  }
  return {
    stage,
    touchpoints: touchpoints.length,
    friction: touchpoints.length - bySeverity.none,
    bySeverity,
    byCategory,
    averageEffort: average(touchpoints.map((t) => t.effort)),
    averageEmotion: average(touchpoints.map((t) => t.emotion)),
    considerations: considerationAverages(touchpoints),
    momentsOfTruth: touchpoints.filter((t) => t.momentOfTruth).length,
    promisesKept,
    promisesBroken,
  };
}

/** The worst severity with a count above zero; "none" when nothing was met. */
export function worstSeverity(bySeverity: Record<FrictionSeverity, number>): FrictionSeverity {
  return [...FRICTION_SEVERITIES].reverse().find((s) => bySeverity[s] > 0) ?? 'none';
}

/** Each consideration's mean over the touchpoints scored on it; a consideration none has is left out. */
export function considerationAverages(touchpoints: Touchpoint[]): ConsiderationAverages {
  const averages: ConsiderationAverages = {};
  for (const key of CONSIDERATION_KEYS) {
    const value = average(touchpoints.map((t) => t.considerations?.[key]));
    if (value !== undefined) averages[key] = value;
  }
  return averages;
}

/** "A 3.5 · R 4.0 · M – · E 2.0" (short), or with the full names; empty when none is scored. */
export function formatConsiderations(averages: ConsiderationAverages, long = false): string {
  if (Object.keys(averages).length === 0) return '';
  return CONSIDERATION_KEYS.map((key) => {
    const value = averages[key];
    const name = long ? label(key) : key[0]!.toUpperCase();
    return `${name} ${value === undefined ? '–' : (Math.round(value * 10) / 10).toFixed(1)}`;
  }).join(long ? ', ' : ' · ');
}

/** An emotion figure as people read it: "+1.5 Very positive", "−0.3 Neutral". */
export function formatEmotion(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${rounded > 0 ? '+' : ''}${rounded.toFixed(1)} ${EMOTION_LABELS[Math.round(value)] ?? ''}`.trim();
}

/** The mean of the values given, ignoring the unset ones; undefined when none is set. */
export function average(values: (number | undefined)[]): number | undefined {
  const set = values.filter((v): v is number => v !== undefined);
  return set.length ? set.reduce((a, b) => a + b, 0) / set.length : undefined;
}

function shares(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).map(([key, count]) => [key, count / values.length]));
}
