/**
 * When a page fails to load or to render: a message in the UI language and a button that
 * reloads, instead of a blank screen. A page whose code cannot be fetched (its chunk is gone
 * after a new deployment, while the tab kept the old index) reloads the app once by itself; a
 * sessionStorage mark stops it from reloading again and again when the failure has another cause.
 */
import { Component, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';

const RELOADED = 'reloaded-after-chunk-error';

/** A dynamic import that failed (the message differs per browser). */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed|ChunkLoadError|Unable to preload CSS/i.test(message);
}

/** Reloads the page once per failed chunk load in this tab; false when it already did. */
export function reloadOnceForNewVersion(storage: Pick<Storage, 'getItem' | 'setItem'> = sessionStorage, reload: () => void = () => window.location.reload()): boolean {
  if (storage.getItem(RELOADED)) return false;
  storage.setItem(RELOADED, String(Date.now()));
  reload();
  return true;
}

/** Once a page has rendered, a later chunk failure may reload again. */
export function clearReloadMark(storage: Pick<Storage, 'removeItem'> = sessionStorage): void {
  storage.removeItem(RELOADED);
}

function Failed({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div className="error-boundary" role="alert">
      <h1>{t('page_failed_title')}</h1>
      <p>{t('page_failed_text')}</p>
      <p>
        <button type="button" onClick={() => window.location.reload()}>
          {t('page_failed_reload')}
        </button>{' '}
        <button type="button" className="link" onClick={onRetry}>
          {t('retry')}
        </button>
      </p>
    </div>
  );
}

interface State {
  error?: unknown;
}

/** Catches what a page throws while loading or rendering; `resetKey` (the route) clears it on the next page. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, State> {
  override state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown): void {
    if (isChunkLoadError(error)) reloadOnceForNewVersion();
  }

  override componentDidUpdate(prev: { resetKey: string }): void {
    if (prev.resetKey !== this.props.resetKey && this.state.error !== undefined) this.setState({ error: undefined });
  }

  override render(): ReactNode {
    if (this.state.error !== undefined) return <Failed onRetry={() => this.setState({ error: undefined })} />;
    return this.props.children;
  }
}
