// "Slide deck (.pptx)": the readout researchers present. A title slide, the personas, then per
// journey its map, one slide per chosen touchpoint and its metrics, and a compare slide when 2–4
// journeys go together. Built with pptxgenjs (native tables and charts, editable in PowerPoint,
// Keynote, Google Slides and LibreOffice Impress). Images come only from the exported screenshots,
// which have the redactions burned in, through `rasterise`.

import PptxGenJS from 'pptxgenjs';
import { bytesToBase64 } from '../base64';
import { compareJourneys } from '../metrics/compare';
import { journeyMetrics, kept, stagesInUse } from '../metrics/journey';
import { compareSlide } from './deck/compare';
import { personaSlide, titleSlide } from './deck/intro';
import { mapSlide } from './deck/map';
import { metricsSlide } from './deck/metrics';
import { deckBlob } from './deck/output';
import { noTouchpointsSlide } from './deck/empty';
import { defineMaster } from './deck/theme';
import { touchpointSlide } from './deck/touchpoint';
import { withXmlText } from './deck/xml-text';
import type { ExportData } from './gather';
import { chosenTouchpoints, type TouchpointChoice } from './readout/choice';
import { readoutImage, type Rasterise } from './readout/raster';

export interface DeckOptions {
  rasterise: Rasterise;
  touchpoints: TouchpointChoice;
  signal?: AbortSignal;
  onProgress?: (progress: { done: number; total: number }) => void;
  now: Date;
}

export async function writeDeck(raw: ExportData, options: DeckOptions): Promise<Blob> {
  const { rasterise, signal, onProgress, now } = options;
  const data = withXmlText(raw);
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = data.study.name;
  pptx.subject = 'Journey readout';
  pptx.company = data.study.company;
  defineMaster(pptx, `${data.study.name}${data.study.company ? ` · ${data.study.company}` : ''}`);

  const perJourney = data.journeys.map((journey) => {
    const points = kept(data.touchpoints.filter((t) => t.journeyId === journey.id));
    return {
      journey,
      points,
      chosen: chosenTouchpoints(points, options.touchpoints),
      metrics: journeyMetrics(journey, points, data.study.stages),
    };
  });
  const total = perJourney.reduce((sum, j) => sum + j.chosen.length, 0) + 1;
  let done = 0;
  const step = () => onProgress?.({ done: ++done, total });

  titleSlide(pptx, data.study, data.journeys, now);
  for (const persona of data.personas) personaSlide(pptx, persona, data.journeys);
  for (const { journey, points, chosen, metrics } of perJourney) {
    mapSlide(pptx, journey, points, stagesInUse(data.study.stages, points), metrics);
    if (chosen.length === 0) noTouchpointsSlide(pptx, journey, points.length > 0);
    for (const point of chosen) {
      signal?.throwIfAborted();
      const shot = data.screenshots.find((s) => s.id === point.screenshotId);
      const image = await readoutImage(rasterise, shot, point.annotations);
      touchpointSlide(pptx, journey, point, image, image && 'bytes' in image ? bytesToBase64(image.bytes) : undefined);
      step();
    }
    metricsSlide(pptx, journey, metrics);
  }
  if (perJourney.length >= 2 && perJourney.length <= 4)
    compareSlide(pptx, data.journeys, compareJourneys(perJourney.map((j) => j.metrics)));

  signal?.throwIfAborted();
  const blob = await deckBlob(pptx);
  step();
  return blob;
}
