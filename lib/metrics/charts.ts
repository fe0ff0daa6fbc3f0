// The series and axes of the charts (metrics view, PDF). Pure, so the dashboard and the PDF draw
// the same numbers on the same ticks.

import { EMOTION_LABELS, FRICTION_SEVERITIES, label, type FrictionSeverity, type Touchpoint } from '../model';
import { kept, type JourneyMetrics } from './journey';

/** The severities a friction chart shows, lightest first; "none" is no friction. */
export type ChartSeverity = Exclude<FrictionSeverity, 'none'>;
export const CHART_SEVERITIES = FRICTION_SEVERITIES.filter((s): s is ChartSeverity => s !== 'none');

/**
 * Neighbouring severities alternate between a solid and a hatched fill, so two segments of a bar
 * stay apart in greyscale print and for readers who cannot tell the reds and oranges apart.
 */
export const SEVERITY_HATCHED: Record<ChartSeverity, boolean> = {
  minor: false,
  moderate: true,
  major: false,
  blocker: true,
};

export interface Segment {
  severity: ChartSeverity;
  count: number;
  /** The sum of the segments before this one: where it starts on the axis. */
  start: number;
}

export interface StageFriction {
  stage: string;
  total: number;
  counts: Record<ChartSeverity, number>;
  /** The severities with a count, lightest first. */
  segments: Segment[];
}

/** Per stage, how many touchpoints have friction of each severity. */
export function frictionBySeverity(metrics: JourneyMetrics): StageFriction[] {
  return metrics.stages.map(({ stage, bySeverity }) => {
    const counts = Object.fromEntries(CHART_SEVERITIES.map((s) => [s, bySeverity[s]])) as Record<ChartSeverity, number>;
    const segments: Segment[] = [];
    let total = 0;
    for (const severity of CHART_SEVERITIES) {
      if (counts[severity] > 0) segments.push({ severity, count: counts[severity], start: total });
      total += counts[severity];
    }
    return { stage, total, counts, segments };
  });
}

export interface EmotionPoint {
  seq: number;
  title: string;
  stage: string;
  /** −2 … +2; undefined where the researcher did not rate it (the line breaks there). */
  emotion?: number;
}

/** The kept touchpoints in walk order with their emotion. */
export function emotionPerTouchpoint(points: Touchpoint[]): EmotionPoint[] {
  return kept(points).map(({ seq, title, stage, emotion }) => ({ seq, title, stage, emotion }));
}

/**
 * The stretches of the line: consecutive rated touchpoints, as [index, emotion] pairs. An unrated
 * touchpoint ends a stretch rather than being drawn as neutral.
 */
export function emotionRuns(points: EmotionPoint[]): [number, number][][] {
  const runs: [number, number][][] = [];
  let run: [number, number][] = [];
  points.forEach((point, index) => {
    if (point.emotion === undefined) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push([index, point.emotion]);
  });
  if (run.length) runs.push(run);
  return runs;
}

export interface StageSpan {
  stage: string;
  /** Indexes into the points, inclusive. */
  from: number;
  to: number;
}

/** Consecutive touchpoints of the same stage, for the bands behind the emotion line. */
export function stageSpans(points: EmotionPoint[]): StageSpan[] {
  const spans: StageSpan[] = [];
  points.forEach((point, index) => {
    const last = spans.at(-1);
    if (last && last.stage === point.stage) last.to = index;
    else spans.push({ stage: point.stage, from: index, to: index });
  });
  return spans;
}

export const EMOTION_TICKS = [2, 1, 0, -1, -2];

/** "+1 Positive", "0 Neutral", "−2 Very negative". */
export function emotionTickLabel(value: number): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value)} ${EMOTION_LABELS[value] ?? ''}`.trim();
}

export interface ShareBar {
  key: string;
  label: string;
  share: number;
}

/** Shares (0–1) as bars, largest first; equal shares by label. */
export function shareBars(share: Record<string, number>): ShareBar[] {
  return Object.entries(share)
    .map(([key, value]) => ({ key, label: label(key), share: value }))
    .sort((a, b) => b.share - a.share || a.label.localeCompare(b.label));
}

/** "89 %". */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/**
 * Round ticks from 0 to at least max, about `count` of them, stepping by 1, 2 or 5 × 10ⁿ (whole
 * steps when `whole`, as for counts). An empty chart still gets an axis from 0 to 1.
 */
export function niceTicks(max: number, { count = 5, whole = false } = {}): number[] {
  const top = max > 0 ? max : 1;
  const rough = top / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  let step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  if (whole) step = Math.max(1, Math.round(step));
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const ticks: number[] = [];
  for (let i = 0; ; i++) {
    const tick = Number((i * step).toFixed(decimals));
    ticks.push(tick);
    if (tick >= top) return ticks;
  }
}

/** A linear map from a domain onto a range (pixels or points). */
export function scale(domain: [number, number], range: [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  return (value) => (d1 === d0 ? r0 : r0 + ((value - d0) / (d1 - d0)) * (r1 - r0));
}

/**
 * Which of n evenly spaced labels to show so that none is closer than `minGap` to the next:
 * every k-th, always the first.
 */
export function labelEvery(n: number, spacing: number, minGap: number): number {
  return spacing >= minGap || n === 0 ? 1 : Math.ceil(minGap / spacing);
}
