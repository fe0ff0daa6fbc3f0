import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { errorText } from '../../components/ui/errors';
import { db, updateTouchpoint } from '../../lib/db';
import { capturedPage, walkInProgress } from './factories';
import { commitCapture } from '../../lib/db/new-touchpoints';

describe('errors shown to the researcher', () => {
  it('says the disk is full, not the browser’s words, when an edit hits the quota', async () => {
    const { journey } = await walkInProgress();
    const point = await commitCapture(capturedPage(journey.id));
    const refuse = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.touchpoints.hook('updating', refuse);
    const error = await updateTouchpoint(point.id, { title: 'New title' }).catch((e: unknown) => e);
    db.touchpoints.hook('updating').unsubscribe(refuse);
    expect(error).toBeInstanceOf(Dexie.DexieError);
    expect(errorText(error)).toMatch(/no room left/);
    expect((await db.touchpoints.get(point.id))?.title).toBe(point.title);
  });

  it('passes other errors through as they are', () => {
    expect(errorText(new Error('Title is too long'))).toBe('Title is too long');
  });
});
