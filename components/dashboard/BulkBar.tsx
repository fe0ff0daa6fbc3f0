import { Trash2 } from 'lucide-react';
import { undoBulkEdit, updateTouchpoints, type TouchpointPatch } from '@/lib/db';
import { CHANNELS, label, OWNERS, type Touchpoint } from '@/lib/model';
import { Choice } from '../ui/Choice';
import { errorText } from '../ui/errors';
import { useDashboard } from './context';

interface Props {
  selected: Touchpoint[];
  stages: string[];
  allShownSelected: boolean;
  onSelectAll: (on: boolean) => void;
  onDelete: (ids: string[]) => void;
}

/** Sets stage, channel, owner or key on every selected touchpoint at once, with undo. */
export function BulkBar({ selected, stages, allShownSelected, onSelectAll, onDelete }: Props) {
  const { toast, error } = useDashboard();
  const ids = selected.map((t) => t.id);
  const drafts = selected.filter((t) => t.draft).length;
  const apply = async (patch: TouchpointPatch, what: string) => {
    try {
      // Editing a draft in bulk is deciding to keep it (drafts stay out of the map and metrics).
      const edit = await updateTouchpoints(ids, { ...patch, draft: false });
      const kept = drafts ? ` (${drafts} ${drafts === 1 ? 'draft' : 'drafts'} kept)` : '';
      toast({
        text: `${what} on ${edit.before.length} touchpoints${kept}.`,
        undo: () => void undoBulkEdit(edit).catch((reason: unknown) => error(`Could not undo: ${errorText(reason)}`)),
      });
    } catch (reason) {
      error(`Could not change them: ${errorText(reason)}`);
    }
  };
  const setter = (name: string, options: readonly string[], patch: (value: string) => TouchpointPatch) => (
    <Choice
      label={name}
      value=""
      options={options}
      empty="Set…"
      disabled={!selected.length}
      onChange={(value) => value && void apply(patch(value), `${name} set to ${label(value)}`)}
    />
  );

  return (
    <div className="bulk-bar" role="group" aria-label="Selected touchpoints">
      <label className="checkbox">
        <input type="checkbox" checked={allShownSelected} onChange={(e) => onSelectAll(e.target.checked)} />
        Select all shown
      </label>
      <span className="muted" aria-live="polite">
        {selected.length} selected
      </span>
      {setter('Stage', stages, (stage) => ({ stage }))}
      {setter('Channel', CHANNELS, (channel) => ({ channel: channel as Touchpoint['channel'] }))}
      {setter('Owner', OWNERS, (owner) => ({ owner: owner as Touchpoint['owner'] }))}
      <button type="button" disabled={!selected.length} onClick={() => void apply({ key: true }, 'Marked key')}>
        Mark key
      </button>
      <button type="button" disabled={!selected.length} onClick={() => void apply({ key: false }, 'Unmarked key')}>
        Unmark key
      </button>
      <button type="button" className="danger" disabled={!selected.length} onClick={() => onDelete(ids)}>
        <Trash2 size={16} aria-hidden /> Delete selected
      </button>
    </div>
  );
}
