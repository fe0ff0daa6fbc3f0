import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { commitCapture, updateTouchpoint } from '../../lib/db';
import { stagesCsv, touchpointsCsv } from '../../lib/export/csv';
import { gatherExport } from '../../lib/export/gather';
import { boardGrid } from '../../lib/export/board';
import { htmlReport } from '../../lib/export/html';
import { considerationAverages, formatConsiderations } from '../../lib/metrics/journey';
import { capturedPage, touchpointRecord, walkInProgress } from './factories';

// The four considerations of the method (appropriateness, relevance, meaningfulness, endearment),
// each 1–5 and optional: averaged per stage over the touchpoints scored, and carried into the
// exports a researcher hands on.

const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;

describe('consideration averages', () => {
  it('average each consideration over the touchpoints that have it, leaving unscored ones out', () => {
    const points = [
      touchpointRecord({ considerations: { appropriateness: 2, relevance: 5 } }),
      touchpointRecord({ considerations: { appropriateness: 5 } }),
      touchpointRecord({}),
    ];
    expect(considerationAverages(points)).toEqual({ appropriateness: 3.5, relevance: 5 });
    expect(formatConsiderations(considerationAverages(points))).toBe('A 3.5 · R 5.0 · M – · E –');
    expect(formatConsiderations({ endearment: 1 }, true)).toBe(
      'Appropriateness –, Relevance –, Meaningfulness –, Endearment 1.0',
    );
    expect(formatConsiderations(considerationAverages([touchpointRecord({})]))).toBe('');
  });
});

async function scoredJourney() {
  const { journey } = await walkInProgress();
  const first = await commitCapture(capturedPage(journey.id, { pageTitle: 'Cart' }));
  await updateTouchpoint(first.id, { considerations: { appropriateness: 4, endearment: 1 } });
  const second = await commitCapture(capturedPage(journey.id, { pageTitle: 'Help' }));
  await updateTouchpoint(second.id, { considerations: { appropriateness: 1, relevance: 3 } });
  return gatherExport({ journeyId: journey.id });
}

describe('considerations in the exports', () => {
  it('the touchpoint CSV has a column for each, after the columns tools already map', async () => {
    const rows = parse(touchpointsCsv(await scoredJourney()));
    expect(rows[0]?.slice(-4)).toEqual(['Appropriateness', 'Relevance', 'Meaningfulness', 'Endearment']);
    expect(rows[0]?.[0]).toBe('Journey Stage');
    expect(rows.slice(1).map((r) => r.slice(-4))).toEqual([
      ['4', '', '', '1'],
      ['1', '3', '', ''],
    ]);
  });

  it('the stage CSV and the copied map have the stage averages', async () => {
    const data = await scoredJourney();
    const rows = parse(stagesCsv(data));
    const awareness = rows.find((r) => r[1] === 'Awareness')!;
    expect(rows[0]?.slice(-4)).toEqual([
      'Average appropriateness',
      'Average relevance',
      'Average meaningfulness',
      'Average endearment',
    ]);
    expect(awareness.slice(-4)).toEqual(['2.5', '3', '', '1']);
    const lane = boardGrid(data, data.journeys[0]!).find((row) => row[0] === 'Considerations');
    expect(lane?.[1]).toBe('A 2.5 · R 3.0 · M – · E 1.0');
  });

  it('the HTML report has a map lane and each card its scores, as text', async () => {
    const html = htmlReport(await scoredJourney(), new Map());
    expect(html).toContain('<th scope="row">Considerations</th><td>A 2.5 · R 3.0 · M – · E 1.0</td>');
    expect(html).toContain('Appropriateness 4.0, Relevance –, Meaningfulness –, Endearment 1.0');
  });
});
