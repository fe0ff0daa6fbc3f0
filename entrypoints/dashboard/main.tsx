import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { db } from '@/lib/db/database';
import { DashboardApp } from '@/components/dashboard/App';
import { ErrorBoundary } from '@/components/ui/ErrorBoundary';
import '@/components/styles.css';
import '@/components/ui/validation-messages';
import '@/components/dashboard/dashboard.css';

// Opened while React renders and the active journey is read from storage, rather than when the
// first query asks (a failure to open is reported by that first query).
db.open().catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <DashboardApp />
    </ErrorBoundary>
  </StrictMode>,
);
