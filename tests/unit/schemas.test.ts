import { describe, expect, it } from 'vitest';
import {
  CHANNEL_GROUPS,
  CHANNELS,
  DEFAULT_STAGES,
  FRICTION_CATEGORIES,
  FRICTION_SEVERITIES,
  LABELS,
  OWNERS,
  PURCHASE_PHASES,
  annotation,
  journey,
  persona,
  study,
  touchpoint,
} from '../../lib/model';

const ids = {
  study: crypto.randomUUID(),
  journey: crypto.randomUUID(),
  touchpoint: crypto.randomUUID(),
};

function validTouchpoint() {
  return {
    id: ids.touchpoint,
    journeyId: ids.journey,
    seq: 1,
    capturedAt: 1_700_000_000_000,
    source: 'manual',
    title: 'Checkout',
    url: 'https://shop.example/checkout',
    stage: 'Purchase',
    channel: 'website',
    owner: 'company-owned',
    friction: { severity: 'major', categories: ['complicated-process'], notes: 'Too many fields' },
    emotion: -1,
    effort: 6,
    momentOfTruth: true,
    key: false,
    considerations: { relevance: 4 },
    promiseChecks: [{ promiseId: crypto.randomUUID(), status: 'broken' }],
    element: { selector: '#pay', text: 'Pay', role: 'button', rect: { x: 1, y: 2, width: 3, height: 4 } },
    signals: [
      { id: crypto.randomUUID(), kind: 'rage-click', detectedAt: 1_700_000_000_500, detail: '4 clicks in 0.8 s' },
    ],
    annotations: [
      { kind: 'redaction', id: crypto.randomUUID(), area: { x: 0.1, y: 0.1, width: 0.2, height: 0.1 }, style: 'solid' },
    ],
  };
}

describe('the vocabulary', () => {
  it('has the five default stages in journey order', () => {
    expect(DEFAULT_STAGES).toEqual(['Awareness', 'Consideration', 'Purchase', 'Retention', 'Advocacy']);
  });

  it('groups every channel as digital, offline, human or other', () => {
    expect(CHANNEL_GROUPS.digital).toContain('email');
    expect(CHANNEL_GROUPS.offline).toContain('retail-store');
    expect(CHANNEL_GROUPS.human).toContain('support-agent');
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length);
  });

  it('has a human label for every value shown in a picker', () => {
    for (const value of [...CHANNELS, ...OWNERS, ...FRICTION_SEVERITIES, ...FRICTION_CATEGORIES, ...PURCHASE_PHASES]) {
      expect(LABELS[value], value).toBeTruthy();
    }
  });
});

describe('the touchpoint schema', () => {
  it('accepts a fully annotated touchpoint', () => {
    expect(touchpoint.parse(validTouchpoint())).toMatchObject({ seq: 1, friction: { severity: 'major' } });
  });

  it.each([
    ['an emotion beyond +2', { emotion: 3 }],
    ['an effort beyond 7', { effort: 8 }],
    ['an unknown channel', { channel: 'carrier-pigeon' }],
    ['an unknown owner', { owner: 'nobody' }],
    ['an empty stage', { stage: ' ' }],
    ['a sequence number of 0', { seq: 0 }],
    ['an id that is not a UUID', { id: 'tp-1' }],
    ['a consideration score of 6', { considerations: { endearment: 6 } }],
  ])('rejects %s', (_name, change) => {
    expect(touchpoint.safeParse({ ...validTouchpoint(), ...change }).success).toBe(false);
  });

  it('rejects an unknown friction category and severity', () => {
    const bad = validTouchpoint();
    expect(touchpoint.safeParse({ ...bad, friction: { ...bad.friction, categories: ['meh'] } }).success).toBe(false);
    expect(touchpoint.safeParse({ ...bad, friction: { ...bad.friction, severity: 'awful' } }).success).toBe(false);
  });

  it('keeps annotation coordinates as fractions of the screenshot', () => {
    const box = { kind: 'box', id: crypto.randomUUID(), area: { x: 0.5, y: 0.5, width: 1.5, height: 0.1 } };
    expect(annotation.safeParse(box).success).toBe(false);
  });
});

describe('study, persona and journey schemas', () => {
  it('need a name or title, and accept one that has it', () => {
    const now = Date.now();
    const records = [
      {
        schema: study,
        field: 'name',
        record: {
          id: ids.study,
          name: 'Checkout study',
          company: '',
          siteUrls: [],
          description: '',
          stages: ['A'],
          promises: [],
          createdAt: now,
          updatedAt: now,
        },
      },
      {
        schema: persona,
        field: 'name',
        record: {
          id: crypto.randomUUID(),
          studyId: ids.study,
          name: 'Sam',
          summary: '',
          goals: [],
          frustrations: [],
          behaviours: [],
        },
      },
      {
        schema: journey,
        field: 'title',
        record: {
          id: ids.journey,
          studyId: ids.study,
          personaId: crypto.randomUUID(),
          title: 'Browse',
          scenario: '',
          status: 'active',
          startedAt: now,
          pausedMs: 0,
          masking: true,
          nextSeq: 1,
        },
      },
    ] as const;
    for (const { schema, field, record } of records) {
      // The positive control: the same record with its name is valid, so the refusal below is
      // about the empty name and nothing else.
      expect(schema.safeParse(record).success).toBe(true);
      const nameless = schema.safeParse({ ...record, [field]: '' });
      expect(nameless.success).toBe(false);
      expect(nameless.error?.issues.map((issue) => issue.path.join('.'))).toEqual([field]);
    }
  });
});
