/**
 * `npx tsx scripts/backfill-receipts.ts [--dry-run]`: gives the receipt records written by
 * ledger imports their loan's village and the date recorded (`scripts/lib/backfill-receipts.ts`).
 * Safe to run again. Locally it finds DynamoDB Local like `npm run reconcile` does.
 */
import '../dev/env.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { backfillReceipts } from './lib/backfill-receipts.ts';

const state = join(resolve(process.env.LOCAL_STATE_DIR ?? join(import.meta.dirname, '..', '.local')), 'endpoint.json');
if (!process.env.RECORDS_TABLE && existsSync(state)) Object.assign(process.env, JSON.parse(readFileSync(state, 'utf8')));
if (!process.env.RECORDS_TABLE) {
  console.error('Start `npm run dev` first (or set RECORDS_TABLE and AWS credentials).');
  process.exit(2);
}
const dryRun = process.argv.includes('--dry-run');
const counts = await backfillReceipts({ dryRun });
console.log(`${dryRun ? 'Would fill' : 'Filled'} ${counts.filled} receipt record(s) with their office and date.`);
if (counts.orphaned) console.log(`${counts.orphaned} receipt record(s) name a loan that is not found; left as they are.`);
