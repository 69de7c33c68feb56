import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { appConfig } from './config.ts';
import { loadCjkFontIfNeeded } from './fonts.ts';
import { preloadCurrentPage } from './pages.tsx';
// Tibetan: only its own subset (one small @font-face), after the system Tibetan fonts in the stack
import '@fontsource/noto-serif-tibetan/tibetan-400.css';
import './styles.css';

// start what the first page needs while React starts: the API's address and the page's code
void appConfig();
preloadCurrentPage();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

loadCjkFontIfNeeded();

// the app shell is kept on field staff's phones for offline starts: the field pages register public/sw.js (api/device.ts)
