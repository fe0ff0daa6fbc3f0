import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { commitCapture, db, saveAnnotations, updateTouchpoint, type RedactionRenderer } from '../../lib/db';
import { gatherExport } from '../../lib/export/gather';
import { htmlReport } from '../../lib/export/html';
import { FETCH_DIRECTIVES, parsePolicy, sourcesFor } from './content-security-policy';
import { capturedPage, walkInProgress } from './factories';

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(2)">',
  '"><svg onload=alert(3)>',
  "javascript:alert('4')",
  '</style><style>body{display:none}</style>',
];
const noRedraw: RedactionRenderer = () => Promise.reject(new Error('no redactions here'));

async function reportWithPayloads() {
  const { study, journey } = await walkInProgress();
  await db.studies.update(study.id, { name: PAYLOADS[0]!, description: PAYLOADS[1]! });
  const point = await commitCapture(capturedPage(journey.id));
  await updateTouchpoint(point.id, {
    title: PAYLOADS[2]!,
    url: PAYLOADS[3]!,
    friction: { severity: 'major', categories: ['error'], notes: PAYLOADS[4]! },
    emotion: -2,
    momentOfTruth: true,
  });
  await saveAnnotations(
    point.id,
    [{ kind: 'text', id: crypto.randomUUID(), at: { x: 0.1, y: 0.1 }, text: PAYLOADS[0]! }],
    noRedraw,
  );
  const data = await gatherExport({ journeyId: journey.id });
  const images = new Map([[data.screenshots[0]!.id, 'data:image/webp;base64,AAAA']]);
  return htmlReport(data, images, new Date('2026-11-22T10:00:00Z'));
}

describe('the HTML report', () => {
  it('shows every user-written string as text: no script, no handler, no injected style', async () => {
    const html = await reportWithPayloads();
    const { document } = parseHTML(html);
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect(document.querySelectorAll('style')).toHaveLength(1);
    const handlers = [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name),
    );
    expect(handlers).toEqual([]);
    expect([...document.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([]);
    for (const payload of PAYLOADS) expect(document.body.textContent).toContain(payload);
  });

  it('forbids scripts and outside requests with its Content-Security-Policy', async () => {
    const { document } = parseHTML(await reportWithPayloads());
    // Read as the browser does: only a policy in the head counts, from where it stands, so it
    // must come before anything that loads or styles.
    const metas = document.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]');
    expect(metas).toHaveLength(1);
    const meta = metas[0]!;
    expect(meta.parentElement?.tagName).toBe('HEAD');
    const before = [...document.head.children].slice(0, [...document.head.children].indexOf(meta));
    expect(before.map((el) => el.outerHTML)).toEqual(['<meta charset="utf-8">']);

    const policy = parsePolicy(meta.getAttribute('content') ?? '');
    const allowed = Object.fromEntries(FETCH_DIRECTIVES.map((d) => [d, sourcesFor(policy, d)]));
    // No script of any kind; the images only embedded ones; styles only the report's own.
    const nothing = ["'none'"];
    expect(allowed).toEqual({
      'script-src-elem': nothing,
      'script-src-attr': nothing,
      'style-src-elem': ["'unsafe-inline'"],
      'style-src-attr': ["'unsafe-inline'"],
      'worker-src': nothing,
      'frame-src': nothing,
      'img-src': ['data:'],
      'connect-src': nothing,
      'font-src': nothing,
      'media-src': nothing,
      'object-src': nothing,
      'manifest-src': nothing,
    });
  });

  it('has the map, the emotion curve, the friction summary and a card with its screenshot and annotations', async () => {
    const { document } = parseHTML(await reportWithPayloads());
    const stages = [...document.querySelectorAll('table.map thead th')].map((th) => th.textContent);
    expect(stages).toEqual(['Stage', 'Awareness', 'Consideration', 'Purchase', 'Retention', 'Advocacy']);
    expect(document.querySelector('svg.curve polyline')).not.toBeNull();
    expect(document.body.textContent).toContain('Major: 1');
    const figure = document.querySelector('article.card figure');
    expect(figure?.querySelector('img')?.getAttribute('src')).toBe('data:image/webp;base64,AAAA');
    expect(figure?.querySelector('svg.annotations text')?.textContent).toBe(PAYLOADS[0]);
    expect(document.body.textContent).toContain('★ moment of truth');
  });
});
