import { readoutPreferences } from '@/lib/extension-storage/items';
import { TOUCHPOINT_CHOICES, type TouchpointChoice } from '@/lib/export/readout/choice';
import { defaultPaper } from '@/lib/export/readout/paper';
import type { Paper } from '@/lib/export/pdf/flow';
import { useId, useState, type ReactNode } from 'react';
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
    // Only what was chosen is saved: a paper never chosen keeps following the browser's region.
    const paper = next.paper ?? changed.paper ?? saved?.paper;
    void readoutPreferences.setValue({ touchpoints: next.touchpoints ?? choice.touchpoints, ...(paper && { paper }) });
  };
  return [choice, change];
}

/** Which touchpoints the PDF and the deck show, the PDF's paper, then the two buttons. */
export function ReadoutOptions({
  choice,
  onChange: save,
  children,
}: {
  choice: ReadoutChoice;
  onChange: (change: Partial<ReadoutChoice>) => void;
  /** The readout formats' buttons, after the choices. */
  children: ReactNode;
}) {
  const group = useId();
  return (
    <fieldset className="readout-options">
      <legend>PDF and slide deck</legend>
      <fieldset className="readout-choice">
        <legend className="muted small">Touchpoints</legend>
        {TOUCHPOINT_CHOICES.map(({ choice: value, label }) => (
          <label key={value}>
            <input
              type="radio"
              name={group}
              value={value}
              checked={choice.touchpoints === value}
              onChange={() => save({ touchpoints: value })}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <label className="readout-choice">
        <span className="muted small">Paper (PDF)</span>
        <select value={choice.paper} onChange={(e) => save({ paper: e.target.value as Paper })}>
          <option value="a4">A4</option>
          <option value="letter">US Letter</option>
        </select>
      </label>
      {children}
    </fieldset>
  );
}
