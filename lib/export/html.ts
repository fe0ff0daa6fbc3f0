// The HTML report: one self-contained file (images embedded as data: URLs) that needs no script,
// prints cleanly, and shows every user-written string as text (escaped), under a
// Content-Security-Policy that allows no script and no outside request.

import { formatConsiderations, formatEmotion, journeyMetrics, kept, stagesInUse } from '../metrics/journey';
import { FRICTION_SEVERITIES, label, type Journey, type Touchpoint } from '../model';
import { annotationsSvg } from './annotations-svg';
import { escapeMarkup as e } from './escape';
import type { ExportData } from './gather';

export const REPORT_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

/** `images` maps a screenshot id to its image: a data: URL, or a file of the bundle. */
export function htmlReport(data: ExportData, images: Map<string, string>, now = new Date(), csp = REPORT_CSP): string {
  const { study } = data;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(study.name)} — Touchtrail report</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${e(study.name)}</h1>
<p class="muted">${e([study.company, ...study.siteUrls].filter(Boolean).join(' · '))}</p>
${study.description ? `<p>${e(study.description)}</p>` : ''}
<p class="muted">Exported ${e(now.toISOString().slice(0, 10))} by Touchtrail.</p>
</header>
${data.journeys.map((journey) => journeySection(data, journey, images)).join('\n')}
</body>
</html>
`;
}

function journeySection(data: ExportData, journey: Journey, images: Map<string, string>): string {
  const persona = data.personas.find((p) => p.id === journey.personaId);
  const points = kept(data.touchpoints.filter((t) => t.journeyId === journey.id));
  const stages = stagesInUse(data.study.stages, points);
  const metrics = journeyMetrics(journey, points, data.study.stages);
  const list = (title: string, items: string[]) =>
    items.length ? `<p><strong>${title}:</strong> ${items.map(e).join('; ')}</p>` : '';
  return `<section class="journey">
<h2>${e(journey.title)}</h2>
<div class="persona">
<p><strong>Persona:</strong> ${e(persona?.name ?? 'Unknown')}${persona?.summary ? ` — ${e(persona.summary)}` : ''}</p>
${list('Goals', persona?.goals ?? [])}
${list('Frustrations', persona?.frustrations ?? [])}
<p><strong>Scenario:</strong> ${e(journey.scenario)}</p>
</div>
<h3>Journey map</h3>
${mapTable(stages, points, metrics)}
<h3>Emotion curve</h3>
${emotionCurve(
  stages,
  metrics.stages.map((s) => s.averageEmotion),
)}
<h3>Friction</h3>
${frictionSummary(points)}
<h3>Touchpoints</h3>
${points.map((t) => card(data, t, images)).join('\n')}
</section>`;
}

function mapTable(stages: string[], points: Touchpoint[], metrics: ReturnType<typeof journeyMetrics>): string {
  const inStage = (stage: string) => points.filter((t) => t.stage === stage);
  const distinct = (stage: string, pick: (t: Touchpoint) => string | undefined) =>
    [...new Set(inStage(stage).map(pick).filter(Boolean))].map((v) => e(v!)).join(', ');
  const row = (name: string, cell: (stage: string) => string) =>
    `<tr><th scope="row">${name}</th>${stages.map((s) => `<td>${cell(s)}</td>`).join('')}</tr>`;
  return `<table class="map">
