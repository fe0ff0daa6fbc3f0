import { ChevronDown, ChevronRight, Trash2 } from 'lucide-react';
import { label, type Touchpoint } from '@/lib/model';
import { ScreenshotThumb } from '../ui/ScreenshotThumb';
import { TouchpointForm } from './TouchpointForm';

interface Props {
  touchpoint: Touchpoint;
  stages: string[];
  expanded: boolean;
  onToggle: () => void;
  onDelete: () => void;
  /** Keeps an auto-recorded draft. */
  onKeep: () => void;
  onError: (message: string) => void;
}

export function TouchpointCard({ touchpoint: point, stages, expanded, onToggle, onDelete, onKeep, onError }: Props) {
  const severity = point.friction.severity;
  const suggested = point.signals.filter((s) => s.status === 'suggested').length;
  return (
    <li
      className={`touchpoint-card${expanded ? ' expanded' : ''}${point.draft ? ' draft' : ''}`}
      data-testid="touchpoint"
      data-seq={point.seq}
      data-touchpoint-id={point.id}
    >
      <div className="card-head">
        <ScreenshotThumb
          screenshotId={point.screenshotId}
          title={point.title}
          annotations={point.annotations}
          whenVisible
        />
        <button type="button" className="card-toggle" aria-expanded={expanded} onClick={onToggle}>
          {expanded ? <ChevronDown size={16} aria-hidden /> : <ChevronRight size={16} aria-hidden />}
          <span className="card-title">
            <span className="seq">{point.seq}</span> · {point.title || 'Untitled'}
          </span>
          <span className="card-meta">
            {point.stage} · {label(point.channel)}
            {point.draft && <span className="draft-badge"> · Draft (auto-record)</span>}
            {point.extraClicks > 0 && <span> · +{point.extraClicks} more clicks</span>}
            {suggested > 0 && <span className="signal-badge"> · ⚠ {suggested} detected</span>}
            {severity !== 'none' && (
              <span className={`severity severity-${severity}`}> · {label(severity)} friction</span>
            )}
          </span>
        </button>
        {point.draft && (
          <button type="button" className="small-button" onClick={onKeep} aria-label={`Keep draft ${point.seq}`}>
            Keep
          </button>
        )}
        <button
          type="button"
          className="icon-button"
          aria-label={point.draft ? `Discard draft ${point.seq}` : `Delete touchpoint ${point.seq}`}
          title="Delete touchpoint"
          onClick={onDelete}
        >
          <Trash2 size={16} aria-hidden />
        </button>
      </div>
      {expanded && <TouchpointForm touchpoint={point} stages={stages} onError={onError} />}
    </li>
  );
}
