// @vitest-environment jsdom
// Every kind of element that once made the page agent throw, in a real DOM (jsdom): inline SVG,
// MathML, custom elements with open and closed shadow roots, elements adopted from another
// document or detached, and elements that throw when asked things. Masks, pick descriptors and
// the page observer must handle each; what cannot be inspected is covered (fail closed).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { pageElement } from '../../lib/messaging/protocol';
import { describedElement } from '../../lib/model/element-role';
import { elementDescriptor } from '../../lib/model/schemas';
import { clickTarget, labelOf, looksInteractive } from '../../lib/page-agent/describe';
import { describeElement } from '../../lib/page-agent/descriptor';
import { coverPage } from '../../lib/page-agent/masks';
import { isPageChange } from '../../lib/page-agent/observer';
import { createOverlay } from '../../lib/page-agent/overlay';
import {
  beginOwnChanges,
  isOwnRestyle,
  markOwnRestyle,
  OWN_CHANGES_EXPIRE_MS,
  ownChangesUnderway,
} from '../../lib/page-agent/own-changes';
import type { ShadowRootOf } from '../../lib/page-agent/shadow-roots';

const SVG = 'http://www.w3.org/2000/svg';
const MATHML = 'http://www.w3.org/1998/Math/MathML';

/**
 * Chrome's `dom.openOrClosedShadowRoot` as it behaves (DESIGN.md §7): it accepts HTML elements
 * only and throws on any other, and it sees closed roots, which the test records on attach.
 */
const closedRoots = new WeakMap<Element, ShadowRoot>();
const chromeShadowRootOf: ShadowRootOf = (element) => {
  if (!(element instanceof HTMLElement)) {
    throw new TypeError('Error in invocation of dom.openOrClosedShadowRoot(HTMLElement element)');
  }
  return closedRoots.get(element) ?? element.shadowRoot;
};

/** An element as the page agent reports it and the background keeps it. */
const described = (element: Element) => describedElement(pageElement.parse(describeElement(element)));

/** jsdom lays nothing out: every element gets a 100×20 box at the top left unless a test says otherwise. */
beforeEach(() => {
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue({
    x: 10,
    y: 10,
    width: 100,
    height: 20,
    top: 10,
    left: 10,
    right: 110,
    bottom: 30,
  } as DOMRect);
  document.body.innerHTML = '';
});

function appendSvgIcon(parent: Element) {
  const svg = document.createElementNS(SVG, 'svg');
  const path = document.createElementNS(SVG, 'path');
  const circle = document.createElementNS(SVG, 'circle');
  svg.append(path, circle);
  parent.append(svg);
  return { svg, path, circle };
}

function appendMath(parent: Element) {
  const math = document.createElementNS(MATHML, 'math');
  const mi = document.createElementNS(MATHML, 'mi');
  mi.textContent = 'x';
  math.append(mi);
  parent.append(math);
  return { math, mi };
}

/** A custom element whose closed shadow root holds a card number field, as payment widgets do. */
function appendClosedCard(parent: Element) {
  const host = document.createElement('pay-card');
  const root = host.attachShadow({ mode: 'closed' });
  closedRoots.set(host, root);
  root.innerHTML = '<input aria-label="Card number" value="4242 4242 4242 4242">';
  parent.append(host);
  return host;
}

function appendOpenWidget(parent: Element) {
  const host = document.createElement('open-widget');
  host.attachShadow({ mode: 'open' }).innerHTML = '<textarea>notes</textarea>';
  parent.append(host);
  return host;
}

function appendAdoptedField(parent: Element) {
  const other = document.implementation.createHTMLDocument('elsewhere');
  const field = other.createElement('input');
  field.value = 'adopted';
  parent.append(document.adoptNode(field));
  return field;
}

