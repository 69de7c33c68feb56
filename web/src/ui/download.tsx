/** A button that downloads a report's CSV with the caller's token, and says why when the API refuses. */
import { useState } from 'react';
import type { RouteKey } from '../../../shared/routes.ts';
import { download, type QueryIn } from '../api/client.ts';
import { ErrorMessage } from './feedback.tsx';

export function DownloadButton<K extends RouteKey>({ route, query, filename, label }: { route: K; query: QueryIn<K>; filename: string; label: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await download(route, query, filename);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="secondary" disabled={busy} onClick={() => void start()}>
        ⬇ {label}
      </button>
      {error !== undefined && <ErrorMessage error={error} />}
    </>
  );
}
