// The export formats the UI offers, apart from the code that writes them (lib/export/run.ts), so
// that a menu can list them without loading the exporters.

export type ExportFormat = 'bundle' | 'json' | 'csv' | 'stages-csv' | 'html' | 'pdf' | 'pptx' | 'cjml' | 'user-flow';

/** Formats that are readouts: they take the touchpoint choice (and the PDF the paper). */
export const READOUT_FORMATS: readonly ExportFormat[] = ['pdf', 'pptx'];

export const EXPORT_FORMATS: { format: ExportFormat; label: string; detail: string }[] = [
  {
    format: 'bundle',
    label: 'Bundle (.zip)',
    detail: 'Everything: JSON, screenshots, CSVs, HTML and Markdown reports',
  },
  { format: 'json', label: 'JSON', detail: 'One file to import into Touchtrail, screenshots inside' },
  { format: 'csv', label: 'CSV, one row per touchpoint', detail: 'For spreadsheets and journey-mapping tools' },
  { format: 'stages-csv', label: 'CSV, one row per stage', detail: 'For tools that import stage columns' },
  { format: 'html', label: 'HTML report', detail: 'One file to share or print' },
  {
    format: 'pdf',
    label: 'PDF report',
    detail: 'Cover, journey map, friction, touchpoints with screenshots, metrics and charts',
  },
  {
    format: 'pptx',
    label: 'Slide deck (.pptx)',
    detail: 'For PowerPoint, Keynote, Google Slides or Impress: map, key touchpoints, metrics, compare',
  },
  { format: 'cjml', label: 'CJML (XML)', detail: 'Customer Journey Modeling Language 2.0, actual journey' },
  {
    format: 'user-flow',
    label: 'Replayable user flow',
    detail: 'For the Chrome DevTools Recorder: replay the walk to see what changed',
  },
];
