import { useLiveQuery } from 'dexie-react-hooks';
import { Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { createPersona, db, deletePersona, restorePersona, splitLines, updatePersona } from '@/lib/db';
import type { Persona } from '@/lib/model';
import { errorText } from '../ui/errors';
import { useDraftText } from '../ui/hooks';
import { useDashboard } from './context';

/** Research commonly settles on 6–8 personas; fewer is fine, but worth a reminder. */
const USUAL_PERSONAS = 6;

export function PersonasSection({ studyId }: { studyId: string }) {
  const { toast, error } = useDashboard();
  const personas = useLiveQuery(() => db.personas.where({ studyId }).sortBy('name'), [studyId]);
  const [name, setName] = useState('');

  const add = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await createPersona({ studyId, name, summary: '', goals: [] });
      setName('');
    } catch (reason) {
      error(errorText(reason));
    }
  };
  const remove = async (persona: Persona) => {
    try {
      const deleted = await deletePersona(persona.id);
      toast({ text: `Deleted the persona ${deleted.name}.`, undo: () => void restorePersona(deleted), focus: true });
    } catch (reason) {
      error(errorText(reason));
    }
  };

  return (
    <section className="card-section" aria-labelledby="personas-heading">
      <h2 id="personas-heading">Personas</h2>
      {personas && personas.length < USUAL_PERSONAS && (
        <p className="hint">
          {personas.length} {personas.length === 1 ? 'persona' : 'personas'}: studies usually cover 6–8, so that the
          journeys show how different customers fare.
        </p>
      )}
      <ul className="persona-list">
        {personas?.map((persona) => (
          <PersonaEditor key={persona.id} persona={persona} onDelete={() => void remove(persona)} />
        ))}
      </ul>
      <form className="row" onSubmit={(e) => void add(e)}>
        <label className="field">
          <span>New persona’s name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={500} />
        </label>
        <button type="submit">Add persona</button>
      </form>
    </section>
  );
}

function PersonaEditor({ persona, onDelete }: { persona: Persona; onDelete: () => void }) {
  const { error } = useDashboard();
  const save = (patch: Partial<Persona>) =>
    void updatePersona(persona.id, patch).catch((e: unknown) => error(errorText(e)));
  const name = useDraftText(persona.name, (value) => value.trim() && save({ name: value }));
  const summary = useDraftText(persona.summary, (value) => save({ summary: value }));
  const goals = useDraftText(persona.goals.join('\n'), (value) => save({ goals: splitLines(value) }));
  const frustrations = useDraftText(persona.frustrations.join('\n'), (value) =>
    save({ frustrations: splitLines(value) }),
  );
  const behaviours = useDraftText(persona.behaviours.join('\n'), (value) => save({ behaviours: splitLines(value) }));
  return (
    <li className="persona-card">
      <div className="section-head">
        <label className="field grow">
          <span>Name</span>
          <input maxLength={500} {...name} />
        </label>
        <button type="button" className="icon-button" aria-label={`Delete persona ${persona.name}`} onClick={onDelete}>
          <Trash2 size={16} aria-hidden />
        </button>
      </div>
      <label className="field">
        <span>Summary</span>
        <input maxLength={20_000} {...summary} />
      </label>
      <div className="three-columns">
        <label className="field">
          <span>Goals (one per line)</span>
          <textarea rows={2} {...goals} />
        </label>
        <label className="field">
          <span>Frustrations (one per line)</span>
          <textarea rows={2} {...frustrations} />
        </label>
        <label className="field">
          <span>Behaviours (one per line)</span>
          <textarea rows={2} {...behaviours} />
        </label>
      </div>
    </li>
  );
}
