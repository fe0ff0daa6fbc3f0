import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { db } from '@/lib/db/database';
import { SidePanelApp } from '@/components/sidepanel/App';
import '@/components/styles.css';
import '@/components/ui/validation-messages';

// Opened while React renders and the active journey is read from storage, rather than when the
// first query asks (a failure to open is reported by that first query).
db.open().catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SidePanelApp />
  </StrictMode>,
);
