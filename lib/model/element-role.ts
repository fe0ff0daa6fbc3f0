// An element's ARIA role and its aria selector, named from what the page agent read of it (its
// role attribute, tag, input type, address). Named here, out of the page, so that these tables
// are not bundled into every page the agent joins: the background names the roles of the
// elements the agent reports, and the page tools the role the picker shows.
import type { PageElement } from '../messaging/protocol';
import type { ElementDescriptor } from './schemas';

const IMPLICIT_ROLES: Record<string, string> = {
  button: 'button',
  select: 'combobox',
  textarea: 'textbox',
  img: 'img',
  nav: 'navigation',
  main: 'main',
  header: 'banner',
  footer: 'contentinfo',
  form: 'form',
  table: 'table',
  ul: 'list',
  ol: 'list',
  li: 'listitem',
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  summary: 'button',
  dialog: 'dialog',
};

const INPUT_ROLES: Record<string, string> = {
  button: 'button',
  submit: 'button',
  reset: 'button',
  checkbox: 'checkbox',
  radio: 'radio',
  range: 'slider',
  search: 'searchbox',
};

type RoleFacts = Pick<PageElement, 'explicitRole' | 'tag' | 'inputType' | 'hasHref'>;

/**
 * The element's role attribute (its first word) when it has one, else the role its tag implies.
 * The facts come from a web page: only the tables' own entries count ("constructor" is no tag).
 */
export function roleOf({ explicitRole, tag, inputType, hasHref }: RoleFacts): string {
  if (explicitRole) return explicitRole;
  if (tag === 'a') return hasHref ? 'link' : 'generic';
  if (tag === 'input')
    return (inputType && Object.hasOwn(INPUT_ROLES, inputType) && INPUT_ROLES[inputType]) || 'textbox';
  return (Object.hasOwn(IMPLICIT_ROLES, tag) && IMPLICIT_ROLES[tag]) || 'generic';
}

/** The element as touchpoints keep it: role and aria selector ("button "Add to basket"") named. */
export function describedElement(element: PageElement): ElementDescriptor {
  const role = roleOf(element);
  return {
    selector: element.selector,
    ariaSelector: `${role} "${element.name.replace(/"/g, '\\"')}"`.slice(0, 2_000),
    text: element.text,
    role,
    rect: element.rect,
  };
}
