import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DashboardApp } from '@/components/dashboard/App';
import { ErrorBoundary } from '@/components/ui/ErrorBoundary';
import '@/components/styles.css';
import '@/components/ui/validation-messages';
import '@/components/dashboard/dashboard.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <DashboardApp />
    </ErrorBoundary>
  </StrictMode>,
);
