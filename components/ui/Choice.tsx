import { label as labelOf } from '@/lib/model';

interface Props {
  label: string;
  value: string;
  options: readonly string[];
  /** The first option, meaning "none chosen" (its value is the empty string). */
  empty: string;
  disabled?: boolean;
  onChange: (value: string) => void;
}

/** A labelled select over vocabulary values, shown by their labels. */
export function Choice({ label, value, options, empty, disabled, onChange }: Props) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        <option value="">{empty}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {labelOf(option)}
          </option>
        ))}
      </select>
    </label>
  );
}
