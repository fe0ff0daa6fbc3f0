import { useId } from 'react';
import { errorText } from './errors';
import { useOptimisticValue } from './hooks';

/** A stored setting as a switch that shows its new state at once and saves it; `hint` says what it does. */
export function SettingSwitch(props: {
  label: string;
  hint?: string;
  stored: boolean;
  save: (on: boolean) => Promise<unknown>;
  onError: (message: string) => void;
}) {
  const [checked, setChecked] = useOptimisticValue(props.stored);
  const hintId = useId();
  return (
    <>
      <label className="switch">
        <input
          type="checkbox"
          role="switch"
          checked={checked}
          aria-describedby={props.hint ? hintId : undefined}
          onChange={(e) => {
            setChecked(e.target.checked);
            props.save(e.target.checked).catch((error: unknown) => props.onError(errorText(error)));
          }}
        />
        {props.label}
      </label>
      {props.hint && (
        <p id={hintId} className="muted small switch-hint">
          {props.hint}
        </p>
      )}
    </>
  );
}
