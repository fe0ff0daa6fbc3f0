import { useState } from 'react';
import { DEFAULT_THRESHOLDS } from '@/lib/signals/events';
import {
  readThresholds,
  shownValue,
  THRESHOLD_FIELDS,
  withThreshold,
  type ThresholdField,
} from '@/lib/signals/thresholds';
import { signalThresholdsItem } from '@/lib/walk/state';
import { useStorageItem } from '../ui/hooks';

/** The friction-signal thresholds, for sites where the defaults are too strict or too loose. */
export function SignalSettings() {
  const stored = useStorageItem(signalThresholdsItem);
  const thresholds = readThresholds(stored);
  const [error, setError] = useState<string | null>(null);
  const changed = THRESHOLD_FIELDS.filter((f) => thresholds[f.key] !== DEFAULT_THRESHOLDS[f.key]).length;

  const save = (field: ThresholdField, text: string) => {
    const result = withThreshold(thresholds, field, Number(text));
    if ('error' in result) return setError(result.error);
    setError(null);
    void signalThresholdsItem.setValue(result.thresholds);
  };

  return (
    <details className="allow-list signal-settings">
      <summary>Friction signal thresholds{changed ? ` (${changed} changed)` : ''}</summary>
      <div className="threshold-grid">
        {stored !== undefined &&
          THRESHOLD_FIELDS.map((field) => (
            <label key={`${field.key}:${thresholds[field.key]}`} className="field">
              <span>
                {field.label} ({field.unit})
              </span>
              <input
                type="number"
                defaultValue={shownValue(field, thresholds[field.key])}
                min={shownValue(field, field.min)}
                max={shownValue(field, field.max)}
                step={field.unit === 'seconds' ? 0.1 : 1}
                onBlur={(e) => save(field, e.target.value)}
                onKeyDown={(e) => e.key === 'Enter' && save(field, e.currentTarget.value)}
              />
            </label>
          ))}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {changed > 0 && (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setError(null);
            void signalThresholdsItem.setValue(null);
          }}
        >
          Reset to the defaults
        </button>
      )}
    </details>
  );
}
