// The page agent joins every page of a recorded journey; the page tools (the element picker and
// the full-page scroller) are injected only when the researcher picks or captures a full page
// (lib/capture/page-agent-control.ts), so that every page carries less. Both run in the
// extension's isolated world of the page: the tools leave a factory under PAGE_TOOLS_KEY, and
// the agent hands it the agent's own masks, overlay and own-changes, so that the state the page
// observer reads (our layers, our restyles, picking) is one copy, the agent's.
import type { PageElement } from '../messaging/protocol';
import type { answerFullPage, FullPageKit } from './full-page';
import type { Picker, PickerKit } from './picker';

export type PageToolsKit = PickerKit & FullPageKit;

export interface PageTools {
  startPicker(onPick: (element: PageElement) => void, onCancel: () => void): Picker;
  /** The full-page messages' answers (the capture under way is the tools' own). */
  fullPage: ReturnType<typeof answerFullPage>;
}

type PageToolsFactory = (kit: PageToolsKit) => PageTools;
const PAGE_TOOLS_KEY = 'touchtrailPageTools';
type World = { [PAGE_TOOLS_KEY]?: PageToolsFactory };

/** The tools script's side: replaces any copy an earlier version of the extension left. */
export function offerPageTools(factory: PageToolsFactory): void {
  (globalThis as World)[PAGE_TOOLS_KEY] = factory;
}

/** The agent's side: the tools, or undefined when the background has not injected them. */
export function pageTools(kit: PageToolsKit): PageTools | undefined {
  return (globalThis as World)[PAGE_TOOLS_KEY]?.(kit);
}
