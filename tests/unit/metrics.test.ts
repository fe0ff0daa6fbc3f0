import { describe, expect, it } from 'vitest';
import { compareJourneys, strictlyHighest } from '../../lib/metrics/compare';
import { average, journeyMetrics, stagesInUse } from '../../lib/metrics/journey';
import { DEFAULT_STAGE_LIST, type Journey, type Touchpoint } from '../../lib/model';
import { touchpointRecord } from './factories';

const START = 1_700_000_000_000;
const journey = { id: crypto.randomUUID(), startedAt: START } as Journey;

/** A touchpoint of the journey, captured a minute after the one before. */
let seq = 0;
function point(overrides: Partial<Touchpoint> = {}): Touchpoint {
  seq++;
  return touchpointRecord({ journeyId: journey.id, seq, capturedAt: START + seq * 60_000, ...overrides });
}

const friction = (severity: Touchpoint['friction']['severity'], ...categories: string[]) => ({
  severity,
  categories: categories as Touchpoint['friction']['categories'],
  notes: '',
});

describe('journey metrics', () => {
  it('counts touchpoints, friction by severity and category, and averages per stage', () => {
    seq = 0;
    const points = [
      point({ stage: 'Awareness', emotion: 1, effort: 2 }),
      point({ stage: 'Awareness', emotion: -1, friction: friction('minor', 'slow') }),
      point({ stage: 'Consideration', friction: friction('major', 'slow', 'complicated-process'), effort: 6 }),
      point({ stage: 'Purchase', emotion: -2, momentOfTruth: true, friction: friction('blocker', 'error') }),
      point({ stage: 'Purchase', draft: true, friction: friction('blocker') }), // drafts do not count
    ];
    const metrics = journeyMetrics(journey, points, DEFAULT_STAGE_LIST);
    expect(metrics.total).toBe(4);
    expect(metrics.friction).toBe(3);
    const [awareness, consideration, purchase, retention] = metrics.stages;
    expect(awareness).toMatchObject({ touchpoints: 2, friction: 1, averageEmotion: 0, averageEffort: 2 });
    expect(awareness?.bySeverity).toMatchObject({ none: 1, minor: 1 });
    expect(consideration?.byCategory).toEqual({ slow: 1, 'complicated-process': 1 });
    expect(purchase).toMatchObject({ touchpoints: 1, momentsOfTruth: 1, averageEmotion: -2 });
    expect(purchase?.bySeverity.blocker).toBe(1);
    expect(retention).toMatchObject({ touchpoints: 0, friction: 0, averageEmotion: undefined });
  });

  it('measures steps and time from the start to the first Purchase touchpoint', () => {
    seq = 0;
    const points = [
      point(),
      point({ stage: 'Consideration' }),
      point({ stage: 'Purchase' }),
      point({ stage: 'Purchase' }),
    ];
    expect(journeyMetrics(journey, points, DEFAULT_STAGE_LIST).toFirstPurchase).toEqual({ steps: 3, ms: 180_000 });
    expect(journeyMetrics(journey, points.slice(0, 2), DEFAULT_STAGE_LIST).toFirstPurchase).toBeUndefined();
    // With the stage renamed, the purchase phase still tells.
    const renamed = [point(), point({ stage: 'Buy', purchasePhase: 'during-purchase' })];
    expect(journeyMetrics(journey, renamed, ['Look', 'Buy']).toFirstPurchase?.steps).toBe(2);
  });

  it('follows walk order, not the order the records come in', () => {
    seq = 0;
    const points = [point(), point(), point({ stage: 'Purchase' })];
    expect(journeyMetrics(journey, [...points].reverse(), DEFAULT_STAGE_LIST).toFirstPurchase?.steps).toBe(3);
  });

  it('shares touchpoints out by owner and channel', () => {
    seq = 0;
    const points = [point(), point(), point({ owner: 'partner-owned', channel: 'email' }), point({ channel: 'email' })];
    const metrics = journeyMetrics(journey, points, DEFAULT_STAGE_LIST);
    expect(metrics.ownerShare).toEqual({ 'company-owned': 0.75, 'partner-owned': 0.25 });
    expect(metrics.channelShare).toEqual({ website: 0.5, email: 0.5 });
  });

  it('counts promises kept and broken per stage', () => {
    seq = 0;
    const promiseId = crypto.randomUUID();
    const points = [
      point({ promiseChecks: [{ promiseId, status: 'kept' }] }),
      point({ promiseChecks: [{ promiseId, status: 'broken' }] }),
      point({ promiseChecks: [{ promiseId, status: 'not-applicable' }] }),
    ];
    expect(journeyMetrics(journey, points, DEFAULT_STAGE_LIST).stages[0]).toMatchObject({
      promisesKept: 1,
      promisesBroken: 1,
    });
  });

  it('lists the study stages first, then stages only touchpoints use', () => {
    seq = 0;
    expect(stagesInUse(['Discover', 'Buy'], [point({ stage: 'Support' }), point({ stage: 'Buy' })])).toEqual([
      'Discover',
      'Buy',
      'Support',
    ]);
  });

  it('averages only the values that are set', () => {
    expect(average([1, undefined, 2])).toBe(1.5);
    expect(average([undefined])).toBeUndefined();
  });
});

describe('comparing journeys', () => {
  it.each([
    [
      [3, 5, 2],
      [false, true, false],
    ],
    [
      [4, 4, 1],
      [false, false, false],
    ],
    [
      [0, 0],
      [false, false],
    ],
    [
      [1, 0],
      [true, false],
    ],
  ])('marks the one strictly highest of %j', (values, expected) => {
    expect(strictlyHighest(values)).toEqual(expected);
  });

  it('lines journeys up by stage and shows where one needs more steps or meets more friction', () => {
    seq = 0;
    const a = [point(), point({ stage: 'Purchase', friction: friction('major') })];
    const b = [point(), point(), point({ stage: 'Consideration' }), point({ stage: 'Purchase' })];
    const comparison = compareJourneys([
      journeyMetrics(journey, a, DEFAULT_STAGE_LIST),
      journeyMetrics(journey, b, DEFAULT_STAGE_LIST),
    ]);
    const awareness = comparison.stages.find((s) => s.stage === 'Awareness')!;
    const purchase = comparison.stages.find((s) => s.stage === 'Purchase')!;
    expect(awareness).toMatchObject({ touchpoints: [1, 2], mostSteps: [false, true] });
    expect(purchase).toMatchObject({ friction: [1, 0], mostFriction: [true, false], mostSteps: [false, false] });
    expect(comparison.toFirstPurchaseSteps).toEqual([2, 4]);
    expect(comparison.mostStepsToPurchase).toEqual([false, true]);
  });
});
