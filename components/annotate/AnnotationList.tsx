import { Trash2 } from 'lucide-react';
import { describeAnnotation } from '@/lib/annotate/geometry';
import type { Annotation } from '@/lib/model';
import { useDraftText } from '../ui/hooks';

interface Props {
  annotations: Annotation[];
  selectedId?: string;
  onSelect: (id: string) => void;
  /** `amendKey`: consecutive changes with the same key are one undo step (typing). */
  onChange: (annotation: Annotation, amendKey?: string) => void;
  onRemove: (id: string) => void;
  /** Typing in a label ended: the next keystrokes are a new undo step. */
  onEndEdit: () => void;
}

/** Every annotation as a row: select it, edit its text or redaction style, remove it. */
export function AnnotationList({ annotations, selectedId, onSelect, onChange, onRemove, onEndEdit }: Props) {
  if (annotations.length === 0) return <p className="muted small">No annotations yet.</p>;
  return (
    <ol className="annotation-list" aria-label="Annotations">
      {annotations.map((annotation) => (
        <li key={annotation.id} className={annotation.id === selectedId ? 'selected' : undefined}>
          <button
            type="button"
            className="link-button"
            aria-pressed={annotation.id === selectedId}
            onClick={() => onSelect(annotation.id)}
          >
            {describeAnnotation(annotation)}
          </button>
          {annotation.kind === 'text' && (
            <LabelText
              key={annotation.id}
              text={annotation.text}
              onChange={(text) => onChange({ ...annotation, text }, `text:${annotation.id}`)}
              onEndEdit={onEndEdit}
            />
          )}
          {annotation.kind === 'redaction' && (
            <select
              aria-label="Redaction style"
              value={annotation.style}
              onChange={(e) => onChange({ ...annotation, style: e.target.value as 'blur' | 'solid' })}
            >
              <option value="solid">Solid</option>
              <option value="blur">Blur</option>
            </select>
          )}
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove ${describeAnnotation(annotation)}`}
            title="Remove (Delete)"
            onClick={() => onRemove(annotation.id)}
          >
            <Trash2 size={14} aria-hidden />
          </button>
        </li>
      ))}
    </ol>
  );
}

function LabelText(props: { text: string; onChange: (text: string) => void; onEndEdit: () => void }) {
  const field = useDraftText(props.text, props.onChange);
  const onBlur = () => {
    field.onBlur();
    props.onEndEdit();
  };
  return <input type="text" aria-label="Label text" maxLength={500} {...field} onBlur={onBlur} />;
}
