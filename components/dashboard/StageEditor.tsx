import { ArrowDown, ArrowUp, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { restoreStages, setStages, type EditedStage } from '@/lib/db';
import type { Study } from '@/lib/model';
import { errorText } from '../ui/errors';
import { useDashboard } from './context';

/** The study's journey stages: rename, reorder, add, remove; saved with "Save stages". */
export function StageEditor({ study }: { study: Study }) {
  const { toast, error } = useDashboard();
  // Each row has a key of its own, so focus follows a row when it moves.
  const [stages, setEdited] = useState(() => rows(study.stages));
  // The rows start again when the stored list itself changes (not on every save of another
  // setting); adjusted while rendering, so no frame shows the old rows.
  const storedKey = JSON.stringify(study.stages);
  const [editedFrom, setEditedFrom] = useState(storedKey);
  if (editedFrom !== storedKey) {
    setEditedFrom(storedKey);
    setEdited(rows(study.stages));
  }
  const changed = JSON.stringify(stages.map((s) => s.name)) !== JSON.stringify(study.stages);

  const edit = (index: number, name: string) => setEdited(stages.map((s, i) => (i === index ? { ...s, name } : s)));
  const move = (index: number, by: number) => {
    const next = [...stages];
    next.splice(index + by, 0, ...next.splice(index, 1));
    setEdited(next);
  };
  const save = async () => {
    try {
      const before = await setStages(study.id, stages);
      toast({
        text: 'Stages saved.',
        undo: () =>
          void restoreStages(before).catch((reason: unknown) => error(`Could not undo: ${errorText(reason)}`)),
      });
    } catch (reason) {
      error(errorText(reason));
    }
  };

  return (
    <fieldset className="stage-editor">
      <legend>Journey stages</legend>
      <ol>
        {stages.map((stage, index) => (
          <li key={stage.key} className="row">
            <label className="field grow">
              <span className="visually-hidden">Stage {index + 1}</span>
              <input value={stage.name} maxLength={100} onChange={(e) => edit(index, e.target.value)} />
            </label>
            <button
              type="button"
              className="icon-button"
              aria-label={`Move ${stage.name} up`}
              disabled={index === 0}
              onClick={() => move(index, -1)}
            >
              <ArrowUp size={16} aria-hidden />
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Move ${stage.name} down`}
              disabled={index === stages.length - 1}
              onClick={() => move(index, 1)}
            >
              <ArrowDown size={16} aria-hidden />
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove ${stage.name}`}
              disabled={stages.length === 1}
              onClick={() => setEdited(stages.filter((_, i) => i !== index))}
            >
              <Trash2 size={16} aria-hidden />
            </button>
          </li>
        ))}
      </ol>
      <div className="row">
        <button
          type="button"
          onClick={() => setEdited([...stages, { name: `Stage ${stages.length + 1}`, key: crypto.randomUUID() }])}
        >
          Add stage
        </button>
        <button type="button" className="primary" disabled={!changed} onClick={() => void save()}>
          Save stages
        </button>
        {changed && (
          <button type="button" className="link-button" onClick={() => setEdited(rows(study.stages))}>
            Cancel
          </button>
        )}
      </div>
      <p className="muted small">Touchpoints follow a renamed stage; those of a removed stage keep its name.</p>
    </fieldset>
  );
}

/** The stored stages as editable rows, each with a key of its own so focus follows a moved row. */
function rows(stages: string[]): (EditedStage & { key: string })[] {
  return stages.map((name) => ({ name, was: name, key: crypto.randomUUID() }));
}
