// The roles the background names for the elements page agents report (lib/model/element-role.ts):
// the tables moved out of the page, so these hold them to what the agent used to name.
import { describe, expect, it } from 'vitest';
import { describedElement, roleOf } from '../../lib/model/element-role';
import type { PageElement } from '../../lib/messaging/protocol';

const element = (facts: Partial<PageElement>): PageElement => ({
  selector: '#x',
  text: '',
  name: '',
  tag: 'div',
  rect: { x: 0, y: 0, width: 10, height: 10 },
  ...facts,
});

describe('roleOf', () => {
  it.each([
    [{ tag: 'a', hasHref: true }, 'link'],
    [{ tag: 'a', hasHref: false }, 'generic'],
    [{ tag: 'button' }, 'button'],
    [{ tag: 'summary' }, 'button'],
    [{ tag: 'select' }, 'combobox'],
    [{ tag: 'h3' }, 'heading'],
    [{ tag: 'footer' }, 'contentinfo'],
    [{ tag: 'input', inputType: 'submit' }, 'button'],
    [{ tag: 'input', inputType: 'checkbox' }, 'checkbox'],
    [{ tag: 'input', inputType: 'range' }, 'slider'],
    [{ tag: 'input', inputType: 'email' }, 'textbox'],
    [{ tag: 'input' }, 'textbox'],
    [{ tag: 'my-widget' }, 'generic'],
    [{ tag: '' }, 'generic'],
  ])('names %o a %s', (facts, role) => {
    expect(roleOf(element(facts))).toBe(role);
  });

  it('takes the role attribute over the tag', () => {
    expect(roleOf(element({ tag: 'div', explicitRole: 'tab' }))).toBe('tab');
    expect(roleOf(element({ tag: 'button', explicitRole: 'menuitem' }))).toBe('menuitem');
  });

  it("names nothing after the tables' inherited properties, whatever a page reports", () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(roleOf(element({ tag: name }))).toBe('generic');
      expect(roleOf(element({ tag: 'input', inputType: name }))).toBe('textbox');
    }
  });
});

describe('describedElement', () => {
  it('names the aria selector by role and name, quotes escaped', () => {
    const described = describedElement(element({ tag: 'button', name: 'Say "hi"', text: 'Say hi' }));
    expect(described).toEqual({
      selector: '#x',
      ariaSelector: 'button "Say \\"hi\\""',
      text: 'Say hi',
      role: 'button',
      rect: { x: 0, y: 0, width: 10, height: 10 },
    });
  });

  it('keeps the aria selector within the 2,000 characters a touchpoint holds', () => {
    const described = describedElement(element({ tag: 'a', hasHref: true, name: '"'.repeat(2_000) }));
    expect(described.ariaSelector).toHaveLength(2_000);
    expect(described.ariaSelector!.startsWith('link "\\"')).toBe(true);
  });
});
