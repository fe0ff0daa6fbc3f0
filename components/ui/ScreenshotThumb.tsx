import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { Annotation } from '@/lib/model';
import { db } from '@/lib/db';
import { AnnotationShapes } from '../annotate/AnnotationShapes';
import { useNearView, useObjectUrl } from './hooks';

interface Props {
  screenshotId?: string;
  title: string;
  /** Drawn over the thumbnail (redactions are already in its pixels). */
  annotations?: Annotation[];
  /** The image's text alternative, when it says more than "Screenshot: title" (in a button). */
  alt?: string;
  /**
   * While true, a thumbnail not read yet is not read: a list scrolled at speed would read (and
   * make object URLs of) every one it passes. Once read, it stays.
   */
  defer?: boolean;
  /**
   * Read only once the thumbnail comes near the view: a long list (the side panel's) reads the
   * few in view first, not all of them at once.
   */
  whenVisible?: boolean;
}

/** A touchpoint's thumbnail, read from the database as a Blob, with its annotations. */
export function ScreenshotThumb({ screenshotId, title, annotations = [], alt, defer = false, whenVisible }: Props) {
  const [wanted, setWanted] = useState(!defer && !whenVisible);
  if (!defer && !whenVisible && !wanted) setWanted(true);
  const placeholder = useNearView<HTMLDivElement>(Boolean(whenVisible) && !wanted, () => setWanted(true));
  // null once read and not found: the screenshot is missing (undefined while it is being read).
  const shot = useLiveQuery(
    async () => (screenshotId && wanted ? ((await db.screenshots.get(screenshotId)) ?? null) : undefined),
    [screenshotId, wanted],
  );
  const url = useObjectUrl(shot?.thumbnail);
  // The thumbnail shows the top of the capture; its shape says how much of it.
  const [thumbAspect, setThumbAspect] = useState<number>();
  const name = alt ?? `Screenshot: ${title}`;
  if (!screenshotId)
    return (
      <div className="thumb thumb-empty" aria-hidden="true">
        Off-site
      </div>
    );
  if (shot === null)
    return (
      <div className="thumb thumb-empty" role="img" aria-label={`Screenshot missing for ${title || 'Untitled'}`}>
        Missing
      </div>
    );
  // Not read yet: the placeholder carries the name, so a button around it is never nameless.
  if (!url || !shot) return <div ref={placeholder} className="thumb" role="img" aria-label={name} />;
  const drawn = annotations.filter((a) => a.kind !== 'redaction');
  const shownHeight = thumbAspect ? Math.min(shot.height, shot.width / thumbAspect) : undefined;
  return (
    <div className="thumb-frame">
      <img
        className="thumb"
        src={url}
        alt={name}
        width={96}
        onLoad={(e) => setThumbAspect(e.currentTarget.naturalWidth / e.currentTarget.naturalHeight)}
      />
      {drawn.length > 0 && shownHeight && (
        <svg
          className="thumb thumb-annotations"
          viewBox={`0 0 ${shot.width} ${shownHeight}`}
          preserveAspectRatio="xMidYMin slice"
          aria-hidden="true"
        >
          <AnnotationShapes annotations={drawn} width={shot.width} height={shot.height} />
        </svg>
      )}
    </div>
  );
}
