/**
 * `npm run test:node24`: the unit and integration layers again, on Node 24 (Lambda's
 * runtime, nodejs24.x), so a Node 24 difference fails before a deploy. Vitest itself runs on
 * the Node 24 binary (test/artifacts/support/node24.ts installs it from the npm registry on
 * first use), and so do its workers. Extra arguments go to vitest (e.g. a test file).
 */
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { NODE24_VERSION, node24Binary } from '../test/artifacts/support/node24.ts';

const root = resolve(import.meta.dirname, '..');
const node = node24Binary();
const args = process.argv.slice(2);
const projects = args.some((a) => a.startsWith('--project')) ? [] : ['--project', 'unit', '--project', 'integration'];
console.log(`test:node24: vitest on Node ${NODE24_VERSION} (${node})`);
const run = spawnSync(node, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...projects, ...args], {
  cwd: root,
  stdio: 'inherit',
  // child processes that call `node` (scripts the tests start) get Node 24 too
  env: { ...process.env, PATH: `${dirname(node)}:${process.env.PATH ?? ''}` },
});
process.exit(run.status ?? 1);
