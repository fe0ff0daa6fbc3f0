import * as z from 'zod/mini';
import { rect as elementRect } from '../model/schemas';
import { PAGE_SIGNAL_KINDS } from '../signals/registry';

// Every runtime message is declared here once. Receivers parse what they get with these
// schemas: a message that does not parse is ignored (DESIGN.md §3, "One typed protocol").
// They use zod/mini, which tree-shakes, because the page agent bundles them into every page.

const panelRequest = {
  journeyId: z.uuid(),
  /** The normal browser window the panel is attached to; absent when the panel has a window of its own. */
  windowId: z.optional(z.int()),
  /** "Try again": the tab and window of the request that failed, used while they still exist. */
  retryOf: z.optional(z.object({ tabId: z.optional(z.int()), windowId: z.optional(z.int()) })),
};

/** Side panel → background: capture the active tab for the active journey. */
export const captureRequestMessage = z.object({ type: z.literal('capture-touchpoint'), ...panelRequest });

/** Side panel → background: let the researcher pick an element on the page to record. */
export const pickRequestMessage = z.object({ type: z.literal('pick-element'), ...panelRequest });

/** Side panel → background: capture the whole page, scrolled and stitched into one image. */
export const fullPageRequestMessage = z.object({ type: z.literal('capture-full-page'), ...panelRequest });

export const panelToBackground = z.discriminatedUnion('type', [
  captureRequestMessage,
  pickRequestMessage,
  fullPageRequestMessage,
]);
export type PanelToBackground = z.infer<typeof panelToBackground>;

/** Side panel → background: show the masks on the page for a few seconds, without capturing. */
export const previewMasksMessage = z.object({ type: z.literal('preview-masks'), ...panelRequest });
export type PreviewMasksMessage = z.infer<typeof previewMasksMessage>;
/** The background's answer: what the masks cover, as the researcher reads it, or why none are shown. */
export const previewMasksReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), summary: z.string() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type PreviewMasksReply = z.infer<typeof previewMasksReply>;

export const captureRequestReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), requestId: z.uuid() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type CaptureRequestReply = z.infer<typeof captureRequestReply>;

/** Background → page agent: hide what must not be captured and wait until that is painted. */
const rect = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });
/** What the study hides besides fields and personal data (its privacy settings). */
const studyMasking = z.object({
  maskAllText: z.boolean(),
  hideMedia: z.boolean(),
  alwaysMask: z.array(z.string().check(z.maxLength(500))),
});
export const prepareCaptureMessage = z.object({
  type: z.literal('prepare-capture'),
  masking: z.boolean(),
  study: z.optional(studyMasking),
  /** A box to draw around the element the touchpoint is about (viewport pixels). */
  highlight: z.optional(rect),
  /** Selectors of fields the study shows unmasked (never password fields). */
  allowList: z.optional(z.array(z.string().check(z.maxLength(1_000)))),
});
/** Background → page agent: draw the masks prepare-capture would, for a few seconds, and say what they cover. */
export const previewMasksAgentMessage = z.object({
  type: z.literal('show-mask-preview'),
  masking: z.boolean(),
  study: z.optional(studyMasking),
  allowList: z.optional(z.array(z.string().check(z.maxLength(1_000)))),
});
/** Background → page agent: undo everything prepare-capture did. */
export const restoreAfterCaptureMessage = z.object({ type: z.literal('restore-after-capture') });

/** Background → page agent: are you there? (Answered with { ok: true }; changes nothing.) */
export const agentPingMessage = z.object({ type: z.literal('agent-ping') });

/** Background → page agent: enter pick mode (hover outlines, click records, Escape cancels). */
export const startPickMessage = z.object({ type: z.literal('start-pick') });
/** Background → page agent: record the element the context menu was opened on. */
export const pickContextTargetMessage = z.object({ type: z.literal('pick-context-target') });

