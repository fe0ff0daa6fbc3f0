import { useLiveQuery } from 'dexie-react-hooks';
import { ChevronLeft, ChevronRight, PenLine, X } from 'lucide-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { db } from '@/lib/db';
import type { Touchpoint } from '@/lib/model';
import { AnnotationEditor } from '../annotate/AnnotationEditor';
import { AnnotationShapes } from '../annotate/AnnotationShapes';
import { useObjectUrl } from '../ui/hooks';
import { useDashboard } from './context';

interface Props {
  /** The touchpoints with screenshots, in the order next and previous follow. */
  touchpoints: Touchpoint[];
  currentId: string;
  onShow: (id: string) => void;
  onClose: () => void;
}

/** The full screenshot with its annotations; arrow keys go through the journey, Esc closes. */
export function Lightbox({ touchpoints, currentId, onShow, onClose }: Props) {
  const { error } = useDashboard();
  const dialog = useRef<HTMLDialogElement>(null);
  // Annotating belongs to one screenshot: stepping to another leaves the editor.
  const [annotatingId, setAnnotatingId] = useState<string | null>(null);
  const annotating = annotatingId === currentId;
  const setAnnotating = (on: boolean) => setAnnotatingId(on ? currentId : null);
  const index = touchpoints.findIndex((t) => t.id === currentId);
  const point = touchpoints[index];
  const shot = useLiveQuery(() => db.screenshots.get(point?.screenshotId ?? ''), [point?.screenshotId]);
  const url = useObjectUrl(shot?.image);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const go = (offset: number) => {
    const next = touchpoints[index + offset];
    if (next) onShow(next.id);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (annotating) return;
    if (event.key === 'ArrowRight') go(1);
    else if (event.key === 'ArrowLeft') go(-1);
    else return;
    event.preventDefault();
  };

  return (
    <dialog
      ref={dialog}
      className="lightbox"
      aria-label={point ? `Screenshot of touchpoint ${point.seq}: ${point.title}` : 'Screenshot'}
      onClose={onClose}
      onKeyDown={onKeyDown}
    >
      <header className="lightbox-head">
        <span>
          {point ? `${point.seq} · ${point.title || 'Untitled'}` : ''}{' '}
          <span className="muted">
            ({index + 1} of {touchpoints.length})
          </span>
        </span>
        <span className="row">
          <button
            type="button"
            onClick={() => go(-1)}
            aria-disabled={index <= 0}
            aria-label="Previous screenshot"
            title="Previous (←)"
          >
            <ChevronLeft size={16} aria-hidden />
          </button>
          <button
            type="button"
            onClick={() => go(1)}
            aria-disabled={index >= touchpoints.length - 1}
            aria-label="Next screenshot"
            title="Next (→)"
          >
            <ChevronRight size={16} aria-hidden />
          </button>
          <button type="button" onClick={() => setAnnotating(!annotating)} aria-pressed={annotating}>
            <PenLine size={16} aria-hidden /> Annotate &amp; redact
          </button>
          <button type="button" onClick={() => dialog.current?.close()} aria-label="Close" title="Close (Esc)">
            <X size={16} aria-hidden />
          </button>
        </span>
      </header>
      {point && annotating ? (
        <AnnotationEditor key={point.id} touchpoint={point} onClose={() => setAnnotating(false)} onError={error} />
      ) : (
        shot &&
        url && (
          <div className="lightbox-image">
            <img src={url} alt={`Screenshot: ${point?.title ?? ''}`} />
            <svg viewBox={`0 0 ${shot.width} ${shot.height}`} aria-hidden="true">
              <AnnotationShapes annotations={point?.annotations ?? []} width={shot.width} height={shot.height} />
            </svg>
          </div>
        )
      )}
    </dialog>
  );
}
