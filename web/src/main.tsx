import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// the app shell works offline for field staff (see public/sw.js)
if ('serviceWorker' in navigator && location.protocol !== 'http:' ) navigator.serviceWorker.register('/sw.js').catch(() => undefined);
