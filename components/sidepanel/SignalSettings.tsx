import { useId, useRef, useState } from 'react';
import { DEFAULT_THRESHOLDS } from '@/lib/signals/detectors';
import {
  readThresholds,
  shownValue,
  THRESHOLD_FIELDS,
  thresholdValue,
  withThreshold,
  type SettingsField,
} from '@/lib/signals/thresholds';
import { signalThresholdsItem } from '@/lib/extension-storage/items';
import { useDraftText, useStorageItem } from '../ui/hooks';

/** The friction-signal thresholds, for sites where the defaults are too strict or too loose. */
export function SignalSettings() {
  const stored = useStorageItem(signalThresholdsItem);
  const thresholds = readThresholds(stored);
  const [error, setError] = useState<{ key: string; text: string } | null>(null);
  const summary = useRef<HTMLElement>(null);
  const errorId = useId();
  const changed = THRESHOLD_FIELDS.filter(
    (f) => thresholdValue(thresholds, f) !== thresholdValue(DEFAULT_THRESHOLDS, f),
  ).length;

  const save = (field: SettingsField, text: string) => {
    const result = withThreshold(thresholds, field, Number(text));
    if ('error' in result) return setError({ key: fieldKey(field), text: result.error });
    setError(null);
    if (thresholdValue(result.thresholds, field) !== thresholdValue(thresholds, field)) {
      void signalThresholdsItem.setValue(result.thresholds);
    }
  };
  const reset = () => {
    setError(null);
    void signalThresholdsItem.setValue(null);
    summary.current?.focus();
  };

  return (
    <details className="allow-list signal-settings">
      <summary ref={summary}>Friction signal thresholds{changed ? ` (${changed} changed)` : ''}</summary>
      <div className="threshold-grid">
        {stored !== undefined &&
          THRESHOLD_FIELDS.map((field) => (
            <ThresholdInput
              key={fieldKey(field)}
              field={field}
              value={shownValue(field, thresholdValue(thresholds, field))}
              errorId={error?.key === fieldKey(field) ? errorId : undefined}
              onSave={(text) => save(field, text)}
            />
          ))}
      </div>
      {error && (
        <p id={errorId} className="error" role="alert">
          {error.text}
        </p>
      )}
      {changed > 0 && (
        <button type="button" className="link-button" onClick={reset}>
          Reset to the defaults
        </button>
      )}
    </details>
  );
}

const fieldKey = (field: SettingsField) => `${field.kind}.${field.name}`;

interface InputProps {
  field: SettingsField;
  value: number;
  /** The id of the message saying what is wrong with this field, when something is. */
  errorId?: string;
  onSave: (text: string) => void;
}

/** A number saved on Enter or on leaving the field; follows the stored value while not edited. */
function ThresholdInput({ field, value, errorId, onSave }: InputProps) {
  const draft = useDraftText(String(value), onSave, 'leave');
  return (
    <label className="field">
      <span>
        {field.title} ({field.unit})
      </span>
      <input
        type="number"
        min={shownValue(field, field.min)}
        max={shownValue(field, field.max)}
        step={field.unit === 'seconds' ? 0.1 : 1}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        {...draft}
        onKeyDown={(e) => e.key === 'Enter' && onSave(e.currentTarget.value)}
      />
    </label>
  );
}
