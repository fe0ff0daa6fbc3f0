import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SidePanelApp } from '@/components/sidepanel/App';
import { readOpening, type Opening } from '@/components/sidepanel/opening';
import '@/components/styles.css';
import '@/components/ui/validation-messages';

/** How long the panel waits for what it shows first before it renders without it. */
const OPENING_WAIT_MS = 1000;

// The panel renders once what it shows first is read (the active journey, its study and its
// persona): a render before that would show nothing, and the one after all of it. A failure to
// read, or a database slow to open, renders it all the same: its own queries fill it in, or
// report what went wrong.
const waited = new Promise<undefined>((resolve) => setTimeout(resolve, OPENING_WAIT_MS));
void Promise.race([readOpening().catch(() => undefined), waited]).then((opening: Opening | undefined) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <SidePanelApp opening={opening} />
    </StrictMode>,
  ),
);
