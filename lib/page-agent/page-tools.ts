// Runs in the web page, injected only when the researcher picks an element or captures a full
// page (see page-tools-contract.ts for how it meets the agent).
import { answerFullPage } from './full-page';
import type { PageTools, PageToolsKit } from './page-tools-contract';
import { startPicker } from './picker';
import { extensionShadowRootOf } from './shadow-roots';

export function createPageTools(kit: PageToolsKit): PageTools {
  return {
    startPicker: (onPick, onCancel) => startPicker(onPick, onCancel, kit),
    fullPage: answerFullPage(extensionShadowRootOf, kit),
  };
}
