import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import { db } from '@/lib/db';
import { setActiveJourney } from '@/lib/db/publish-recording-state';
import { activeJourneyId } from '@/lib/extension-storage/items';
import { errorText } from '../ui/errors';
import { useStorageItem } from '../ui/hooks';
import { Toast, type ToastMessage } from '../ui/Toast';
import { JourneySummary } from './JourneySummary';
import { SetupSteps } from './SetupSteps';
import { WalkView } from './WalkView';

/** The side panel: set up a walk, walk, then review what was recorded. */
export function SidePanelApp() {
  const journeyId = useStorageItem(activeJourneyId);
  // null: no such journey; undefined: still loading (the setup must not flash up meanwhile, nor
  // anything else).
  const journey = useLiveQuery(async () => {
    if (journeyId === undefined) return undefined;
    return journeyId ? ((await db.journeys.get(journeyId)) ?? null) : null;
  }, [journeyId]);
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
    content = <WalkView journey={journey} onEnded={onEnded} onError={showError} onToast={showToast} />;
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
