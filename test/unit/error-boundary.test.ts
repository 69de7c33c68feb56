/** A page whose code is gone after a new deployment reloads the app once, never in a loop; other failures do not reload. */
import { describe, expect, it } from 'vitest';
import { clearReloadMark, isChunkLoadError, reloadOnceForNewVersion } from '../../web/src/ui/error-boundary.tsx';

function memory() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) };
}

describe('a failed page load', () => {
  it('knows a missing chunk from other failures', () => {
    expect(isChunkLoadError(new TypeError('Failed to fetch dynamically imported module: http://x/assets/LoanPage-abc.js'))).toBe(true);
    expect(isChunkLoadError(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(isChunkLoadError(new TypeError("Cannot read properties of undefined (reading 'name')"))).toBe(false);
  });

  it('reloads once per tab, and again only after a page has loaded', () => {
    const storage = memory();
    let reloads = 0;
    const reload = () => reloads++;
    expect(reloadOnceForNewVersion(storage, reload)).toBe(true);
    expect(reloadOnceForNewVersion(storage, reload)).toBe(false);
    expect(reloads).toBe(1);
    clearReloadMark(storage);
    expect(reloadOnceForNewVersion(storage, reload)).toBe(true);
    expect(reloads).toBe(2);
  });
});