/** Background → page agent: full-page capture starts; the agent measures the page. */
export const fullPageBeginMessage = z.object({ type: z.literal('full-page-begin') });
/** Background → page agent: scroll to y, hide fixed and sticky elements after the first frame, mask, paint. */
export const fullPageFrameMessage = z.object({
  type: z.literal('full-page-frame'),
  y: z.number(),
  /** Scroll the page's scrolling area (the scroller of the measure) rather than the window. */
  inScroller: z.optional(z.boolean()),
  hideFixed: z.boolean(),
  masking: z.boolean(),
  study: z.optional(studyMasking),
  allowList: z.optional(z.array(z.string().check(z.maxLength(1_000)))),
  /** Mask every field of the page, not only those in view (Firefox captures the page in one go). */
  wholePage: z.optional(z.boolean()),
});
/** Background → page agent: put the page back as it was (scroll, fixed elements, masks). */
export const fullPageEndMessage = z.object({ type: z.literal('full-page-end') });
/** Background → page agent: after a frame's screenshot, were its masks in place until now? (Answered as restore-after-capture.) */
export const fullPageCheckMessage = z.object({ type: z.literal('full-page-check') });

export const backgroundToAgent = z.discriminatedUnion('type', [
  fullPageBeginMessage,
  fullPageFrameMessage,
  fullPageEndMessage,
  fullPageCheckMessage,
  prepareCaptureMessage,
  previewMasksAgentMessage,
  restoreAfterCaptureMessage,
  agentPingMessage,
  startPickMessage,
  pickContextTargetMessage,
]);
export type BackgroundToAgent = z.infer<typeof backgroundToAgent>;

/** The page agent's refusal of prepare-capture or of a full-page frame: the page took the masks off as they went on. */
export const masksRemoved = z.object({ ok: z.literal(false), reason: z.literal('masks-removed') });
export type MasksRemoved = z.infer<typeof masksRemoved>;

/** How many of each kind the page agent masked (fields, email addresses, …). */
export const maskCounts = z.partialRecord(
  z.enum(['field', 'frame', 'media', 'email', 'phone', 'card', 'iban', 'ip', 'word', 'text']),
  z.int().check(z.nonnegative()),
);
export type MaskCounts = z.infer<typeof maskCounts>;

const maskPoints = z.array(z.object({ x: z.number(), y: z.number() })).check(z.maxLength(48));

/** The page agent's answer to prepare-capture. It comes from a web page's context: never trust it further than this. */
export const preparedPage = z.object({
  ok: z.literal(true),
  url: z.string().check(z.maxLength(8_000)),
  title: z.string().check(z.maxLength(2_000)),
  devicePixelRatio: z.number().check(z.positive(), z.maximum(16)),
  /** The viewport's width in CSS pixels: with the image's width, the capture's real scale. */
  viewportWidth: z.optional(z.number().check(z.positive())),
  masked: maskCounts,
  /** Where the screenshot must show the mask's colour (viewport CSS pixels); checked before anything is kept. */
  maskPoints: z.optional(maskPoints),
});
export type PreparedPage = z.infer<typeof preparedPage>;

/** The page agent's answer to show-mask-preview. */
export const maskPreviewShown = z.object({ ok: z.literal(true), masked: maskCounts });

/** The page agent's answer to restore-after-capture: were its masks in place until then? */
export const restoredPage = z.object({ ok: z.literal(true), stillMasked: z.boolean() });

/** More facts than any signal finds (three at most). */
const MAX_SIGNAL_FACTS = 8;

/** Page agent → background: friction detected on the page (a suggestion for the researcher). */
export const pageSignalMessage = z.object({
  type: z.literal('page-signal'),
  kind: z.enum(PAGE_SIGNAL_KINDS),
  at: z.number(),
  /** What the background describes it by (SignalWords.describe): a few numbers and short texts. */
  facts: z
    .record(z.string().check(z.maxLength(40)), z.union([z.string().check(z.maxLength(2_000)), z.number()]))
    .check(z.refine((facts) => Object.keys(facts).length <= MAX_SIGNAL_FACTS)),
});

