import { describe, expect, it } from 'vitest';
import { describeMasked } from '../../lib/capture/mask-summary';

describe('what a capture masked, as the researcher reads it', () => {
  it.each([
    [{}, 'Nothing on the page needed masking.'],
    [{ field: 0 }, 'Nothing on the page needed masking.'],
    [{ field: 1 }, '1 field masked.'],
    [{ card: 1, field: 7, email: 2 }, '7 fields, 2 email addresses and 1 card number masked.'],
    [{ word: 1, ip: 2 }, '2 IP addresses and 1 of your own words masked.'],
    [{ text: 1200, media: 3 }, '1,200 text runs and 3 images and videos masked.'],
  ])('%j', (counts, said) => {
    expect(describeMasked(counts)).toBe(said);
  });
});
