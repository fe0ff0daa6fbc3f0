// CSV exports: one row per touchpoint (the classic touchpoint-map columns first), or one row
// per stage. RFC 4180 quoting by papaparse; cells a spreadsheet would run as a formula are
// neutralised.

import Papa from 'papaparse';
import { journeyMetrics, kept, stagesInUse } from '../metrics/journey';
import { CONSIDERATION_KEYS, label } from '../model';
import type { ExportData } from './gather';
import { screenshotFileName } from './names';

export interface CsvOptions {
  /** Starts the file with a byte-order mark, which Excel needs to read UTF-8. */
  byteOrderMark?: boolean;
}

export const TOUCHPOINT_COLUMNS = [
  'Journey Stage',
  'Touchpoint',
  'Channel',
  'Owner',
  'Goal',
  'Persona',
  'Journey',
  'Sequence',
  'Captured at',
  'URL',
  'Purchase phase',
  'Initiator',
  'Department',
  'Friction severity',
  'Friction categories',
  'Friction notes',
  'Emotion',
  'Effort',
  'Moment of truth',
  'Key touchpoint',
  'Signals',
  'Screenshot file',
  // Appended, so that the columns tools already map keep their places.
  ...CONSIDERATION_KEYS.map(label),
] as const;

/** One row per touchpoint, in walk order, journey after journey. */
export function touchpointsCsv(data: ExportData, options: CsvOptions = {}): string {
  // Drafts not yet kept stay out, as in the map, the metrics and the reports.
  const rows = data.touchpoints
    .filter((t) => !t.draft)
    .map((t) => {
      const journey = data.journeys.find((j) => j.id === t.journeyId)!;
      const shot = data.screenshots.find((s) => s.id === t.screenshotId);
      return [
        t.stage,
        t.title,
        label(t.channel),
        label(t.owner),
        t.goal ?? '',
        data.personas.find((p) => p.id === journey.personaId)?.name ?? '',
        journey.title,
        t.seq,
        new Date(t.capturedAt).toISOString(),
        t.url ?? '',
        t.purchasePhase ? label(t.purchasePhase) : '',
        t.initiator ? label(t.initiator) : '',
        t.department ?? '',
        label(t.friction.severity),
        t.friction.categories.map(label).join('; '),
        t.friction.notes,
        t.emotion ?? '',
        t.effort ?? '',
        yesNo(t.momentOfTruth),
        yesNo(t.key),
        t.signals.map((s) => `${label(s.kind)} (${s.status}): ${s.detail}`).join('; '),
        shot ? screenshotFileName(journey, t, shot) : '',
        ...CONSIDERATION_KEYS.map((key) => t.considerations?.[key] ?? ''),
      ];
    });
  return write([[...TOUCHPOINT_COLUMNS], ...rows], options);
}

export const STAGE_COLUMNS = [
  'Journey',
  'Journey Stage',
  'Touchpoints',
  'Channels',
  'Owners',
  'Goals',
  'Touchpoints with friction',
  'Friction notes',
  'Average emotion',
  'Average effort',
  'Moments of truth',
  ...CONSIDERATION_KEYS.map((key) => `Average ${label(key).toLowerCase()}`),
] as const;

/** One row per journey and stage, for tools that import a journey as stage columns. */
export function stagesCsv(data: ExportData, options: CsvOptions = {}): string {
  const rows = data.journeys.flatMap((journey) => {
    const points = kept(data.touchpoints.filter((t) => t.journeyId === journey.id));
    const metrics = journeyMetrics(journey, points, data.study.stages);
    return stagesInUse(data.study.stages, points).map((stage) => {
      const inStage = points.filter((t) => t.stage === stage);
      const figures = metrics.stages.find((s) => s.stage === stage);
      const distinct = (values: string[]) => [...new Set(values.filter(Boolean))].join('; ');
      return [
        journey.title,
        stage,
        inStage.map((t) => t.title).join('\n'),
        distinct(inStage.map((t) => label(t.channel))),
        distinct(inStage.map((t) => label(t.owner))),
        distinct(inStage.map((t) => t.goal ?? '')),
        figures?.friction ?? 0,
        inStage
          .map((t) => t.friction.notes)
          .filter(Boolean)
          .join('\n'),
        round(figures?.averageEmotion),
        round(figures?.averageEffort),
        inStage
          .filter((t) => t.momentOfTruth)
          .map((t) => t.title)
          .join('\n'),
        ...CONSIDERATION_KEYS.map((key) => round(figures?.considerations[key])),
      ];
    });
  });
  return write([[...STAGE_COLUMNS], ...rows], options);
}

function write(rows: (string | number)[][], options: CsvOptions): string {
  const csv = Papa.unparse(
    rows.map((row) => row.map(neutralise)),
    { newline: '\r\n' },
  );
  return (options.byteOrderMark ? '\ufeff' : '') + csv + '\r\n';
}

/**
 * A text cell starting with = + - @ tab or CR would run as a formula in a spreadsheet: an
 * apostrophe in front keeps it text (OWASP's advice). Numbers (emotion −2) stay numbers.
 * (papaparse's own escapeFormulae misses cells that span several lines.)
 */
export function neutralise(cell: string | number): string | number {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');
const round = (value: number | undefined) => (value === undefined ? '' : Math.round(value * 100) / 100);
