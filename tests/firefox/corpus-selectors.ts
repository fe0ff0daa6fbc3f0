// The corpus manifest's selectors are Playwright's: CSS that pierces open shadow roots, plus
// `X:nth-match(X, n)` and `:has-text("…")`. Puppeteer has neither, so for Firefox they are
// resolved in the page by this function (run through puppeteer's evaluate): the centre and box of
// the one element meant, in the viewport's CSS pixels.

export interface ResolvedElement {
  x: number;
  y: number;
  box: { x: number; y: number; width: number; height: number };
}

/** Runs in the page. Kept self-contained: puppeteer sends its source text. */
export function resolveInPage(selector: string): ResolvedElement | null {
  const deepAll = (css: string, root: Document | ShadowRoot | Element = document): Element[] => {
    const found = [...root.querySelectorAll(css)];
    for (const element of root.querySelectorAll('*')) {
      if (element.shadowRoot) found.push(...deepAll(css, element.shadowRoot));
    }
    return found;
  };
  const matching = (css: string): Element[] => {
    const text = /:has-text\("([^"]*)"\)/.exec(css);
    const plain = css.replace(/:has-text\("[^"]*"\)/g, '');
    const parts = plain.trim().split(/\s+/);
    // "host inner": the inner element in the host's open shadow root (as Playwright's CSS pierces).
    const candidates =
      parts.length === 2 && deepAll(plain).length === 0
        ? deepAll(parts[0]!).flatMap((host) => [...(host.shadowRoot ?? host).querySelectorAll(parts[1]!)])
        : deepAll(plain);
    return text ? candidates.filter((element) => element.textContent?.includes(text[1]!)) : candidates;
  };
  const nth = /^(.*):nth-match\((.*), (\d+)\)$/.exec(selector);
  const element = nth ? matching(nth[2]!)[Number(nth[3]) - 1] : matching(selector)[0];
  if (!element) return null;
  const box = element.getBoundingClientRect();
  return {
    x: box.x + box.width / 2,
    y: box.y + box.height / 2,
    box: { x: box.x, y: box.y, width: box.width, height: box.height },
  };
}
