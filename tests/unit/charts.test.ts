import { describe, expect, it } from 'vitest';
import {
  emotionPerTouchpoint,
  emotionRuns,
  emotionTickLabel,
  formatShare,
  frictionBySeverity,
  niceTicks,
  scale,
  shareBars,
  stageSpans,
} from '../../lib/metrics/charts';
import { journeyMetrics } from '../../lib/metrics/journey';
import type { Journey, Touchpoint } from '../../lib/model';
import { touchpointRecord } from './factories';

const journey = { id: crypto.randomUUID(), startedAt: 1_700_000_000_000 } as Journey;
const STAGES = ['Awareness', 'Consideration', 'Purchase'];
const severity = (value: Touchpoint['friction']['severity']) => ({ severity: value, categories: [], notes: '' });

describe('friction per stage by severity', () => {
  it('counts each severity per stage, stacks them lightest first and leaves "none" out', () => {
    const points = [
      touchpointRecord({ stage: 'Awareness' }),
      touchpointRecord({ stage: 'Consideration', friction: severity('major') }),
      touchpointRecord({ stage: 'Consideration', friction: severity('minor') }),
      touchpointRecord({ stage: 'Consideration', friction: severity('major') }),
      touchpointRecord({ stage: 'Purchase', friction: severity('blocker') }),
      touchpointRecord({ stage: 'Purchase', friction: severity('blocker'), draft: true }),
    ];
    const rows = frictionBySeverity(journeyMetrics(journey, points, STAGES));
    expect(rows.map((r) => [r.stage, r.total])).toEqual([
      ['Awareness', 0],
      ['Consideration', 3],
      ['Purchase', 1],
    ]);
    expect(rows[0]!.segments).toEqual([]);
    expect(rows[1]!.counts).toEqual({ minor: 1, moderate: 0, major: 2, blocker: 0 });
    expect(rows[1]!.segments).toEqual([
      { severity: 'minor', count: 1, start: 0 },
      { severity: 'major', count: 2, start: 1 },
    ]);
    expect(rows[2]!.segments).toEqual([{ severity: 'blocker', count: 1, start: 0 }]);
  });

  it('gives every stage a row of zeros when there is no friction or no touchpoint', () => {
    const noFriction = frictionBySeverity(journeyMetrics(journey, [touchpointRecord({ stage: 'Purchase' })], STAGES));
    const empty = frictionBySeverity(journeyMetrics(journey, [], STAGES));
    for (const rows of [noFriction, empty]) {
      expect(rows.map((r) => r.stage)).toEqual(STAGES);
      expect(rows.every((r) => r.total === 0 && r.segments.length === 0)).toBe(true);
    }
  });
});

describe('the emotion curve per touchpoint', () => {
  it('lists the kept touchpoints in walk order with their emotion', () => {
    const points = [
      touchpointRecord({ seq: 3, title: 'Checkout', stage: 'Purchase', emotion: -2 }),
      touchpointRecord({ seq: 1, title: 'Home', emotion: 1 }),
      touchpointRecord({ seq: 2, title: 'Draft', emotion: 2, draft: true }),
    ];
    expect(emotionPerTouchpoint(points)).toEqual([
      { seq: 1, title: 'Home', stage: 'Awareness', emotion: 1 },
      { seq: 3, title: 'Checkout', stage: 'Purchase', emotion: -2 },
    ]);
  });

  it('breaks the line at a touchpoint without an emotion instead of drawing it as neutral', () => {
    const points = [1, undefined, -1, 0, undefined, undefined, 2].map((emotion, i) =>
      touchpointRecord({ seq: i + 1, emotion }),
    );
    expect(emotionRuns(emotionPerTouchpoint(points))).toEqual([
      [[0, 1]],
      [
        [2, -1],
        [3, 0],
      ],
      [[6, 2]],
    ]);
  });

  it('has no line at all without touchpoints or without any emotion', () => {
    expect(emotionRuns(emotionPerTouchpoint([]))).toEqual([]);
    expect(emotionRuns(emotionPerTouchpoint([touchpointRecord(), touchpointRecord()]))).toEqual([]);
  });

  it('groups consecutive touchpoints of a stage into bands, again when a stage comes back', () => {
    const stages = ['Awareness', 'Awareness', 'Purchase', 'Awareness'];
    const points = emotionPerTouchpoint(stages.map((stage, i) => touchpointRecord({ seq: i + 1, stage })));
    expect(stageSpans(points)).toEqual([
      { stage: 'Awareness', from: 0, to: 1 },
      { stage: 'Purchase', from: 2, to: 2 },
      { stage: 'Awareness', from: 3, to: 3 },
    ]);
  });

  it('labels the emotion axis with the words of the scale', () => {
    expect([2, 0, -1].map(emotionTickLabel)).toEqual(['+2 Very positive', '0 Neutral', '−1 Negative']);
  });
});

describe('share bars', () => {
  it('sorts by share, then by label, with the vocabulary’s labels', () => {
    expect(shareBars({ website: 0.25, email: 0.5, phone: 0.25 })).toEqual([
      { key: 'email', label: 'Email', share: 0.5 },
      { key: 'phone', label: 'Phone', share: 0.25 },
      { key: 'website', label: 'Website', share: 0.25 },
    ]);
    expect(shareBars({})).toEqual([]);
    expect(formatShare(8 / 9)).toBe('89 %');
  });
});

describe('axes', () => {
  it('gives round ticks from 0 up to at least the largest value', () => {
    expect(niceTicks(3, { whole: true })).toEqual([0, 1, 2, 3]);
    expect(niceTicks(7, { whole: true })).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(23, { whole: true })).toEqual([0, 5, 10, 15, 20, 25]);
    expect(niceTicks(0.89)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('draws an empty chart on an axis from 0 to 1', () => {
    expect(niceTicks(0, { whole: true })).toEqual([0, 1]);
  });

  it('maps a domain onto a range, also upside down as a y axis is', () => {
    const y = scale([-2, 2], [100, 0]);
    expect([y(-2), y(0), y(2)]).toEqual([100, 50, 0]);
    expect(scale([0, 0], [10, 20])(0)).toBe(10);
  });
});
