/** The app (React): started by the entry (`main.ts`) when someone is signed in, or coming back from signing in. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { preloadCurrentPage } from './pages.tsx';

export function startApp(root: HTMLElement): void {
  // the page's code while React starts (index.html has already asked for it, from the page table)
  preloadCurrentPage();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
