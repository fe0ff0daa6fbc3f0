import { discardDrafts, keepDrafts, restoreTouchpoints } from '@/lib/db';
import type { Touchpoint } from '@/lib/model';
import type { ToastMessage } from '../ui/Toast';
import { errorText } from '../ui/errors';

interface Props {
  drafts: Touchpoint[];
  onError: (message: string) => void;
  onToast: (toast: Omit<ToastMessage, 'id'>) => void;
}

/** Auto-recorded drafts in bulk: keep them all, or discard them all (with undo). */
export function DraftsBar({ drafts, onError, onToast }: Props) {
  if (drafts.length === 0) return null;
  const keepAll = (ids: string[]) => keepDrafts(ids).catch((error: unknown) => onError(errorText(error)));
  const discardAll = async (ids: string[]) => {
    try {
      const discarded = await discardDrafts(ids);
      onToast({
        focus: true,
        text: `${discarded.length} draft${discarded.length === 1 ? '' : 's'} discarded`,
        undo: () => void restoreTouchpoints(discarded).catch((error: unknown) => onError(errorText(error))),
      });
    } catch (error) {
      onError(errorText(error));
    }
  };
  return (
    <div className="drafts-bar" role="group" aria-label="Drafts">
      <span>
        {drafts.length} draft{drafts.length === 1 ? '' : 's'} from auto-record
      </span>
      <button type="button" className="small-button" onClick={() => void keepAll(drafts.map((d) => d.id))}>
        Keep all
      </button>
      <button type="button" className="small-button" onClick={() => void discardAll(drafts.map((d) => d.id))}>
        Discard all
      </button>
    </div>
  );
}