<thead><tr><th scope="col">Stage</th>${stages.map((s) => `<th scope="col">${e(s)}</th>`).join('')}</tr></thead>
<tbody>
${row('Touchpoints', (s) =>
  inStage(s)
    .map((t) => `<div>${t.momentOfTruth ? '★ ' : ''}${e(t.title || 'Untitled')}</div>`)
    .join(''),
)}
${row('Channel', (s) => distinct(s, (t) => label(t.channel)))}
${row('Owner', (s) => distinct(s, (t) => label(t.owner)))}
${row('Goal', (s) => distinct(s, (t) => t.goal))}
${row('Friction', (s) => {
  const found = metrics.stages.find((m) => m.stage === s);
  return found?.friction ? `${found.friction} (${Object.keys(found.byCategory).map(label).map(e).join(', ')})` : 'None';
})}
${row('Considerations', (s) => e(formatConsiderations(metrics.stages.find((m) => m.stage === s)?.considerations ?? {}) || '–'))}
${row('Emotion', (s) => {
  const value = metrics.stages.find((m) => m.stage === s)?.averageEmotion;
  return value === undefined ? '–' : e(formatEmotion(value));
})}
</tbody>
</table>`;
}

function emotionCurve(stages: string[], values: (number | undefined)[]): string {
  const step = 120;
  const y = (v: number) => 60 - v * 25;
  const points = values.flatMap((v, i) => (v === undefined ? [] : [`${i * step + step / 2},${y(v)}`]));
  const labels = stages
    .map((s, i) => `<text x="${i * step + step / 2}" y="115" text-anchor="middle" font-size="11">${e(s)}</text>`)
    .join('');
  const dots = points
    .map((p) => `<circle cx="${p.split(',')[0]}" cy="${p.split(',')[1]}" r="4" fill="#2456d6"/>`)
    .join('');
  return `<svg class="curve" viewBox="0 0 ${stages.length * step} 120" role="img" aria-label="Emotion per stage">
<line x1="0" x2="${stages.length * step}" y1="60" y2="60" stroke="#ccc" stroke-dasharray="4 4"/>
<polyline points="${points.join(' ')}" fill="none" stroke="#2456d6" stroke-width="3"/>${dots}${labels}</svg>`;
}

function frictionSummary(points: Touchpoint[]): string {
  const withFriction = points.filter((t) => t.friction.severity !== 'none');
  if (withFriction.length === 0) return '<p>No friction recorded.</p>';
  const counts = FRICTION_SEVERITIES.filter((s) => s !== 'none')
    .map((s) => `${label(s)}: ${withFriction.filter((t) => t.friction.severity === s).length}`)
    .join(' · ');
  const items = withFriction
    .map(
      (t) =>
        `<li><strong>${e(t.title || 'Untitled')}</strong> (${e(t.stage)}, ${label(t.friction.severity)})${
          t.friction.notes ? `: ${e(t.friction.notes)}` : ''
        }</li>`,
    )
    .join('');
  return `<p>${counts}</p><ul>${items}</ul>`;
}

function card(data: ExportData, t: Touchpoint, images: Map<string, string>): string {
  const shot = data.screenshots.find((s) => s.id === t.screenshotId);
  const src = shot && images.get(shot.id);
  const facts = [
    e(t.stage),
    label(t.channel),
    label(t.owner),
    t.friction.severity === 'none' ? '' : `${label(t.friction.severity)} friction`,
    t.emotion === undefined ? '' : `emotion ${e(formatEmotion(t.emotion))}`,
    e(formatConsiderations(t.considerations ?? {}, true)),
    t.momentOfTruth ? '★ moment of truth' : '',
    t.key ? 'key' : '',
  ].filter(Boolean);
  return `<article class="card">
<h4>${t.seq} · ${e(t.title || 'Untitled')}</h4>
<p class="muted">${facts.join(' · ')}</p>
${t.url ? `<p class="url">${e(t.url)}</p>` : ''}
${t.friction.notes ? `<p>${e(t.friction.notes)}</p>` : ''}
${
  shot && src
    ? `<figure class="shot"><img src="${e(src)}" alt="Screenshot: ${e(t.title)}">${annotationsSvg(t.annotations, shot.width, shot.height)}</figure>`
    : ''
}
</article>`;
}

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;color:#1d1f23;max-width:1100px;margin:24px auto;padding:0 16px}
h1{margin-bottom:0}.muted{color:#5b616b}.url{font-size:12px;color:#5b616b;word-break:break-all}
table.map{border-collapse:collapse;width:100%;font-size:13px}
table.map th,table.map td{border:1px solid #d6d9de;padding:6px;vertical-align:top;text-align:left}
table.map thead th{background:#f2f3f5}
.curve{width:100%;max-height:160px}
.card{border:1px solid #d6d9de;border-radius:8px;padding:8px 12px;margin:12px 0;break-inside:avoid}
.shot{position:relative;margin:8px 0}.shot img{display:block;width:100%;height:auto}
.shot .annotations{position:absolute;inset:0;width:100%;height:100%}
@media print{@page{size:A4;margin:12mm}body{margin:0;max-width:none}.journey{break-before:page}
.journey:first-of-type{break-before:auto}table.map{break-inside:avoid}}
`;
