/**
 * `npx tsx scripts/move-case-keys.ts copy|move [--apply]`: gives the applications and loans written
 * before casesByScope / casesByRound existed their keys there (`scripts/lib/move-case-keys.ts`;
 * the steps: docs/operations.md, "Changing an index"). Without `--apply` it only counts. Locally it
 * finds DynamoDB Local like `npm run reconcile` does (`LOCAL_STATE_DIR` honoured).
 */
import '../dev/env.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { moveCaseKeys } from './lib/move-case-keys.ts';

const state = join(resolve(process.env.LOCAL_STATE_DIR ?? join(import.meta.dirname, '..', '.local')), 'endpoint.json');
if (!process.env.RECORDS_TABLE && existsSync(state)) Object.assign(process.env, JSON.parse(readFileSync(state, 'utf8')));
if (!process.env.RECORDS_TABLE) {
  console.error('Start `npm run dev` first (or set RECORDS_TABLE and AWS credentials).');
  process.exit(2);
}
const { values, positionals } = parseArgs({ allowPositionals: true, options: { apply: { type: 'boolean', default: false } } });
const mode = positionals[0];
if (mode !== 'copy' && mode !== 'move') {
  console.error('Say `copy` (before deploying the release that reads casesByScope / casesByRound) or `move` (right after it).');
  process.exit(2);
}
const counts = await moveCaseKeys({ mode, dryRun: !values.apply });
console.log(
  `${values.apply ? (mode === 'copy' ? 'Copied' : 'Moved') : 'Would give'} the new list keys ${values.apply ? 'of' : 'to'} ${counts.moved} application(s) and loan(s); ${counts.changedMeanwhile} written meanwhile, left as written.`,
);