describe('masks over every element kind', () => {
  it('covers the fields of a page full of SVG icons, MathML and custom elements, without throwing', () => {
    document.body.innerHTML = '<label>Email <input value="me@example.com"></label>';
    appendSvgIcon(document.body);
    appendMath(document.body);
    appendClosedCard(document.body);
    appendOpenWidget(document.body);
    appendAdoptedField(document.body);

    const masks = coverPage(document, { maskAll: true, shadowRootOf: chromeShadowRootOf });
    // The email field, the closed card's field, the open widget's text area, the adopted field.
    expect(masks.counts.field).toBe(4);
    masks.remove();
  });

  it('covers a host whose shadow root cannot be asked for, even with masking off (fail closed)', () => {
    const host = document.createElement('secret-widget');
    document.body.append(host);
    const refusing: ShadowRootOf = (element) => {
      if (element === host) throw new Error('cannot inspect');
      return chromeShadowRootOf(element);
    };
    appendSvgIcon(document.body);
    const masks = coverPage(document, { maskAll: false, shadowRootOf: refusing });
    expect(masks.counts.field).toBe(1);
    masks.remove();
  });

  it('covers a field that throws when its type is read, whatever the settings', () => {
    const field = document.createElement('input');
    Object.defineProperty(field, 'type', {
      get() {
        throw new Error('no');
      },
    });
    document.body.append(field);
    const masks = coverPage(document, { maskAll: false, shadowRootOf: chromeShadowRootOf });
    expect(masks.counts.field).toBe(1);
    masks.remove();
  });

  it('covers a field whose box cannot be read with the box of its container', () => {
    document.body.innerHTML = '<form><input value="secret"></form>';
    const field = document.querySelector('input')!;
    field.getBoundingClientRect = () => {
      throw new Error('no layout');
    };
    const masks = coverPage(document, { maskAll: true, shadowRootOf: chromeShadowRootOf });
    expect(masks.counts.field).toBe(1);
    masks.remove();
  });

  it('keeps a password field adopted from another document masked with masking off', () => {
    const other = document.implementation.createHTMLDocument('elsewhere');
    const password = other.createElement('input');
    password.type = 'password';
    document.body.append(document.adoptNode(password));
    appendSvgIcon(document.body);
    const masks = coverPage(document, { maskAll: false, shadowRootOf: chromeShadowRootOf, allowList: ['input'] });
    expect(masks.counts.field).toBe(1);
    masks.remove();
  });
});

describe('pick descriptors of every element kind', () => {
  const kinds: [string, () => Element][] = [
    ['an SVG path', () => appendSvgIcon(document.body).path],
    ['an SVG root', () => appendSvgIcon(document.body).svg],
    ['a MathML element', () => appendMath(document.body).mi],
    ['a custom element with a closed shadow root', () => appendClosedCard(document.body)],
    ['a custom element with an open shadow root', () => appendOpenWidget(document.body)],
    ['an element adopted from another document', () => appendAdoptedField(document.body)],
    ['a detached element', () => document.createElement('button')],
    [
      'an element whose tag is 200 characters long, with a long role attribute',
      () => {
        const element = document.createElement(`x-${'a'.repeat(198)}`);
        element.setAttribute('role', 'b'.repeat(300));
        document.body.append(element);
        return element;
      },
    ],
    [
      'an element that throws when asked its attributes',
      () => {
        const button = document.createElement('button');
        button.getAttribute = () => {
          throw new Error('no');
        };
        document.body.append(button);
        return button;
      },
    ],
  ];

  it.each(kinds)('describes %s with a valid descriptor', (_kind, make) => {
    const element = make();
    const reported = pageElement.safeParse(describeElement(element));
    expect(reported.success).toBe(true);
    const descriptor = describedElement(reported.data!);
    expect(elementDescriptor.safeParse(descriptor).success).toBe(true);
    expect(descriptor.selector.length).toBeGreaterThan(0);
  });

  it('names an SVG icon inside a button by the button', () => {
    const button = document.createElement('button');
    button.setAttribute('aria-label', 'Add to basket');
    document.body.append(button);
    const { path } = appendSvgIcon(button);
    expect(described(clickTarget(path))).toMatchObject({
      role: 'button',
      ariaSelector: 'button "Add to basket"',
    });
  });

  it('keeps the text of a MathML formula', () => {
    expect(describeElement(appendMath(document.body).math).text).toBe('x');
  });
});

