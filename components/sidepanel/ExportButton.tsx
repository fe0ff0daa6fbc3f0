import { Download } from 'lucide-react';
import { useState } from 'react';
import type { ExportScope } from '@/lib/export/gather';
import { downloadBlob } from '../ui/download';
import { errorText } from '../ui/errors';

/** Downloads the JSON export of a journey or a study. */
export function ExportButton(props: { scope: ExportScope; label: string; onError: (message: string) => void }) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      // Loaded on demand: the export code and its schemas are not needed until the button is pressed.
      const { buildExport, exportFileName, serializeExport } = await import('@/lib/export/json');
      const file = await buildExport(props.scope);
      downloadBlob(serializeExport(file), exportFileName(file));
    } catch (error) {
      props.onError(`Export failed: ${errorText(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" onClick={() => void run()} disabled={busy} aria-busy={busy}>
      <Download size={16} aria-hidden /> {busy ? 'Exporting…' : props.label}
    </button>
  );
}
