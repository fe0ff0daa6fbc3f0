import { Trash2 } from 'lucide-react';
import { setPromises } from '@/lib/db';
import type { Study } from '@/lib/model';
import { errorText } from '../ui/errors';
import { useDraftText } from '../ui/hooks';
import { useDashboard } from './context';

type CustomerPromise = Study['promises'][number];

/** The customer promises each touchpoint can be checked against; each edit saves itself. */
export function PromisesEditor({ study }: { study: Study }) {
  const { toast, error } = useDashboard();
  const save = (next: { id?: string; text: string }[]) =>
    setPromises(study.id, next).catch((reason: unknown) => error(errorText(reason)));
  const remove = (promise: CustomerPromise) => {
    const before = study.promises;
    void save(before.filter((p) => p.id !== promise.id)).then(() =>
      toast({ text: `Removed the promise “${promise.text}”.`, undo: () => void save(before) }),
    );
  };

  return (
    <fieldset className="promises-editor">
      <legend>Customer promises</legend>
      <p className="muted small">What the company promises its customers; each touchpoint can keep or break them.</p>
      <ul>
        {study.promises.map((promise, index) => (
          <PromiseRow
            key={promise.id}
            promise={promise}
            index={index}
            onSave={(text) =>
              text.trim() && void save(study.promises.map((p) => (p.id === promise.id ? { ...p, text } : p)))
            }
            onRemove={() => remove(promise)}
          />
        ))}
      </ul>
      <button type="button" onClick={() => void save([...study.promises, { text: 'A new promise' }])}>
        Add promise
      </button>
    </fieldset>
  );
}

function PromiseRow(props: {
  promise: CustomerPromise;
  index: number;
  onSave: (text: string) => void;
  onRemove: () => void;
}) {
  const field = useDraftText(props.promise.text, props.onSave);
  return (
    <li className="row">
      <label className="field grow">
        <span className="visually-hidden">Promise {props.index + 1}</span>
        <input maxLength={500} {...field} />
      </label>
      <button
        type="button"
        className="icon-button"
        aria-label={`Remove promise ${props.promise.text}`}
        onClick={props.onRemove}
      >
        <Trash2 size={16} aria-hidden />
      </button>
    </li>
  );
}
