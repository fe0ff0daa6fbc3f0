import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import { setActiveJourney } from '@/lib/db/publish-recording-state';
import { activeJourneyId } from '@/lib/extension-storage/items';
import { errorText } from '../ui/errors';
import { useStorageItem } from '../ui/hooks';
import { Toast, type ToastMessage } from '../ui/Toast';
import { JourneySummary } from './JourneySummary';
import { SetupSteps } from './SetupSteps';
import { readWalk, type Opening } from './opening';
import { WalkView } from './WalkView';

/** The side panel: set up a walk, walk, then review what was recorded. */
export function SidePanelApp({ opening }: { opening?: Opening }) {
  const journeyId = useStorageItem(activeJourneyId, opening?.journeyId);
  // null: no such journey; undefined: still loading (the setup must not flash up meanwhile, nor
  // anything else). Its study and persona are read with it, so the walk shows whole at once.
  const walk = useLiveQuery(
    async () => {
      if (journeyId === undefined) return undefined;
      return journeyId ? readWalk(journeyId) : null;
    },
    [journeyId],
    opening?.walk,
  );
  const journey = walk && walk.journey;
  const [endedJourneyId, setEndedJourneyId] = useState<string | null>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const closeToast = useCallback(() => setToast(null), []);
  const showToast = useCallback((next: Omit<ToastMessage, 'id'>) => setToast({ ...next, id: Date.now() }), []);
  const showError = useCallback((text: string) => showToast({ text, kind: 'error' }), [showToast]);

  const onEnded = (id: string) => {
    setEndedJourneyId(id);
    setActiveJourney(null).catch((error: unknown) => showError(errorText(error)));
  };

  let content;
  if (journeyId === undefined || journey === undefined) content = null;
  else if (journey && journey.status !== 'done') {
    content = (
      <WalkView
        journey={journey}
        study={walk.study}
        persona={walk.persona}
        onEnded={onEnded}
        onError={showError}
        onToast={showToast}
      />
    );
  } else if (endedJourneyId) {
    content = <JourneySummary journeyId={endedJourneyId} onClose={() => setEndedJourneyId(null)} onError={showError} />;
  } else content = <SetupSteps onError={showError} />;

  return (
    <main className="panel">
      {content}
      <Toast toast={toast} onClose={closeToast} />
    </main>
  );
}
