// The extension's pages say what is wrong with a value in words, although the model's schemas
// are zod/mini (which has no messages of its own): the pages load English messages first.
import { describe, expect, it } from 'vitest';
import '../../components/ui/validation-messages';
import { errorText } from '../../components/ui/errors';
import { stage, study } from '../../lib/model/schemas';

describe('validation messages on the extension pages', () => {
  it('name the limit a value broke, not just "Invalid input"', () => {
    const long = stage.safeParse('x'.repeat(101));
    expect(errorText(long.error)).toMatch(/Too big: expected string to have <=100 characters/);
  });

  it("keep the model's own words where it has them", () => {
    const unnamed = study.safeParse({ name: '   ' });
    expect(errorText(unnamed.error)).toContain('A study needs a name');
  });
});
