/** The browser tests find a Chromium by themselves, skip unusable candidates and say what to install when none works. */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candidates, launchBrowser, NO_BROWSER_HELP, type Candidate } from '../e2e/support/find-browser.ts';

const at = (path: string): Candidate => ({ source: path, path: async () => path, args: async () => [] });

describe('finding a browser for the browser tests', () => {
  it('tries CHROMIUM_PATH first, then the system browsers, then the npm-shipped Chromium', () => {
    const list = candidates({ CHROMIUM_PATH: '/opt/my/chrome' }, ['/usr/bin/chromium', '/usr/bin/google-chrome']).map((c) => c.source);
    expect(list).toEqual(['CHROMIUM_PATH (/opt/my/chrome)', '/usr/bin/chromium', '/usr/bin/google-chrome', 'the npm package @sparticuz/chromium']);
    expect(candidates({}, ['/usr/bin/chromium'])[0]!.source).toBe('/usr/bin/chromium');
  });

  it('with CHROMIUM_SOURCE=npm tries only the npm-shipped Chromium, as a machine without a system browser would', () => {
    const list = candidates({ CHROMIUM_SOURCE: 'npm', CHROMIUM_PATH: '/opt/my/chrome' }, ['/usr/bin/chromium']).map((c) => c.source);
    expect(list).toEqual(['the npm package @sparticuz/chromium']);
  });

  it('skips a missing or non-executable candidate and, with nothing usable, fails saying what to install', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'find-browser-'));
    const notExecutable = join(dir, 'chromium');
    writeFileSync(notExecutable, '#!/bin/sh\n');
    chmodSync(notExecutable, 0o644);
    const broken: Candidate = { source: 'a package that cannot unpack', path: async () => Promise.reject(new Error('cannot unpack')), args: async () => [] };

    const attempt = launchBrowser({}, [at(join(dir, 'missing')), at(notExecutable), broken]);

    await expect(attempt).rejects.toThrow(NO_BROWSER_HELP);
    await expect(attempt).rejects.toThrow(/missing[\s\S]*not executable[\s\S]*cannot unpack/);
    await expect(attempt).rejects.toThrow(/apt-get install -y chromium/);
  });

  it('skips a candidate that is executable but does not start, and names why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'find-browser-'));
    const fake = join(dir, 'chrome');
    writeFileSync(fake, '#!/bin/sh\nexit 1\n');
    chmodSync(fake, 0o755);

    await expect(launchBrowser({ timeout: 5_000 }, [at(fake)])).rejects.toThrow(/failed to start/);
  });
});
