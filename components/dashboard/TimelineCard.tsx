import { GripVertical, Pencil, Trash2 } from 'lucide-react';
import { forwardRef, type KeyboardEvent } from 'react';
import { label, type Touchpoint } from '@/lib/model';
import { TouchpointForm } from '../touchpoint/TouchpointForm';
import { ScreenshotThumb } from '../ui/ScreenshotThumb';
import { useDashboard } from './context';

interface Props {
  index: number;
  /** Where the virtual list places the card, in pixels from its top. */
  top: number;
  touchpoint: Touchpoint;
  stages: string[];
  selected: boolean;
  expanded: boolean;
  canReorder: boolean;
  /** False while the list scrolls: a card not showing its thumbnail yet waits to read it. */
  loadThumbnail: boolean;
  onSelect: (on: boolean) => void;
  onToggle: () => void;
  onView: () => void;
  onDelete: () => void;
  onMove: (offset: number) => void;
  onDragStart: () => void;
  onDragEnd: () => void;
  onDrop: () => void;
}

/** One touchpoint on the timeline: select, view, edit in place, move, delete. */
export const TimelineCard = forwardRef<HTMLLIElement, Props>(function TimelineCard(props, ref) {
  const { touchpoint: point, selected, expanded, canReorder } = props;
  const { error } = useDashboard();
  const name = `${point.seq} ${point.title || 'Untitled'}`;
  const onHandleKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    props.onMove(event.key === 'ArrowUp' ? -1 : 1);
  };

  return (
    <li
      ref={ref}
      data-index={props.index}
      data-testid="timeline-card"
      data-seq={point.seq}
      className={`timeline-card${selected ? ' selected' : ''}${point.draft ? ' draft' : ''}`}
      style={{ transform: `translateY(${props.top}px)` }}
      onDragOver={(e) => canReorder && e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        props.onDrop();
      }}
    >
      <div className="timeline-card-row">
        <input
          type="checkbox"
          aria-label={`Select touchpoint ${name}`}
          checked={selected}
          onChange={(e) => props.onSelect(e.target.checked)}
        />
        {canReorder && (
          <button
            type="button"
            className="icon-button drag-handle"
            data-move-handle={point.id}
            draggable
            aria-label={`Move touchpoint ${name} (arrow keys, or drag)`}
            title="Drag, or use the up and down arrow keys, to move"
            onKeyDown={onHandleKey}
            onDragStart={(e) => {
              e.dataTransfer.setData('text/plain', point.id);
              e.dataTransfer.effectAllowed = 'move';
              props.onDragStart();
            }}
            onDragEnd={props.onDragEnd}
          >
            <GripVertical size={16} aria-hidden />
          </button>
        )}
        {point.screenshotId ? (
          <button type="button" className="thumb-button" onClick={props.onView}>
            <ScreenshotThumb
              screenshotId={point.screenshotId}
              title={point.title}
              annotations={point.annotations}
              alt={`View screenshot of ${name}`}
              defer={!props.loadThumbnail}
            />
          </button>
        ) : (
          <ScreenshotThumb title={point.title} />
        )}
        <div className="timeline-card-text">
          <span className="card-title">
            <span className="seq">{point.seq}</span> · {point.title || 'Untitled'}
          </span>
          <span className="card-meta">
            {point.stage} · {label(point.channel)} · {label(point.owner)}
            {point.friction.severity !== 'none' && (
              <span className={`severity severity-${point.friction.severity}`}>
                {' '}
                · {label(point.friction.severity)} friction
              </span>
            )}
            {point.momentOfTruth && <span> · ★ Moment of truth</span>}
            {point.key && <span> · Key</span>}
            {point.draft && <span> · Draft</span>}
          </span>
          {point.friction.notes && <span className="muted small notes">{point.friction.notes}</span>}
        </div>
        <button
          type="button"
          className="icon-button"
          aria-expanded={expanded}
          aria-label={`Edit touchpoint ${name}`}
          onClick={props.onToggle}
        >
          <Pencil size={16} aria-hidden />
        </button>
        <button type="button" className="icon-button" aria-label={`Delete touchpoint ${name}`} onClick={props.onDelete}>
          <Trash2 size={16} aria-hidden />
        </button>
      </div>
      {expanded && <TouchpointForm touchpoint={point} stages={props.stages} onError={error} />}
    </li>
  );
});
