import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { commitCapture, updateTouchpoint } from '../../lib/db';
import { writeBundle } from '../../lib/export/bundle';
import { bundleManifest } from '../../lib/export/format';
import { gatherExport } from '../../lib/export/gather';
import { markdownReport, md } from '../../lib/export/markdown';
import { capturedPage, walkInProgress } from './factories';

async function twoCaptures() {
  const { journey } = await walkInProgress();
  const first = await commitCapture(capturedPage(journey.id));
  await updateTouchpoint(first.id, { title: '<b>Cart</b> [link](javascript:alert(1))' });
  await commitCapture(
    capturedPage(journey.id, {
      image: {
        ...capturedPage(journey.id).image!,
        image: new Blob([new Uint8Array([9, 8, 7])], { type: 'image/png' }),
        mime: 'image/png',
      },
    }),
  );
  return gatherExport({ journeyId: journey.id });
}

describe('the bundle', () => {
  it('holds the JSON with screenshots as files, the images byte for byte, the CSVs, the reports and a README', async () => {
    const data = await twoCaptures();
    const progress: number[] = [];
    const blob = await writeBundle(data, { onProgress: (p) => progress.push(p.done) });
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    const names = Object.keys(files).sort();
    expect(names.filter((n) => !n.includes('/'))).toEqual([
      'README.txt',
      'report.html',
      'report.md',
      'stages.csv',
      'touchpoints.csv',
      'touchtrail.json',
    ]);
    const manifest = bundleManifest.parse(JSON.parse(strFromU8(files['touchtrail.json']!)));
    expect(manifest.touchpoints).toHaveLength(2);
    const [first, second] = manifest.screenshots;
    expect([...files[first!.image]!]).toEqual([1, 2, 3, 4]);
    expect([...files[first!.thumbnail]!]).toEqual([5, 6]);
    expect(second!.image).toMatch(/^screenshots\/buy-boots-002-[0-9a-f]{8}\.png$/);
    expect([...files[second!.image]!]).toEqual([9, 8, 7]);
    expect(strFromU8(files['report.html']!)).toContain(`src="${first!.image}"`);
    expect([...files['touchpoints.csv']!.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs
    expect(progress.at(-1)).toBe(2);
  });

  it('stops when cancelled, and says so', async () => {
    const data = await twoCaptures();
    const controller = new AbortController();
    const bundle = writeBundle(data, {
      signal: controller.signal,
      onProgress: ({ done }) => done === 1 && controller.abort(new Error('Export cancelled')),
    });
    await expect(bundle).rejects.toThrow('Export cancelled');
  });
});

describe('the Markdown report', () => {
  it('links each screenshot file and shows user text as written, markup escaped', async () => {
    const data = await twoCaptures();
    const report = markdownReport(data);
    expect(report).toContain('# Northwind audit');
    expect(report).toMatch(/!\[Screenshot: .*\]\(screenshots\/buy-boots-001-[0-9a-f]{8}\.webp\)/);
    expect(report).not.toContain('<b>');
    expect(report).toContain(md('<b>Cart</b> [link](javascript:alert(1))'));
    expect(md('<b>[x](y)</b>')).toBe('&lt;b&gt;\\[x\\]\\(y\\)&lt;/b&gt;');
    data.touchpoints[0]!.url = 'https://x.example/`\n\n<script>alert(1)</script>';
    expect(markdownReport(data)).not.toContain('<script>');
  });
});
