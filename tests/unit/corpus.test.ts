import { afterEach, describe, expect, it, vi } from 'vitest';
import { serveCorpus } from '../fixtures/corpus/server';
import { CORPUS_FEATURES, CORPUS_PAGES } from '../fixtures/corpus/pages';

// The real-world corpus the capture suites walk must stay broad: enough pages, from sources
// nobody on the team wrote, together covering every kind of markup capture has to survive.
describe('the real-world page corpus', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('holds at least 25 pages from at least 3 independent sources', () => {
    expect(CORPUS_PAGES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(CORPUS_PAGES.map((page) => page.source)).size).toBeGreaterThanOrEqual(3);
  });

  it('covers every required feature', () => {
    const covered = new Set(CORPUS_PAGES.flatMap((page) => page.features));
    expect(CORPUS_FEATURES.filter((feature) => !covered.has(feature))).toEqual([]);
  });

  it('gives every page its own id and its own path', () => {
    const ids = CORPUS_PAGES.map((page) => page.id);
    const paths = CORPUS_PAGES.map((page) => page.path);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(paths.filter((path, index) => paths.indexOf(path) !== index)).toEqual([]);
  });

  it('names the scroll container exactly where the content scrolls in one', () => {
    const mismatched = CORPUS_PAGES.filter(
      (page) => page.features.includes('inner-scroll-container') !== (page.scrollContainer !== undefined),
    );
    expect(mismatched.map((page) => page.id)).toEqual([]);
  });

  it('emulates the dark scheme only on pages that claim dark mode', () => {
    const mismatched = CORPUS_PAGES.filter(
      (page) => page.colorScheme === 'dark' && !page.features.includes('dark-mode'),
    );
    expect(mismatched.map((page) => page.id)).toEqual([]);
  });

  it("refuses to start without Bootstrap's examples, saying how to install them", async () => {
    vi.stubEnv('TOUCHTRAIL_BOOTSTRAP_EXAMPLES', '/nowhere/bootstrap-examples');
    await expect(serveCorpus()).rejects.toThrow(/apt-get install libjs-bootstrap5-doc.*TOUCHTRAIL_BOOTSTRAP_EXAMPLES/s);
  });
});
