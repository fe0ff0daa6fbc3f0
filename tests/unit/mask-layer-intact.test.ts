// @vitest-environment jsdom
// The check a capture relies on after its screenshot (restore-after-capture) and before it:
// whether the masks are still there. A page can remove, hide or make invisible the layer.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { coverPage } from '../../lib/page-agent/masks';

const withoutShadowAccess = (element: Element) => element.shadowRoot;

beforeEach(() => {
  document.body.innerHTML = '<label>Card <input name="card" value="4242 4242 4242 4242"></label>';
  // jsdom lays nothing out: give the field a box in view.
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue({
    x: 10,
    y: 10,
    width: 200,
    height: 24,
    top: 10,
    left: 10,
    right: 210,
    bottom: 34,
    toJSON: () => ({}),
  });
});

/** The mask layer the agent added: the element appended to <html> after the body. */
const maskLayerHost = () => document.documentElement.lastElementChild as HTMLElement;

describe('a mask layer', () => {
  it('is intact while the page leaves it alone', () => {
    const masks = coverPage(document, { maskAll: true, shadowRootOf: withoutShadowAccess });
    expect(masks.counts.field).toBe(1);
    expect(masks.intact()).toBe(true);
    masks.remove();
  });

  it.each([
    ['removed', (host: HTMLElement) => host.remove()],
    ['hidden with display: none', (host: HTMLElement) => host.style.setProperty('display', 'none', 'important')],
    ['made invisible', (host: HTMLElement) => host.style.setProperty('visibility', 'hidden', 'important')],
  ])('is not intact once the page has %s it', (_how, tamper) => {
    const masks = coverPage(document, { maskAll: true, shadowRootOf: withoutShadowAccess });
    tamper(maskLayerHost());
    expect(masks.intact()).toBe(false);
    masks.remove();
  });
});
