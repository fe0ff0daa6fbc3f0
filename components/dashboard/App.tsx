import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Toast, type ToastMessage } from '../ui/Toast';
import { ComparePage } from './ComparePage';
import { DashboardContext, type Dashboard } from './context';
import { HomePage } from './HomePage';
import { JourneyPage } from './JourneyPage';
import { Sidebar } from './Sidebar';
import { StudyOverviewPage } from './overview/StudyOverview';
import { StudyPage } from './StudyPage';
import { useRoute } from './useRoute';

/** The dashboard: studies and journeys on the left, the chosen page on the right. */
export function DashboardApp() {
  const [route, navigate] = useRoute();
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const closeToast = useCallback(() => setToast(null), []);
  const main = useRef<HTMLElement>(null);
  const dashboard = useMemo<Dashboard>(
    () => ({
      navigate,
      toast: (message) => setToast({ ...message, id: Date.now() }),
      error: (text) => setToast({ text, kind: 'error', id: Date.now() }),
    }),
    [navigate],
  );
  // A new page starts at its top, with its heading announced.
  useEffect(() => {
    main.current?.scrollTo?.(0, 0);
    main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [route]);

  let page;
  if (route.page === 'study') page = <StudyPage key={route.studyId} studyId={route.studyId} />;
  else if (route.page === 'overview') page = <StudyOverviewPage key={route.studyId} studyId={route.studyId} />;
  else if (route.page === 'journey')
    page = <JourneyPage key={route.journeyId} journeyId={route.journeyId} tab={route.tab} stage={route.stage} />;
  else if (route.page === 'compare') page = <ComparePage studyId={route.studyId} journeyIds={route.journeyIds} />;
  else page = <HomePage />;

  return (
    <DashboardContext.Provider value={dashboard}>
      <div className="dashboard">
        <a className="skip-link" href="#dashboard-main">
          Skip to content
        </a>
        <Sidebar route={route} />
        <main id="dashboard-main" className="dashboard-main" ref={main}>
          {page}
        </main>
        <Toast toast={toast} onClose={closeToast} />
      </div>
    </DashboardContext.Provider>
  );
}
