import { Upload } from 'lucide-react';
import { useRef, useState, type DragEvent } from 'react';
import type { ImportSummary } from '@/lib/import/merge';
import { errorText } from '../ui/errors';
import { Link } from './Link';

type State =
  | { kind: 'idle' }
  | { kind: 'running'; name: string; progress?: { done: number; total: number }; slow: boolean }
  | { kind: 'done'; name: string; summary: ImportSummary; studyName: string }
  | { kind: 'failed'; name: string; message: string };

/** Imports a Touchtrail .json or .zip, picked or dropped; nothing is written unless all of it is valid. */
export function ImportDrop({ studyName }: { studyName: (id: string) => Promise<string | undefined> }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const controller = useRef<AbortController | null>(null);

  const run = async (file: File) => {
    if (state.kind === 'running') return; // one import at a time
    controller.current = new AbortController();
    const signal = controller.current.signal;
    setState({ kind: 'running', name: file.name, slow: false });
    const slow = setTimeout(() => setState((s) => (s.kind === 'running' ? { ...s, slow: true } : s)), 1000);
    try {
      // Loaded on demand: the reader, unzip and decoder are not needed until a file comes.
      const { importFile } = await import('@/lib/import/import-file');
      const imported = await importFile(file, {
        signal,
        onProgress: (progress) => setState((s) => (s.kind === 'running' ? { ...s, progress } : s)),
      });
      const { summary } = imported;
      setState({
        kind: 'done',
        name: file.name,
        summary,
        studyName: (await studyName(summary.studyId)) ?? imported.studyName,
      });
    } catch (error) {
      setState(signal.aborted ? { kind: 'idle' } : { kind: 'failed', name: file.name, message: errorText(error) });
    } finally {
      clearTimeout(slow);
    }
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) void run(file);
  };

  return (
    <section
      className={`import-drop${over ? ' over' : ''}`}
      aria-labelledby="import-heading"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <h2 id="import-heading">Import</h2>
      <p className="muted">
        Drop a Touchtrail export (.json) or bundle (.zip) here, or pick one. A study you already have is merged: new
        records are added and the newer of two edits is kept.
      </p>
      <input
        ref={input}
        type="file"
        accept=".json,.zip,application/json,application/zip"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Touchtrail file to import"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void run(file);
        }}
      />
      {state.kind === 'running' ? (
        <div className="export-progress" role="status">
          <span>Importing {state.name}…</span>
          {state.slow && (
            <>
              <progress
                aria-label={`Importing ${state.name}`}
                max={state.progress?.total}
                value={state.progress?.done}
              />
              <button type="button" onClick={() => controller.current?.abort()}>
                Cancel
              </button>
            </>
          )}
        </div>
      ) : (
        <button type="button" onClick={() => input.current?.click()}>
          <Upload size={16} aria-hidden /> Import a file…
        </button>
      )}
      {state.kind === 'done' && (
        <p role="status" className="import-summary">
          Imported {state.name} into{' '}
          <Link to={{ page: 'study', studyId: state.summary.studyId }}>{state.studyName}</Link>: {state.summary.added}{' '}
          added, {state.summary.updated} updated, {state.summary.skipped} skipped (already there or newer here).
          {renumberedNote(state.summary.renumbered)}
        </p>
      )}
      {state.kind === 'failed' && (
        <p role="alert" className="error">
          Nothing was imported from {state.name}. {state.message}
        </p>
      )}
    </section>
  );
}

/** Touchpoints from a copy of a journey walked on elsewhere whose numbers were taken here. */
function renumberedNote(count: number): string {
  if (count === 0) return '';
  if (count === 1) return ' 1 new touchpoint was renumbered: its number was taken here.';
  return ` ${count} new touchpoints were renumbered: their numbers were taken here.`;
}