describe('the page observer over every element kind', () => {
  it.each([
    ['an SVG path', () => appendSvgIcon(document.body).path],
    ['a MathML element', () => appendMath(document.body).mi],
    ['a closed custom element', () => appendClosedCard(document.body)],
    ['an adopted element', () => appendAdoptedField(document.body)],
    ['a detached element', () => document.createElement('span')],
  ])('reads a click on %s without throwing', (_kind, make) => {
    const element = make();
    expect(() => [looksInteractive(element), labelOf(clickTarget(element))]).not.toThrow();
  });

  it('does not take Touchtrail’s own layer coming and going for the page reacting', async () => {
    const records = await mutationsDuring(() => {
      const overlay = createOverlay(document);
      overlay.place(overlay.add('position:fixed'), { x: 0, y: 0, width: 10, height: 10 });
      overlay.remove();
    });
    expect(records.length).toBeGreaterThan(0);
    expect(records.filter(isPageChange)).toEqual([]);
  });

  it('does take the page’s own change for a reaction, an inline SVG as much as any element', async () => {
    const records = await mutationsDuring(() => appendSvgIcon(document.body));
    expect(records.some(isPageChange)).toBe(true);
  });
});

function mutationsDuring(change: () => void): Promise<MutationRecord[]> {
  return new Promise((resolve) => {
    const observer = new MutationObserver((records) => {
      observer.disconnect();
      resolve(records);
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    change();
  });
}

describe('Touchtrail’s own changes to the page (a full-page capture scrolling it)', () => {
  it('are under way from their start until a frame after their end', async () => {
    const end = beginOwnChanges();
    expect(ownChangesUnderway()).toBe(true);
    end();
    expect(ownChangesUnderway()).toBe(true); // the scroll back is still to be delivered
    await vi.waitFor(() => expect(ownChangesUnderway()).toBe(false));
  });

  it('expire by themselves when nothing ends them (the background went away)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame'] });
    try {
      beginOwnChanges();
      vi.advanceTimersByTime(OWN_CHANGES_EXPIRE_MS - 1);
      expect(ownChangesUnderway()).toBe(true);
      vi.advanceTimersByTime(100);
      expect(ownChangesUnderway()).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('what the page observer counts as the page reacting', () => {
  it('not the style Touchtrail gives a bar it hides, but the page’s own changes during that time', async () => {
    const bar = document.createElement('header');
    const content = document.createElement('p');
    document.body.append(bar, content);
    markOwnRestyle(bar);
    const records = await mutationsDuring(() => {
      bar.style.setProperty('visibility', 'hidden', 'important');
      content.textContent = 'Added to your basket';
    });
    expect(records.filter((record) => isPageChange(record) && !isOwnRestyle(record))).toHaveLength(1);
    expect(records.filter(isOwnRestyle).map((record) => record.target)).toEqual([bar]);
  });
});

describe('element descriptors never keep what the persona typed', () => {
  it('keeps no text of an editable area or a field, only their names', () => {
    document.body.innerHTML =
      '<div contenteditable="true" aria-label="Message"><p>My card is 4111 1111 1111 1111</p></div>' +
      '<label for="note">Note</label><textarea id="note">meet at 5</textarea>';
    const paragraph = described(document.querySelector('p')!);
    expect(paragraph.text).toBe('');
    expect(paragraph.ariaSelector).not.toContain('4111');
    expect(described(document.querySelector('[contenteditable]')!)).toMatchObject({
      text: '',
      ariaSelector: 'generic "Message"',
    });
    expect(described(document.querySelector('textarea')!)).toMatchObject({
      text: '',
      ariaSelector: 'textbox "Note"',
    });
  });
});

describe('a host that cannot be looked into and has no box of its own', () => {
  it('is covered with the box of its container (display: contents, as Lit hosts often are)', () => {
    const container = document.createElement('section');
    const host = document.createElement('lit-card');
    container.append(host);
    document.body.append(container);
    host.getBoundingClientRect = () =>
      ({ x: 0, y: 0, width: 0, height: 0, top: 0, left: 0, right: 0, bottom: 0 }) as DOMRect;
    const refusing: ShadowRootOf = (element) => {
      if (element === host) throw new Error('cannot inspect');
      return null;
    };
    const masks = coverPage(document, { maskAll: true, shadowRootOf: refusing });
    expect(masks.counts.field).toBe(1);
    masks.remove();
  });
});
