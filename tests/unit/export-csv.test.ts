import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { commitCapture, updateTouchpoint } from '../../lib/db';
import { stagesCsv, TOUCHPOINT_COLUMNS, touchpointsCsv } from '../../lib/export/csv';
import { gatherExport } from '../../lib/export/gather';
import { capturedPage, walkInProgress } from './factories';

const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;

async function journeyWithTricks() {
  const { journey } = await walkInProgress();
  const first = await commitCapture(capturedPage(journey.id, { pageTitle: 'Cart' }));
  await updateTouchpoint(first.id, {
    title: '=HYPERLINK("https://evil.example","Click")',
    stage: 'Purchase',
    emotion: -1,
    key: true,
    friction: { severity: 'major', categories: ['slow', 'error'], notes: 'Line one, with "quotes"\nLine two' },
  });
  const second = await commitCapture(capturedPage(journey.id, { pageTitle: 'Help', url: 'https://shop.example/help' }));
  await updateTouchpoint(second.id, { title: '@SUM(A1:A9)', goal: '+1 for tabs\tinside' });
  return gatherExport({ journeyId: journey.id });
}

describe('the touchpoint CSV', () => {
  it('starts with the classic touchpoint-map columns and has one row per touchpoint', async () => {
    const rows = parse(touchpointsCsv(await journeyWithTricks()));
    expect(rows[0]).toEqual([...TOUCHPOINT_COLUMNS]);
    expect(rows[0]?.slice(0, 5)).toEqual(['Journey Stage', 'Touchpoint', 'Channel', 'Owner', 'Goal']);
    expect(rows).toHaveLength(3);
    const first = Object.fromEntries(TOUCHPOINT_COLUMNS.map((c, i) => [c, rows[1]![i]]));
    expect(first).toMatchObject({
      'Journey Stage': 'Purchase',
      Channel: 'Website',
      Persona: 'Carl',
      Journey: 'Buy boots',
      Sequence: '1',
      'Friction severity': 'Major',
      'Friction categories': 'Slow; Error',
      'Friction notes': 'Line one, with "quotes"\nLine two',
      Emotion: '-1',
      'Key touchpoint': 'yes',
      'Captured at': '2023-11-14T22:13:21.000Z',
    });
    expect(first['Screenshot file']).toMatch(/^screenshots\/buy-boots-001-[0-9a-f]{8}\.webp$/);
  });

  it('neutralises cells a spreadsheet would run as formulas, and leaves numbers alone', async () => {
    const rows = parse(touchpointsCsv(await journeyWithTricks()));
    expect(rows[1]![1]).toBe('\'=HYPERLINK("https://evil.example","Click")');
    expect(rows[2]![1]).toBe("'@SUM(A1:A9)");
    expect(rows[2]![4]).toBe("'+1 for tabs\tinside");
    expect(rows[1]![16]).toBe('-1');
  });

  it('quotes as RFC 4180 says, with CRLF line ends and an optional byte-order mark', async () => {
    const data = await journeyWithTricks();
    const csv = touchpointsCsv(data);
    expect(csv.startsWith('Journey Stage,')).toBe(true);
    expect(csv).toContain('"Line one, with ""quotes""\nLine two"');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(touchpointsCsv(data, { byteOrderMark: true }).startsWith('\ufeffJourney Stage,')).toBe(true);
  });
});

describe('the stage CSV', () => {
  it('has one row per stage of each journey, with the touchpoints and figures of each', async () => {
    const rows = parse(stagesCsv(await journeyWithTricks()));
    expect(rows[0]?.slice(0, 3)).toEqual(['Journey', 'Journey Stage', 'Touchpoints']);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['Awareness', 'Consideration', 'Purchase', 'Retention', 'Advocacy']);
    const purchase = rows.find((r) => r[1] === 'Purchase')!;
    // Both touchpoints are in Purchase (a capture starts in the stage of the one before); a cell of
    // several lines is neutralised too.
    expect(purchase[2]).toBe('\'=HYPERLINK("https://evil.example","Click")\n@SUM(A1:A9)');
    expect(purchase[6]).toBe('1');
    expect(purchase[8]).toBe('-1');
  });
});
