import { Download } from 'lucide-react';
import { useRef, useState } from 'react';
import type { Progress } from '@/lib/export/bundle';
import type { ExportScope } from '@/lib/export/gather';
import { EXPORT_FORMATS, READOUT_FORMATS, type ExportFormat } from '@/lib/export/formats';
import { downloadBlob } from '../ui/download';
import { errorText } from '../ui/errors';
import { ReadoutOptions, useReadoutChoice } from './ReadoutOptions';
import './export.css';

interface Props {
  scope: ExportScope;
  /** "Export journey", "Export study", "Export 3 journeys". */
  label: string;
  onError: (message: string) => void;
}

/** Progress shows only for exports that take longer than this. */
const SHOW_PROGRESS_AFTER_MS = 1000;

/** The export formats for a journey, a selection or a study, with progress and cancel. */
export function ExportMenu({ scope, label, onError }: Props) {
  const [running, setRunning] = useState<{ format: ExportFormat; progress?: Progress; slow: boolean } | null>(null);
  const controller = useRef<AbortController | null>(null);
  const menu = useRef<HTMLDetailsElement>(null);
  const [readout, changeReadout] = useReadoutChoice();

  const start = async (format: ExportFormat) => {
    menu.current?.removeAttribute('open');
    controller.current = new AbortController();
    setRunning({ format, slow: false });
    const slow = setTimeout(() => setRunning((r) => r && { ...r, slow: true }), SHOW_PROGRESS_AFTER_MS);
    try {
      // Loaded on demand: the exporters (papaparse, fflate, the writers) are not needed until now.
      const { runExport } = await import('@/lib/export/run');
      const { blob, fileName } = await runExport(format, scope, {
        signal: controller.current.signal,
        readout,
        onProgress: (progress) => setRunning((r) => r && { ...r, progress }),
      });
      controller.current.signal.throwIfAborted();
      downloadBlob(blob, fileName);
    } catch (error) {
      if (!controller.current.signal.aborted) onError(`Export failed: ${errorText(error)}`);
    } finally {
      clearTimeout(slow);
      setRunning(null);
    }
  };

  const formatItem = ({ format, label: formatLabel, detail }: (typeof EXPORT_FORMATS)[number]) => (
    <li key={format}>
      <button type="button" onClick={() => void start(format)}>
        {formatLabel}
      </button>
      <span className="muted small">{detail}</span>
    </li>
  );

  if (running) {
    const name = EXPORT_FORMATS.find((f) => f.format === running.format)?.label ?? '';
    return (
      <div className="export-progress" role="status">
        <span>Exporting {name}…</span>
        {running.slow && (
          <>
            <progress aria-label={`Exporting ${name}`} max={running.progress?.total} value={running.progress?.done} />
            <button type="button" onClick={() => controller.current?.abort()}>
              Cancel
            </button>
          </>
        )}
      </div>
    );
  }
  return (
    <details className="export-menu" ref={menu}>
      <summary>
        <Download size={16} aria-hidden /> {label}
      </summary>
      <div className="export-menu-panel">
        <ul>{EXPORT_FORMATS.filter(({ format }) => !READOUT_FORMATS.includes(format)).map(formatItem)}</ul>
        {/* The readouts after their options, so the keyboard meets the choices before the buttons. */}
        <ReadoutOptions choice={readout} onChange={changeReadout}>
          <ul>{EXPORT_FORMATS.filter(({ format }) => READOUT_FORMATS.includes(format)).map(formatItem)}</ul>
        </ReadoutOptions>
      </div>
    </details>
  );
}
