import { readoutPreferences } from '@/lib/extension-storage/items';
import { TOUCHPOINT_CHOICES, type TouchpointChoice } from '@/lib/export/readout/choice';
import { defaultPaper } from '@/lib/export/readout/paper';
import type { Paper } from '@/lib/export/pdf/flow';
import { useState } from 'react';
import { useStorageItem } from '../ui/hooks';

export interface ReadoutChoice {
  touchpoints: TouchpointChoice;
  paper: Paper;
}

/**
 * The researcher's readout choices, remembered; paper defaults to the browser's locale. A change
 * shows at once and is saved behind it (the saved value arrives a moment later).
 */
export function useReadoutChoice(): [ReadoutChoice, (change: Partial<ReadoutChoice>) => void] {
  const saved = useStorageItem(readoutPreferences);
  const [changed, setChanged] = useState<Partial<ReadoutChoice>>({});
  const choice: ReadoutChoice = {
    touchpoints: changed.touchpoints ?? saved?.touchpoints ?? 'key-first',
    paper: changed.paper ?? saved?.paper ?? defaultPaper(),
  };
  const change = (next: Partial<ReadoutChoice>) => {
    setChanged((current) => ({ ...current, ...next }));
    void readoutPreferences.setValue({ ...choice, ...next });
  };
  return [choice, change];
}

/** Which touchpoints the PDF and the deck show, and the PDF's paper. */
export function ReadoutOptions({
  choice,
  onChange: save,
}: {
  choice: ReadoutChoice;
  onChange: (change: Partial<ReadoutChoice>) => void;
}) {
  return (
    <fieldset className="readout-options">
      <legend>PDF and slide deck</legend>
      <div role="radiogroup" aria-label="Touchpoints to show" className="readout-choice">
        <span className="muted small">Touchpoints</span>
        {TOUCHPOINT_CHOICES.map(({ choice: value, label }) => (
          <label key={value}>
            <input
              type="radio"
              name="readout-touchpoints"
              value={value}
              checked={choice.touchpoints === value}
              onChange={() => save({ touchpoints: value })}
            />
            {label}
          </label>
        ))}
      </div>
      <label className="readout-choice">
        <span className="muted small">Paper (PDF)</span>
        <select value={choice.paper} onChange={(e) => save({ paper: e.target.value as Paper })}>
          <option value="a4">A4</option>
          <option value="letter">US Letter</option>
        </select>
      </label>
    </fieldset>
  );
}
