import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { BUILD_DIR } from './support/browser';

// What the built page agent, injected into every page of a recorded journey, leaves to the page
// tools (injected only for a pick or a full page) and to the extension's own pages.
test('the built page agent carries neither the picker, the full-page scroller, the signals’ words nor the role names', () => {
  const built = (file: string) => readFileSync(join(BUILD_DIR, file), 'utf8');
  const agent = built('page-agent.js');
  const tools = built('page-tools.js');
  // What only the picker, the full-page scroller and the settings say.
  for (const words of ['Click an element to record it', 'No full-page capture is under way']) {
    expect(tools, 'the page tools say it').toContain(words);
    expect(agent, 'the agent does not').not.toContain(words);
  }
  // The signals' names, settings and details: the background words what the detectors find.
  const background = built('background.js');
  for (const words of ['Nothing happened after a click on', 'clicks within', 'The page took']) {
    expect(background, 'the background words it').toContain(words);
    expect(agent, 'the agent does not').not.toContain(words);
  }
  for (const words of ['Rage click', 'nothing changes for', 'load or largest paint over']) {
    expect(agent).not.toContain(words);
  }
  // Nor the roles' names ("contentinfo" is a footer's, named by the background).
  expect(agent).not.toContain('contentinfo');
  expect(background).toContain('contentinfo');
});

// The background worker reaches IndexedDB without Dexie (lib/db/store.ts): Dexie was half of its
// code and most of its start-up. The pages still use Dexie, and hear of the worker's writes.
test('the built background carries no Dexie, and announces its writes on the channel Dexie listens to', () => {
  const background = readFileSync(join(BUILD_DIR, 'background.js'), 'utf8');
  expect(background).not.toMatch(/Dexie/);
  expect(background).toContain('x-storagemutated-1');
  const pageChunks = readdirSync(join(BUILD_DIR, 'chunks')).map((file) =>
    readFileSync(join(BUILD_DIR, 'chunks', file), 'utf8'),
  );
  expect(pageChunks.some((chunk) => chunk.includes('DexieError') && chunk.includes('x-storagemutated-1'))).toBe(true);
});
