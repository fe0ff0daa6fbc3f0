import { useLiveQuery } from 'dexie-react-hooks';
import { Trash2 } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { db, updateStudyPrivacy, type PrivacyChange } from '@/lib/db';
import { alwaysMaskPattern } from '@/lib/page-agent/personal-data';
import { errorText } from '../ui/errors';
import { SettingSwitch } from '../ui/SettingSwitch';
import type { ToastMessage } from '../ui/Toast';

interface Props {
  studyId: string;
  onError: (message: string) => void;
  onToast: (toast: Omit<ToastMessage, 'id'>) => void;
}

/** What the study's screenshots hide beyond form fields: all text, media, the researcher's own words. */
export function PrivacySettings({ studyId, onError, onToast }: Props) {
  const privacy = useLiveQuery(() => db.studies.get(studyId).then((s) => s?.privacy), [studyId]);
  const [entry, setEntry] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const ids = useId();
  if (!privacy) return null;
  const change = (next: PrivacyChange) => updateStudyPrivacy(studyId, next);

  const add = (event: FormEvent) => {
    event.preventDefault();
    const text = entry.trim();
    const pattern = alwaysMaskPattern(text);
    if (pattern instanceof Error) return setProblem(pattern.message);
    if (privacy.alwaysMask.includes(text)) return setProblem(`“${text}” is in the list already.`);
    change((p) => ({ alwaysMask: [...p.alwaysMask, text] }))
      .then(() => {
        setEntry('');
        setProblem(null);
      })
      .catch((reason: unknown) => setProblem(errorText(reason)));
  };
  const remove = (removed: string, index: number) => {
    const putBack = (p: { alwaysMask: string[] }) =>
      p.alwaysMask.includes(removed) ? {} : { alwaysMask: p.alwaysMask.toSpliced(index, 0, removed) };
    change((p) => ({ alwaysMask: p.alwaysMask.filter((e) => e !== removed) }))
      .then(() =>
        onToast({
          text: `“${removed}” is no longer always masked.`,
          undo: () => void change(putBack).catch((reason: unknown) => onError(errorText(reason))),
          focus: true,
        }),
      )
      .catch((reason: unknown) => onError(errorText(reason)));
  };

  const count = privacy.alwaysMask.length;
  const on = [
    privacy.maskAllText && 'all text masked',
    privacy.hideMedia && 'media hidden',
    count && `${count} always masked`,
  ];
  return (
    <details className="allow-list privacy-settings">
      <summary>
        Privacy in this study’s screenshots{on.some(Boolean) ? `: ${on.filter(Boolean).join(', ')}` : ''}
      </summary>
      <SettingSwitch
        label="Mask all text"
        hint="Every line of text becomes a box: the layout stays recognisable, no word is readable."
        stored={privacy.maskAllText}
        save={(maskAllText) => change({ maskAllText })}
        onError={onError}
      />
      <SettingSwitch
        label="Hide images and media"
        hint="Images, video, canvas and background images are covered."
        stored={privacy.hideMedia}
        save={(hideMedia) => change({ hideMedia })}
        onError={onError}
      />
      <fieldset className="field">
        <legend>Always mask</legend>
        <p className="muted small">
          Your own name, address or other words, wherever they show (any case and spacing); write /pattern/ for a
          regular expression.
        </p>
        <ul aria-label="Always masked" className="always-mask">
          {privacy.alwaysMask.map((masked, index) => (
            <li key={masked} className="row">
              <span className="grow">{masked}</span>
              <button
                type="button"
                className="icon-button"
                aria-label={`Stop always masking ${masked}`}
                onClick={() => remove(masked, index)}
              >
                <Trash2 size={16} aria-hidden />
              </button>
            </li>
          ))}
        </ul>
        <form className="row" onSubmit={add}>
          <label className="field grow">
            <span>Words or /pattern/ to always mask</span>
            <input
              value={entry}
              maxLength={500}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${ids}-problem` : undefined}
              onChange={(e) => setEntry(e.target.value)}
            />
          </label>
          <button type="submit">Add</button>
        </form>
        {problem && (
          <p id={`${ids}-problem`} className="error" role="alert">
            {problem}
          </p>
        )}
      </fieldset>
    </details>
  );
}
