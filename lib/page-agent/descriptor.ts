// Runs in the web page: describes an element well enough to find it again and to name it.
import type { PageElement } from '../messaging/protocol';
import { orElse } from './attempt';
import { isEditable, labelOf, visibleText } from './describe';

const TEST_ATTRIBUTES = ['data-testid', 'data-test', 'data-qa', 'name', 'aria-label'];

/**
 * Describes any element, HTML or not (SVG, MathML, custom, from another document): a part
 * that cannot be read is left plain rather than failing the pick or the auto-recorded click
 * (an element whose tag cannot be read has the role "generic").
 * The text of a field or an editable area is what the persona typed: it is never kept.
 */
export function describeElement(element: Element): PageElement {
  const box = orElse<Pick<DOMRect, 'x' | 'y' | 'width' | 'height'>>(() => element.getBoundingClientRect(), {
    x: 0,
    y: 0,
    width: 0,
    height: 0,
  });
  const text = isEditable(element) ? '' : orElse(() => visibleText(element), '');
  return {
    selector: orElse(() => cssSelector(element), element.localName).slice(0, 2_000),
    text: text.replace(/\s+/g, ' ').trim().slice(0, 2_000),
    name: orElse(() => labelOf(element), '').slice(0, 2_000),
    ...orElse(() => roleFacts(element), { tag: '' }),
    rect: { x: box.x, y: box.y, width: box.width, height: box.height },
  };
}

/** A CSS selector that matches this element alone: a stable id or test attribute, else a short path. */
export function cssSelector(element: Element): string {
  const root = element.getRootNode() as Document | ShadowRoot;
  const unique = (selector: string) => {
    try {
      return root.querySelectorAll(selector).length === 1;
    } catch {
      return false;
    }
  };
  const tag = element.tagName.toLowerCase();
  if (element.id && !looksGenerated(element.id) && unique(`#${CSS.escape(element.id)}`))
    return `#${CSS.escape(element.id)}`;
  for (const attribute of TEST_ATTRIBUTES) {
    const value = element.getAttribute(attribute);
    const selector = `${tag}[${attribute}="${CSS.escape(value ?? '')}"]`;
    if (value && unique(selector)) return selector;
  }
  const parts: string[] = [];
  let checks = 0;
  for (let node: Element | null = element; node && node.tagName !== 'HTML'; node = node.parentElement) {
    if (node !== element && node.id && !looksGenerated(node.id) && unique(`#${CSS.escape(node.id)}`)) {
      parts.unshift(`#${CSS.escape(node.id)}`);
      break;
    }
    const current: Element = node;
    const sameTag = [...(current.parentElement?.children ?? [])].filter((s) => s.tagName === current.tagName);
    const step = current.tagName.toLowerCase();
    parts.unshift(sameTag.length > 1 ? `${step}:nth-of-type(${sameTag.indexOf(current) + 1})` : step);
    if (checks++ < CHECKED_STEPS && unique(parts.join(' > '))) break;
  }
  return parts.join(' > ');
}

/**
 * How many of a path's shortest forms are tried for a match of one element: each try searches
 * the whole page (tens of milliseconds on a page of 100,000 elements). Longer paths are not
 * tried: one that runs on to an id or to the body, with a position at every step, names one
 * element by construction.
 */
const CHECKED_STEPS = 3;

/** Ids made by frameworks (":r1:", "ember123", long digit runs) change between visits. */
function looksGenerated(id: string): boolean {
  return /\d{3,}|^[:\d]|[:]/.test(id);
}

/** What the element's role is named from (lib/model/element-role.ts names it, out of the page). */
export function roleFacts(element: Element): Pick<PageElement, 'explicitRole' | 'tag' | 'inputType' | 'hasHref'> {
  const tag = element.tagName.toLowerCase();
  return {
    explicitRole: element.getAttribute('role')?.split(/\s+/)[0]?.slice(0, 100) || undefined,
    tag: tag.slice(0, 100),
    inputType: tag === 'input' ? (element as HTMLInputElement).type : undefined,
    hasHref: tag === 'a' ? element.hasAttribute('href') : undefined,
  };
}
