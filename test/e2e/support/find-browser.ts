/**
 * Finds a Chromium for the browser tests, in this order: `CHROMIUM_PATH`, the system's
 * Chromium or Chrome, then the Chromium shipped inside the `@sparticuz/chromium` npm
 * package (unpacked to the temp folder on first use). A candidate that is missing or not
 * executable is skipped, one that fails to start is skipped with its error kept; when none
 * works the error says what to install. Never skips the tests silently.
 */
import { accessSync, constants, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** Flags for a closed network: without them Chromium keeps trying to reach Google's hosts. */
export const QUIET_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/lib/chromium/chromium',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
];

export interface Candidate {
  source: string;
  path: () => Promise<string>;
  args: () => Promise<string[]>;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The npm-shipped Chromium reads fonts only from its own fontconfig folders; point it at a
 * configuration that adds the system's font folders, so CJK and Tibetan system fonts are
 * used when installed (the web app also ships its own web fonts).
 */
function fontconfigWithSystemFonts(): void {
  if (process.env.FONTCONFIG_PATH) return;
  const dir = join(tmpdir(), 'hp-fontconfig');
  mkdirSync(dir, { recursive: true });
  const folders = ['/usr/share/fonts', '/usr/local/share/fonts', join(tmpdir(), 'fonts')].map((d) => `  <dir>${d}</dir>`).join('\n');
  writeFileSync(
    join(dir, 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n${folders}\n  <cachedir>${join(tmpdir(), 'hp-fontconfig-cache')}</cachedir>\n</fontconfig>\n`,
  );
  process.env.FONTCONFIG_PATH = dir;
}

/**
 * The candidates in the order tried. `CHROMIUM_SOURCE=npm` tries only the npm-shipped Chromium,
 * as on a fresh machine without a system browser (to check the tests pass with it too).
 */
export function candidates(env: NodeJS.ProcessEnv = process.env, system: string[] = SYSTEM_BROWSERS): Candidate[] {
  const list: Candidate[] = [];
  const packagedOnly = env.CHROMIUM_SOURCE === 'npm';
  if (env.CHROMIUM_PATH && !packagedOnly) list.push({ source: `CHROMIUM_PATH (${env.CHROMIUM_PATH})`, path: async () => env.CHROMIUM_PATH!, args: async () => QUIET_FLAGS });
  if (!packagedOnly) for (const path of system) list.push({ source: path, path: async () => path, args: async () => QUIET_FLAGS });
  list.push({
    source: 'the npm package @sparticuz/chromium',
    path: async () => {
      fontconfigWithSystemFonts();
      const { default: packaged } = await import('@sparticuz/chromium');
      return packaged.executablePath();
    },
    args: async () => {
      const { default: packaged } = await import('@sparticuz/chromium');
      // one process per page is sturdier for several contexts at once than the Lambda-oriented --single-process
      return [...new Set([...packaged.args.filter((a) => a !== '--single-process'), ...QUIET_FLAGS])];
    },
  });
  return list;
}

export const NO_BROWSER_HELP =
  'No usable Chromium for the browser tests. Install one of: Debian/Ubuntu `apt-get install -y chromium fonts-wqy-microhei fonts-noto-core`; ' +
  'or set CHROMIUM_PATH to a Chromium/Chrome executable; or run `npm ci` so the npm package @sparticuz/chromium is present.';

/** Launches the first candidate that exists, is executable and starts. */
export async function launchBrowser(options: LaunchOptions = {}, list: Candidate[] = candidates()): Promise<{ browser: Browser; source: string }> {
  const tried: string[] = [];
  for (const candidate of list) {
    let path: string;
    try {
      path = await candidate.path();
    } catch (error) {
      tried.push(`${candidate.source}: ${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    if (!existsSync(path)) {
      tried.push(`${candidate.source}: missing`);
      continue;
    }
    if (!executable(path)) {
      tried.push(`${candidate.source}: not executable`);
      continue;
    }
    try {
      const browser = await chromium.launch({ headless: true, ...options, executablePath: path, args: await candidate.args() });
      return { browser, source: candidate.source };
    } catch (error) {
      tried.push(`${candidate.source}: failed to start (${(error as Error).message.split('\n')[0]})`);
    }
  }
  throw new Error(`${NO_BROWSER_HELP}\nTried:\n  ${tried.join('\n  ')}`);
}
