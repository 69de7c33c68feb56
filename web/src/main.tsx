import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
// Tibetan (only its own subset) and a CJK font split by unicode-range: the last fonts of the stack
import '@fontsource/noto-serif-tibetan/tibetan-400.css';
import '@fontsource/noto-sans-sc/400.css';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// the app shell works offline for field staff (see public/sw.js)
if ('serviceWorker' in navigator && location.protocol !== 'http:') navigator.serviceWorker.register('/sw.js').catch(() => undefined);
