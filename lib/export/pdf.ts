// The PDF readout: a real PDF made in the extension (no print dialog) with pdf-lib. Text is real
// text in an embedded, subset DejaVu Sans, so readers select and search it in any European script.

import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { journeyMetrics, kept } from '../metrics/journey';
import type { Progress } from './bundle';
import type { ExportData } from './gather';
import { drawCharts } from './pdf/charts';
import { drawCover } from './pdf/cover';
import { PAPER_SIZES, PdfFlow, type Paper } from './pdf/flow';
import { drawMap } from './pdf/map';
import { drawMetricsTable } from './pdf/metrics';
import { drawFrictionSummary, drawTouchpoint } from './pdf/touchpoints';
import { chosenTouchpoints, type TouchpointChoice } from './readout/choice';
import { readoutImage, type Rasterise } from './readout/raster';

export interface PdfOptions {
  /** DejaVu Sans regular and bold (public/fonts), as bytes. */
  fonts: { regular: Uint8Array; bold: Uint8Array };
  rasterise: Rasterise;
  paper: Paper;
  touchpoints: TouchpointChoice;
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  now: Date;
}

export async function writePdf(data: ExportData, options: PdfOptions): Promise<Blob> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const fonts = {
    regular: await doc.embedFont(options.fonts.regular, { subset: true }),
    bold: await doc.embedFont(options.fonts.bold, { subset: true }),
  };
  const single = data.journeys.length === 1 ? data.journeys[0] : undefined;
  doc.setTitle(single ? `${single.title} — ${data.study.name}` : data.study.name, { showInWindowTitleBar: true });
  doc.setSubject(`Customer journey readout${data.study.company ? ` for ${data.study.company}` : ''}`);
  doc.setLanguage(globalThis.navigator?.language ?? 'en');
  doc.setCreator('Touchtrail');
  doc.setProducer('Touchtrail (pdf-lib)');
  doc.setCreationDate(options.now);
  doc.setModificationDate(options.now);

  const flow = new PdfFlow(doc, fonts, PAPER_SIZES[options.paper]);
  const shots = new Map(data.screenshots.map((s) => [s.id, s]));
  const perJourney = data.journeys.map((journey) => {
    const points = data.touchpoints.filter((t) => t.journeyId === journey.id);
    return { journey, points: kept(points), chosen: chosenTouchpoints(points, options.touchpoints) };
  });
  const total = perJourney.reduce((sum, j) => sum + j.chosen.length, 0) + 1;
  let done = 0;
  const step = () => options.onProgress?.({ done: ++done, total });

  drawCover(flow, data, options.now);
  for (const { journey, points, chosen } of perJourney) {
    options.signal?.throwIfAborted();
    const persona = data.personas.find((p) => p.id === journey.personaId);
    drawMap(flow, data, journey);
    flow.newPage();
    if (!single) {
      flow.heading(journey.title, 1);
      flow.text(`Persona: ${persona?.name ?? 'Unknown persona'}`, { after: 4 });
    }
    drawFrictionSummary(flow, points);
    const metrics = journeyMetrics(journey, points, data.study.stages);
    flow.heading(chosenHeading(options.touchpoints, chosen.length, points.length));
    if (chosen.length === 0)
      flow.text(
        points.length === 0
          ? 'This journey has no touchpoints yet.'
          : 'No key touchpoints were marked in this journey.',
        {
          after: 6,
        },
      );
    for (const point of chosen) {
      options.signal?.throwIfAborted();
      const shot = point.screenshotId ? shots.get(point.screenshotId) : undefined;
      const image = await readoutImage(options.rasterise, shot, point.annotations);
      options.signal?.throwIfAborted();
      await drawTouchpoint(flow, point, image);
      step();
    }
    flow.newPage();
    drawMetricsTable(flow, metrics);
    drawCharts(flow, metrics, points);
  }
  const bytes = await doc.save({ objectsPerTick: 20 });
  step();
  return new Blob([bytes as BlobPart], { type: 'application/pdf' });
}

function chosenHeading(choice: TouchpointChoice, shown: number, all: number): string {
  if (choice === 'key') return `Key touchpoints (${shown} of ${all})`;
  if (choice === 'key-first') return `Touchpoints, key touchpoints first (${all})`;
  return `Touchpoints (${all})`;
}
