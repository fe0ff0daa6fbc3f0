// The page agent checks the background's messages by hand (lib/page-agent/incoming.ts), so that
// no schema library is bundled into every page. The zod schemas of the protocol are the oracle:
// for any input, valid or not, both accept the same messages and give back the same fields.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backgroundToAgent } from '../../lib/messaging/protocol';
import { parseBackgroundMessage } from '../../lib/page-agent/incoming';

const TYPES = [
  'full-page-begin',
  'full-page-frame',
  'full-page-end',
  'full-page-check',
  'prepare-capture',
  'show-mask-preview',
  'restore-after-capture',
  'agent-ping',
  'start-pick',
  'pick-context-target',
] as const;

/** Values of every kind a field might be given, right or wrong, with the edges of each rule. */
const anyValue = fc.oneof(
  fc.constantFrom(Infinity, -Infinity, NaN, -0, ['a'.repeat(1_000)], ['a'.repeat(1_001)], [], {}),
  fc.boolean(),
  fc.double(),
  fc.integer(),
  fc.constant(undefined),
  fc.constant(null),
  fc.string({ maxLength: 5 }),
  fc.array(fc.string({ maxLength: 1_002 }), { maxLength: 3 }),
  fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }),
  fc.record({ x: fc.double(), y: fc.double(), width: fc.double(), height: fc.double(), z: fc.integer() }),
  fc.record({ x: fc.integer(), y: fc.string() }),
  fc.record(
    {
      maskAllText: fc.oneof(fc.boolean(), fc.integer()),
      hideMedia: fc.boolean(),
      alwaysMask: fc.oneof(
        fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }),
        fc.constantFrom(['a'.repeat(500)], ['a'.repeat(501)], [1]),
      ),
      extra: fc.integer(),
    },
    { requiredKeys: ['maskAllText', 'hideMedia', 'alwaysMask'] },
  ),
);

/** A study's privacy settings as the background sends them. */
const studyMasking = fc.record({
  maskAllText: fc.boolean(),
  hideMedia: fc.boolean(),
  alwaysMask: fc.array(fc.string({ maxLength: 40 }), { maxLength: 3 }),
});

/** Messages near the real ones: a known or unknown type, each field of any kind, some extra keys. */
const nearlyMessages = fc.record(
  {
    type: fc.oneof(fc.constantFrom(...TYPES), fc.string({ maxLength: 8 }), fc.integer()),
    masking: anyValue,
    study: anyValue,
    highlight: anyValue,
    allowList: anyValue,
    y: anyValue,
    inScroller: anyValue,
    hideFixed: anyValue,
    wholePage: anyValue,
    extra: anyValue,
  },
  { requiredKeys: ['type'] },
);

/** Well-formed messages of every type, so the accepting side is exercised as much as the refusing one. */
const validMessages = fc.oneof(
  fc
    .constantFrom(...TYPES.filter((t) => !['full-page-frame', 'prepare-capture', 'show-mask-preview'].includes(t)))
    .map((type) => ({ type })),
  fc.record(
    {
      type: fc.constant('show-mask-preview'),
      masking: fc.boolean(),
      study: studyMasking,
      allowList: fc.array(fc.string({ maxLength: 40 }), { maxLength: 3 }),
    },
    { requiredKeys: ['type', 'masking'] },
  ),
  fc.record(
    {
      type: fc.constant('prepare-capture'),
      masking: fc.boolean(),
      study: studyMasking,
      highlight: fc.record({
        x: fc.double({ noNaN: true, noDefaultInfinity: true }),
        y: fc.integer(),
        width: fc.integer({ min: 0 }),
        height: fc.integer({ min: 0 }),
      }),
      allowList: fc.array(fc.string({ maxLength: 40 }), { maxLength: 3 }),
    },
    { requiredKeys: ['type', 'masking'] },
  ),
  fc.record(
    {
      type: fc.constant('full-page-frame'),
      y: fc.integer({ min: 0, max: 40_000 }),
      hideFixed: fc.boolean(),
      masking: fc.boolean(),
      study: studyMasking,
      inScroller: fc.boolean(),
      wholePage: fc.boolean(),
      allowList: fc.array(fc.string({ maxLength: 40 }), { maxLength: 3 }),
    },
    { requiredKeys: ['type', 'y', 'hideFixed', 'masking'] },
  ),
);

/** A well-formed message with one field (or the type) given another value. */
const mutatedMessages = fc
  .tuple(
    validMessages,
    fc.constantFrom('type', 'masking', 'study', 'highlight', 'allowList', 'y', 'hideFixed', 'inScroller', 'wholePage'),
    anyValue,
  )
  .map(([message, key, value]) => ({ ...message, [key]: value }));

describe('the page agent’s check of the background’s messages', () => {
  it('accepts and shapes exactly what the protocol’s schemas do, for any input', () => {
    fc.assert(
      fc.property(fc.oneof(nearlyMessages, validMessages, mutatedMessages, fc.anything()), (message) => {
        const oracle = backgroundToAgent.safeParse(message);
        expect(parseBackgroundMessage(message)).toEqual(oracle.success ? oracle.data : undefined);
      }),
      { numRuns: 3_000 },
    );
  });

  it('accepts every well-formed message', () => {
    fc.assert(
      fc.property(validMessages, (message) => {
        expect(parseBackgroundMessage(message)).toBeDefined();
      }),
      { numRuns: 500 },
    );
  });

  it('knows every message type the protocol declares', () => {
    const declared = backgroundToAgent._zod.def.options.flatMap((option) => option._zod.def.shape.type._zod.def.values);
    expect([...TYPES].sort()).toEqual(declared.sort());
  });
});
