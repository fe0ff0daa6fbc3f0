import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/lib/db';
import { useObjectUrl } from './hooks';

/** A touchpoint's thumbnail, read from the database as a Blob. */
export function ScreenshotThumb({ screenshotId, title }: { screenshotId?: string; title: string }) {
  const shot = useLiveQuery(() => (screenshotId ? db.screenshots.get(screenshotId) : undefined), [screenshotId]);
  const url = useObjectUrl(shot?.thumbnail);
  if (!screenshotId)
    return (
      <div className="thumb thumb-empty" aria-hidden="true">
        Off-site
      </div>
    );
  if (!url) return <div className="thumb" aria-hidden="true" />;
  return <img className="thumb" src={url} alt={`Screenshot: ${title}`} width={96} />;
}
