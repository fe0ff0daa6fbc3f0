import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { requestSiteAccess } from '@/lib/capture/page-agent';
import { createPersona, createStudy, listPersonas, listStudies, splitLines, startJourney } from '@/lib/db';
import { selectedPersonaId, selectedStudyId } from '@/lib/extension-storage/items';
import { useCommandShortcut, useStorageItem } from '../ui/hooks';
import { errorText } from '../ui/errors';
import { ExportButton } from './ExportButton';

/** Before a walk: what Touchtrail does, then study → persona → journey. */
export function SetupSteps({ onError }: { onError: (message: string) => void }) {
  const shortcut = useCommandShortcut('capture-touchpoint');
  const studies = useLiveQuery(listStudies, []);
  const storedStudyId = useStorageItem(selectedStudyId);
  const storedPersonaId = useStorageItem(selectedPersonaId);
  const studyId = studies?.some((s) => s.id === storedStudyId) ? (storedStudyId ?? undefined) : undefined;
  const personas = useLiveQuery(() => (studyId ? listPersonas(studyId) : []), [studyId]);
  const personaId = personas?.some((p) => p.id === storedPersonaId) ? (storedPersonaId ?? undefined) : undefined;
  if (!studies) return null;

  return (
    <div className="setup">
      <section className="intro">
        <h1>Touchtrail</h1>
        <p>
          Walk a website as one of your personas and record every touchpoint that matters, with a screenshot and your
          notes.
        </p>
        <ol className="steps-overview">
          <li className={studyId ? 'done' : ''}>Pick or create a study</li>
          <li className={personaId ? 'done' : ''}>Pick or create the persona you will play</li>
          <li>Start a journey, then capture with the button{shortcut ? ` or ${shortcut}` : ''}</li>
        </ol>
      </section>
      <StudyStep studies={studies} studyId={studyId} onError={onError} />
      {studyId && <PersonaStep studyId={studyId} personas={personas ?? []} personaId={personaId} onError={onError} />}
      {studyId && personaId && <JourneyStep studyId={studyId} personaId={personaId} onError={onError} />}
    </div>
  );
}

function StudyStep(props: {
  studies: { id: string; name: string; company: string }[];
  studyId?: string;
  onError: (message: string) => void;
}) {
  const [creating, setCreating] = useState(false);
  const showForm = creating || props.studies.length === 0;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      const study = await createStudy({
        name: formText(form, 'name'),
        company: formText(form, 'company'),
        siteUrl: formText(form, 'siteUrl'),
      });
      await selectedStudyId.setValue(study.id);
      setCreating(false);
    } catch (error) {
      props.onError(errorText(error));
    }
  };
  return (
    <section className="step" aria-labelledby="step-study">
      <h2 id="step-study">1. Study</h2>
      {props.studies.length > 0 && !creating && (
        <div className="row">
          <label className="field grow">
            <span>Study</span>
            <select value={props.studyId ?? ''} onChange={(e) => void selectedStudyId.setValue(e.target.value || null)}>
              <option value="">Choose a study…</option>
              {props.studies.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                  {s.company ? ` — ${s.company}` : ''}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => setCreating(true)}>
            New study
          </button>
        </div>
      )}
      {props.studyId && !creating && (
        <ExportButton scope={{ studyId: props.studyId }} label="Export study" onError={props.onError} />
      )}
      {showForm && (
        <form onSubmit={(e) => void submit(e)} className="stack">
          <label className="field">
            <span>Study name</span>
            <input name="name" required maxLength={500} placeholder="Northwind checkout audit" />
          </label>
          <label className="field">
            <span>Company</span>
            <input name="company" maxLength={500} placeholder="Northwind" />
          </label>
          <label className="field">
            <span>Site URL</span>
            <input name="siteUrl" type="url" maxLength={2000} placeholder="https://www.example.com" />
          </label>
          <div className="row">
            <button type="submit" className="primary">
              Create study
            </button>
            {props.studies.length > 0 && (
              <button type="button" onClick={() => setCreating(false)}>
                Cancel
              </button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}

function PersonaStep(props: {
  studyId: string;
  personas: { id: string; name: string; summary: string }[];
  personaId?: string;
  onError: (message: string) => void;
}) {
  const [creating, setCreating] = useState(false);
  const showForm = creating || props.personas.length === 0;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      const persona = await createPersona({
        studyId: props.studyId,
        name: formText(form, 'name'),
        summary: formText(form, 'summary'),
        goals: splitLines(formText(form, 'goals')),
        frustrations: splitLines(formText(form, 'frustrations')),
      });
      await selectedPersonaId.setValue(persona.id);
      setCreating(false);
    } catch (error) {
      props.onError(errorText(error));
    }
  };
  return (
    <section className="step" aria-labelledby="step-persona">
      <h2 id="step-persona">2. Persona</h2>
      {props.personas.length > 0 && !creating && (
        <div className="row">
          <label className="field grow">
            <span>Persona</span>
            <select
              value={props.personaId ?? ''}
              onChange={(e) => void selectedPersonaId.setValue(e.target.value || null)}
            >
              <option value="">Choose a persona…</option>
              {props.personas.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => setCreating(true)}>
            New persona
          </button>
        </div>
      )}
      {showForm && (
        <form onSubmit={(e) => void submit(e)} className="stack">
          <label className="field">
            <span>Persona name</span>
            <input name="name" required maxLength={500} placeholder="Carl, first-time buyer" />
          </label>
          <label className="field">
            <span>Summary</span>
            <textarea name="summary" rows={2} placeholder="Who they are, in a sentence or two" />
          </label>
          <label className="field">
            <span>Goals (one per line)</span>
            <textarea name="goals" rows={2} />
          </label>
          <label className="field">
            <span>Frustrations (one per line)</span>
            <textarea name="frustrations" rows={2} />
          </label>
          <div className="row">
            <button type="submit" className="primary">
              Create persona
            </button>
            {props.personas.length > 0 && (
              <button type="button" onClick={() => setCreating(false)}>
                Cancel
              </button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}

function JourneyStep(props: { studyId: string; personaId: string; onError: (message: string) => void }) {
  const [starting, setStarting] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (starting) return;
    setStarting(true);
    const form = new FormData(event.currentTarget);
    // The browser shows its site-access prompt only during the click itself, so ask first. The
    // walk starts whatever the answer (and before it): without access, capture uses activeTab.
    void requestSiteAccess(browser.permissions);
    void (async () => {
      try {
        await startJourney({
          studyId: props.studyId,
          personaId: props.personaId,
          title: formText(form, 'title'),
          scenario: formText(form, 'scenario'),
        });
      } catch (error) {
        props.onError(errorText(error));
        setStarting(false);
      }
    })();
  };
  return (
    <section className="step" aria-labelledby="step-journey">
      <h2 id="step-journey">3. Journey</h2>
      <form onSubmit={submit} className="stack">
        <label className="field">
          <span>Journey title</span>
          <input name="title" required maxLength={500} placeholder="e.g. Buy boots, first visit" />
        </label>
        <label className="field">
          <span>Scenario</span>
          <textarea name="scenario" rows={2} placeholder="What the persona is trying to do, e.g. “Buy running shoes”" />
        </label>
        <p className="muted small">
          Touchtrail will ask for access to the sites you visit so it can capture them. Everything stays on this
          computer.
        </p>
        <button type="submit" className="primary big" disabled={starting}>
          Start journey
        </button>
      </form>
    </section>
  );
}

function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
