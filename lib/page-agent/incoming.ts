// Runs in the web page: checks what arrives from our background before the agent acts on it.
// The background declares these messages with zod schemas (lib/messaging/protocol.ts); the agent
// checks them by hand, so that no schema library is bundled into every page it joins. A unit
// test holds this to the schemas: both accept and shape exactly the same messages.
import type { BackgroundToAgent } from '../messaging/protocol';

const INVALID = Symbol('invalid');
/** A field's check: the value as the schema would give it back, or INVALID. */
type Field = (value: unknown) => unknown;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const boolean: Field = (value) => (typeof value === 'boolean' ? value : INVALID);
const number: Field = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : INVALID);
const optional =
  (field: Field): Field =>
  (value) =>
    value === undefined ? undefined : field(value);
const allowList: Field = (value) =>
  Array.isArray(value) && value.every((item) => typeof item === 'string' && item.length <= 1_000)
    ? [...(value as string[])]
    : INVALID;
const studyMasking: Field = (value) => {
  if (!isRecord(value)) return INVALID;
  const alwaysMask = value.alwaysMask;
  const words =
    Array.isArray(alwaysMask) && alwaysMask.every((item) => typeof item === 'string' && item.length <= 500)
      ? [...(alwaysMask as string[])]
      : INVALID;
  const masking = { maskAllText: boolean(value.maskAllText), hideMedia: boolean(value.hideMedia), alwaysMask: words };
  return Object.values(masking).includes(INVALID) ? INVALID : masking;
};
const rect: Field = (value) => {
  if (!isRecord(value)) return INVALID;
  const box = { x: number(value.x), y: number(value.y), width: number(value.width), height: number(value.height) };
  return Object.values(box).includes(INVALID) ? INVALID : box;
};

/** Each message's fields besides its type; a message type added to the protocol must be added here. */
const MESSAGES: Record<BackgroundToAgent['type'], Record<string, Field>> = {
  'full-page-begin': {},
  'full-page-frame': {
    y: number,
    inScroller: optional(boolean),
    hideFixed: boolean,
    masking: boolean,
    study: optional(studyMasking),
    allowList: optional(allowList),
    wholePage: optional(boolean),
  },
  'full-page-end': {},
  'full-page-check': {},
  'prepare-capture': {
    masking: boolean,
    study: optional(studyMasking),
    highlight: optional(rect),
    allowList: optional(allowList),
  },
  'show-mask-preview': { masking: boolean, study: optional(studyMasking), allowList: optional(allowList) },
  'restore-after-capture': {},
  'agent-ping': {},
  'start-pick': {},
  'pick-context-target': {},
};

/** The message, with only its declared fields, or undefined when it is not one of ours. */
export function parseBackgroundMessage(message: unknown): BackgroundToAgent | undefined {
  if (!isRecord(message) || typeof message.type !== 'string' || !Object.hasOwn(MESSAGES, message.type)) return;
  const parsed: Record<string, unknown> = { type: message.type };
  for (const [key, field] of Object.entries(MESSAGES[message.type as BackgroundToAgent['type']])) {
    const value = field(message[key]);
    if (value === INVALID) return;
    if (value !== undefined) parsed[key] = value;
  }
  return parsed as BackgroundToAgent;
}
