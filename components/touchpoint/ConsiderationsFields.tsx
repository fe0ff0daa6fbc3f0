import {
  CONSIDERATION_KEYS,
  CONSIDERATION_MAX,
  CONSIDERATION_MIN,
  label,
  type ConsiderationKey,
  type Touchpoint,
} from '@/lib/model';
import { Choice } from '../ui/Choice';

type Considerations = NonNullable<Touchpoint['considerations']>;

const SCORES = Array.from({ length: CONSIDERATION_MAX - CONSIDERATION_MIN + 1 }, (_, i) =>
  String(CONSIDERATION_MIN + i),
);

/** The four considerations of the method, each 1 (low) to 5 (high) or not set: four compact selects. */
export function ConsiderationsFields(props: {
  value: Touchpoint['considerations'];
  onChange: (value: Touchpoint['considerations']) => void;
}) {
  const set = (key: ConsiderationKey, score: number | undefined) => {
    // Rebuilt in the method's order, unset ones left out, so a saved value compares equal to the stored one.
    const next: Considerations = {};
    for (const other of CONSIDERATION_KEYS) {
      const value = other === key ? score : props.value?.[other];
      if (value !== undefined) next[other] = value;
    }
    props.onChange(Object.keys(next).length ? next : undefined);
  };
  return (
    <fieldset className="field wide considerations">
      <legend>Considerations (1 low – 5 high, optional)</legend>
      {CONSIDERATION_KEYS.map((key) => (
        <Choice
          key={key}
          label={label(key)}
          value={props.value?.[key] === undefined ? '' : String(props.value[key])}
          options={SCORES}
          empty="Not set"
          onChange={(score) => set(key, score === '' ? undefined : Number(score))}
        />
      ))}
    </fieldset>
  );
}
