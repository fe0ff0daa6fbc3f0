import { useEffect, useState } from 'react';
import { setPromises } from '@/lib/db';
import type { Study } from '@/lib/model';
import { errorText } from '../ui/errors';
import { useDashboard } from './context';

/** The customer promises each touchpoint can be checked against; saved on leaving a field. */
export function PromisesEditor({ study }: { study: Study }) {
  const { error } = useDashboard();
  const [items, setItems] = useState(study.promises);
  useEffect(() => setItems(study.promises), [study.promises]);
  const save = (next: { id?: string; text: string }[]) =>
    void setPromises(study.id, next).catch((reason: unknown) => error(errorText(reason)));

  return (
    <fieldset className="promises-editor">
      <legend>Customer promises</legend>
      <p className="muted small">What the company promises its customers; each touchpoint can keep or break them.</p>
      <ul>
        {items.map((promise, index) => (
          <li key={promise.id}>
            <label className="field">
              <span className="visually-hidden">Promise {index + 1}</span>
              <input
                value={promise.text}
                maxLength={500}
                onChange={(e) => setItems(items.map((p, i) => (i === index ? { ...p, text: e.target.value } : p)))}
                onBlur={() => save(items)}
              />
            </label>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => save([...items, { text: 'A new promise' }])}>
        Add promise
      </button>
    </fieldset>
  );
}
