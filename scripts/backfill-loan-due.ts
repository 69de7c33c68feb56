/**
 * `npx tsx scripts/backfill-loan-due.ts [--apply]` (`npm run backfill-loan-due`): gives every
 * loan out with a balance that was paid out before the reminder run selected by due date its
 * pointer (`scripts/lib/backfill-loan-due.ts`), so the morning run reminds its mother. Without
 * `--apply` it only counts. Run it once right after deploying the change (until then such a
 * loan gets no reminder), and once more after the deployment that puts pointers with their
 * expiry (every pointer of a loan out is rewritten with it; docs/operations.md); safe to run
 * again. Locally it finds DynamoDB Local like
 * `npm run reconcile` does (`LOCAL_STATE_DIR` honoured).
 */
import '../dev/env.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backfillLoanDue } from './lib/backfill-loan-due.ts';

const state = join(resolve(process.env.LOCAL_STATE_DIR ?? join(import.meta.dirname, '..', '.local')), 'endpoint.json');
if (!process.env.RECORDS_TABLE && existsSync(state)) Object.assign(process.env, JSON.parse(readFileSync(state, 'utf8')));
if (!process.env.RECORDS_TABLE) {
  console.error('Start `npm run dev` first (or set RECORDS_TABLE and AWS credentials).');
  process.exit(2);
}
const { values } = parseArgs({ options: { apply: { type: 'boolean', default: false } } });
const counts = await backfillLoanDue({ dryRun: !values.apply });
console.log(`${values.apply ? 'Wrote' : 'Would write'} the reminder-run pointer of ${counts.written} loan(s) out with a balance; ${counts.skipped} listed out with nothing to remind of.`);
