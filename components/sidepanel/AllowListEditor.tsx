import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
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

/** The study's fields that are safe to show unmasked: CSS selectors, one per line, saved on leaving the field. */
export function AllowListEditor({ studyId }: { studyId: string }) {
  const stored = useLiveQuery(() => db.studies.get(studyId).then((s) => s?.maskAllowList ?? []), [studyId]);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (stored) setText(stored.join('\n'));
  }, [stored]);
  const save = () =>
    setMaskAllowList(studyId, splitLines(text), isValidSelector)
      .then(() => setError(null))
      .catch((reason: unknown) => setError(errorText(reason)));
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
          onChange={(e) => setText(e.target.value)}
          onBlur={() => void save()}
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
