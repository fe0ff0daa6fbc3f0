import { Eye } from 'lucide-react';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { previewMasksReply, type PreviewMasksMessage } from '@/lib/messaging/protocol';
import { errorText } from '../ui/errors';
import { panelWindowId } from './panel-window';

/** "Preview masks": shows the page's masks for a few seconds and says what they cover. */
export function MaskPreview({ journeyId, onError }: { journeyId: string; onError: (message: string) => void }) {
  const [summary, setSummary] = useState('');
  const [busy, setBusy] = useState(false);

  const preview = async () => {
    setBusy(true);
    setSummary('');
    try {
      const windowId = await panelWindowId();
      const message: PreviewMasksMessage = { type: 'preview-masks', journeyId, windowId };
      const reply = previewMasksReply.parse(await browser.runtime.sendMessage(message));
      if (reply.ok) setSummary(reply.summary);
      else onError(`Could not preview the masks: ${reply.error}`);
    } catch (error) {
      onError(`Touchtrail’s background did not answer (${errorText(error)}). Try again.`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="mask-preview">
      <button
        type="button"
        onClick={() => void preview()}
        disabled={busy}
        title="Show on the page, for a few seconds, what a capture would mask"
      >
        <Eye size={16} aria-hidden /> Preview masks
      </button>
      <p className="mask-summary" role="status">
        {summary}
      </p>
    </div>
  );
}
