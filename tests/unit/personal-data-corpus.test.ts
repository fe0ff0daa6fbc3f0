import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../../lib/page-agent/personal-data';
import {
  bootstrapExamplesDir,
  listBootstrapExamples,
  renderBootstrapExample,
} from '../fixtures/corpus/bootstrap-examples';

// Over-masking is a failure too: on real pages nobody here wrote (the corpus: Bootstrap's
// examples and the Shoelace pages, with their prices, dates, table figures, versions and
// addresses of nobody in particular) no text may be taken for personal data.

/** The page's text as the agent reads it, roughly: markup, scripts and styles gone. */
function textOf(html: string): string {
  return html
    .replace(/<(script|style|template)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&');
}

const found = (html: string) => {
  const text = textOf(html);
  return findPersonalData(text).map((match) => `${match.kind}: ${text.slice(match.start, match.end)}`);
};

describe('personal data in the text of real pages', () => {
  it('finds none in the real-world corpus, which holds none', async () => {
    const dir = bootstrapExamplesDir();
    const pages: [string, string][] = [];
    for (const example of await listBootstrapExamples(dir))
      pages.push([example, String(await renderBootstrapExample(dir, example))]);
    for (const name of ['dark-settings', 'dashboard', 'dialog', 'layout', 'signup'])
      pages.push([name, await readFile(`tests/fixtures/corpus/shoelace/${name}.html`, 'utf8')]);
    expect(pages.length).toBeGreaterThan(35);
    expect(pages.flatMap(([name, html]) => found(html).map((item) => `${name}: ${item}`))).toEqual([]);
  });

  it('finds each kind on the demo shop’s My account page, read the same way (the positive control)', async () => {
    const html = await readFile('tests/fixtures/site/pages/account.html', 'utf8');
    expect(new Set(found(html).map((item) => item.split(':')[0]))).toEqual(
      new Set(['email', 'phone', 'card', 'iban', 'ip']),
    );
  });
});
