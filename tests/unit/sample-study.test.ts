import { describe, expect, it } from 'vitest';
import { db, listTouchpoints } from '../../lib/db';
import { exportFile } from '../../lib/export/format';
import { buildExport } from '../../lib/export/json';
import { compareJourneys } from '../../lib/metrics/compare';
import { journeyMetrics } from '../../lib/metrics/journey';
import { loadSampleStudy, type DrawMockPage } from '../../lib/sample/sample-study';
import { drawStandIn } from './factories';

// Node cannot draw: a stand-in makes a tiny image per page (draw.ts runs in the browser tests).
const drawn: string[] = [];
const draw: DrawMockPage = (page) => {
  drawn.push(`${page.company}: ${page.heading}`);
  return drawStandIn(page);
};

describe('the sample study', () => {
  it('has two personas and two competitor journeys with screenshots, all valid', async () => {
    const study = await loadSampleStudy(draw);
    expect(await db.personas.where({ studyId: study.id }).count()).toBe(2);
    const journeys = await db.journeys.where({ studyId: study.id }).toArray();
    expect(journeys.map((j) => j.title).sort()).toEqual([
      'Contoso Cover — first quote',
      'Northwind Insurance — first quote',
    ]);
    expect(await db.screenshots.count()).toBe(drawn.length);
    expect(drawn.length).toBeGreaterThan(8);
    // Everything it wrote passes the export schema, as a researcher's own study would.
    expect(exportFile.safeParse(await buildExport({ studyId: study.id })).success).toBe(true);
  });

  it('gives the compare view a clear difference to show', async () => {
    const study = await loadSampleStudy(draw);
    const journeys = await db.journeys.where({ studyId: study.id }).sortBy('startedAt');
    const metrics = await Promise.all(
      journeys.map(async (j) => journeyMetrics(j, await listTouchpoints(j.id), study.stages)),
    );
    const comparison = compareJourneys(metrics);
    expect(comparison.toFirstPurchaseSteps).toEqual([6, 4]); // Northwind, then Contoso
    expect(comparison.mostStepsToPurchase).toEqual([true, false]);
  });
});
