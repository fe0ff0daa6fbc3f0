// @vitest-environment jsdom
// The selector an auto-recorded click or a pick keeps names one element, and finding it costs a
// few searches of the page, not one per level of the page's nesting: on a page of 100,000
// elements each search takes tens of milliseconds, and a click waited for all of them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cssSelector } from '../../lib/page-agent/descriptor';

// jsdom has no CSS.escape; the ids and values here need none beyond this.
beforeEach(() => vi.stubGlobal('CSS', { escape: (value: string) => value.replace(/[^\w-]/g, (c) => `\\${c}`) }));
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

/** Threads nested `depth` deep, `rows` of them, each ending in a Reply button: same tags at every level. */
function nestedThreads(rows: number, depth: number): HTMLButtonElement[] {
  const buttons: HTMLButtonElement[] = [];
  for (let r = 0; r < rows; r++) {
    let parent: HTMLElement = document.body.appendChild(document.createElement('section'));
    for (let d = 0; d < depth; d++) parent = parent.appendChild(document.createElement('div'));
    const button = parent.appendChild(document.createElement('button'));
    button.textContent = 'Reply';
    buttons.push(button);
  }
  return buttons;
}

describe('the selector kept for a clicked or picked element', () => {
  it('names exactly that element on a page of many identical deep threads, after at most three searches', () => {
    const buttons = nestedThreads(40, 12);
    const searches = vi.spyOn(Document.prototype, 'querySelectorAll');
    for (const button of [buttons[0]!, buttons[17]!, buttons[39]!]) {
      searches.mockClear();
      const selector = cssSelector(button);
      expect(searches.mock.calls.length).toBeLessThanOrEqual(3);
      searches.mockRestore();
      expect([...document.querySelectorAll(selector)]).toEqual([button]);
      vi.spyOn(Document.prototype, 'querySelectorAll');
    }
  });

  it('stays short where a short form already names one element', () => {
    document.body.innerHTML = '<main><p>Intro</p><form><button>Pay now</button></form></main>';
    expect(cssSelector(document.querySelector('button')!)).toBe('button');
  });

  it('runs on to an ancestor with a stable id when the short forms name more than one', () => {
    const row = '<div><div><div><span><a href="#">Open</a></span></div></div></div>';
    document.body.innerHTML = `<nav><a href="#">Open</a></nav><div id="orders">${row.repeat(5)}</div>`;
    const link = document.querySelectorAll('#orders a')[3]!;
    const selector = cssSelector(link);
    expect(selector).toBe('#orders > div:nth-of-type(4) > div > div > span > a');
    expect([...document.querySelectorAll(selector)]).toEqual([link]);
  });
});
