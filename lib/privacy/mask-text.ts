import type { ElementDescriptor, Journey, Study } from '../model';
import { alwaysMaskPattern, findPersonalData, type PersonalDataKind } from '../page-agent/personal-data';

/** What stands in for masked text in stored descriptors and titles. */
const PLACEHOLDER: Record<PersonalDataKind | 'word', string> = {
  email: '[email]',
  phone: '[phone]',
  card: '[card]',
  iban: '[IBAN]',
  ip: '[IP]',
  word: '[masked]',
};

export interface TextMasking {
  /** Masking on: personal data is replaced. */
  personalData: boolean;
  /** The study's own words and patterns, replaced whatever the switch says. */
  alwaysMask: string[];
}

/** The journey's masking and its study's own words, as text leaving a page is masked with. */
export function textMaskingOf(
  journey: Pick<Journey, 'masking'>,
  study: Pick<Study, 'privacy'> | undefined,
): TextMasking {
  return { personalData: journey.masking, alwaysMask: study?.privacy.alwaysMask ?? [] };
}

/**
 * The text with what the screenshot masks replaced by a placeholder ("Signed in as [email]"), so
 * that descriptors, titles and signal details do not carry what the pixels hide.
 */
export function maskText(text: string, masking: TextMasking): string {
  let masked = text;
  for (const entry of masking.alwaysMask) {
    const pattern = alwaysMaskPattern(entry);
    if (!(pattern instanceof Error)) masked = masked.replace(pattern, PLACEHOLDER.word);
  }
  if (!masking.personalData) return masked;
  // Replaced from the end, so the positions of earlier matches hold.
  // Found on the text with its spaces made plain (same length), so a no-break space hides nothing.
  for (const match of findPersonalData(masked.replace(/[^\S\n]/g, ' ')).reverse()) {
    masked = masked.slice(0, match.start) + PLACEHOLDER[match.kind] + masked.slice(match.end);
  }
  return masked;
}

/** The element as the page described it, with its text, name and selector masked. */
export function maskDescriptor(element: ElementDescriptor, masking: TextMasking): ElementDescriptor {
  return {
    ...element,
    text: maskText(element.text, masking),
    selector: maskText(element.selector, masking),
    ariaSelector: element.ariaSelector === undefined ? undefined : maskText(element.ariaSelector, masking),
  };
}