/** Page agent → background: the page's address changed (a load, or a single-page-app route). */
export const pageNavigationMessage = z.object({
  type: z.literal('page-navigation'),
  url: z.string().check(z.maxLength(8_000)),
  at: z.number(),
});

/** Page agent → background: the persona clicked or typed on this page (quick-back needs to know). */
export const pageInteractionMessage = z.object({ type: z.literal('page-interaction'), at: z.number() });

/**
 * Page agent → background: put the error relay into the page's own world. Errors of page
 * scripts are not seen from the agent's isolated world; the relay passes their messages on.
 */
export const installErrorRelayMessage = z.object({ type: z.literal('install-error-relay') });

/**
 * An element as the page agent reads it (lib/page-agent/descriptor.ts). The background names its
 * role and aria selector (lib/model/element-role.ts), so that the tables of implicit roles stay
 * out of every page.
 */
export const pageElement = z.object({
  selector: z.string().check(z.maxLength(2_000)),
  text: z.string().check(z.maxLength(2_000)),
  /** Its accessible name as the page gives it: aria-label, labels, text or title. */
  name: z.string().check(z.maxLength(2_000)),
  /** The first word of its role attribute, when it has one. */
  explicitRole: z.optional(z.string().check(z.maxLength(100))),
  /** Its tag name, lower case; an input's type; whether a link has an address. */
  tag: z.string().check(z.maxLength(100)),
  inputType: z.optional(z.string().check(z.maxLength(100))),
  hasHref: z.optional(z.boolean()),
  rect: elementRect,
});
export type PageElement = z.infer<typeof pageElement>;

/** Page agent → background: the researcher picked this element (parsed with pageElement). */
export const elementPickedMessage = z.object({ type: z.literal('element-picked'), element: z.unknown() });

/** Page agent → background (auto-record on): the persona clicked this element. */
export const autoClickMessage = z.object({ type: z.literal('auto-click'), element: z.unknown() });
/** Page agent → background (auto-record on): the persona arrived on a page or a new route. */
export const autoNavigationMessage = z.object({
  type: z.literal('auto-navigation'),
  url: z.string().check(z.maxLength(8_000)),
});

export const agentToBackground = z.discriminatedUnion('type', [
  elementPickedMessage,
  autoClickMessage,
  autoNavigationMessage,
  pageSignalMessage,
  pageNavigationMessage,
  pageInteractionMessage,
  installErrorRelayMessage,
]);
export type AgentToBackground = z.infer<typeof agentToBackground>;

const cssBox = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number().check(z.positive()),
  height: z.number().check(z.positive()),
});

/** The page agent's answer to full-page-begin (CSS pixels). */
export const pageMeasure = z.object({
  ok: z.literal(true),
  scrollHeight: z.number().check(z.positive()),
  /**
   * Set when the window (barely) scrolls but the page's content scrolls in an element: its
   * visible box (viewport coordinates, the window at its top) and the height of its content.
   */
  scroller: z.optional(
    z.object({
      box: cssBox,
      contentHeight: z.number().check(z.positive()),
      /** Why it cannot be stitched: another big scrolling area inside, around or beside it. */
      problem: z.optional(z.enum(['nested', 'several'])),
    }),
  ),
  viewportWidth: z.number().check(z.positive()),
  viewportHeight: z.number().check(z.positive()),
  devicePixelRatio: z.number().check(z.positive(), z.maximum(16)),
  url: z.string().check(z.maxLength(8_000)),
  title: z.string().check(z.maxLength(2_000)),
});
export type PageMeasure = z.infer<typeof pageMeasure>;

/** The page agent's answer to full-page-frame: where the window, or the scrolling area, really scrolled to. */
export const framePrepared = z.object({
  ok: z.literal(true),
  scrollY: z.number(),
  masked: z.optional(maskCounts),
  maskPoints: z.optional(maskPoints),
});
