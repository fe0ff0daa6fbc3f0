import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { db, setMaskAllowList, splitLines } from '@/lib/db';
import { errorText } from '../ui/errors';

/** A selector is valid when the browser can parse it. */
function isValidSelector(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

/** What the researcher typed, and the stored list it was typed over. */
interface Draft {
  text: string;
  over: string;
}

/** The study's fields that are safe to show unmasked: CSS selectors, one per line, saved on leaving the field. */
export function AllowListEditor({ studyId }: { studyId: string }) {
  const stored = useLiveQuery(() => db.studies.get(studyId).then((s) => s?.maskAllowList ?? []), [studyId]);
  const storedText = stored?.join('\n') ?? '';
  const [draft, setDraft] = useState<Draft | null>(null);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // While the field has focus, what is typed wins over any write to the study. Once it is left,
  // the draft shows until the stored list moves on (the save landing, or another view's edit),
  // and is then dropped for good: a list that later comes back to the old value shows as stored.
  if (draft !== null && !editing && draft.over !== storedText) setDraft(null);
  const text = draft !== null ? draft.text : storedText;
  const save = () => {
    if (!draft) return;
    setMaskAllowList(studyId, splitLines(draft.text), isValidSelector)
      .then(() => setError(null))
      .catch((reason: unknown) => {
        // A refused list stays in the field, to be corrected, whatever was stored meanwhile.
        setDraft({ text: draft.text, over: storedText });
        setError(errorText(reason));
      });
  };
  return (
    <details className="allow-list">
      <summary>Fields shown unmasked in this study{stored?.length ? ` (${stored.length})` : ''}</summary>
      <label className="field">
        <span>CSS selectors of fields safe to show, one per line (password fields stay masked)</span>
        <textarea
          rows={2}
          value={text}
          placeholder="#search, input[name=postcode]"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'allow-list-error' : undefined}
          onChange={(e) => setDraft({ text: e.target.value, over: storedText })}
          onFocus={() => setEditing(true)}
          onBlur={() => {
            setEditing(false);
            save();
          }}
        />
      </label>
      {error && (
        <p id="allow-list-error" className="error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}
