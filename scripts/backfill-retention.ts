/**
 * `npx tsx scripts/backfill-retention.ts [--dry-run]`: gives every loan repaid or written off
 * before the retention job existed its work-list entry (`scripts/lib/backfill-retention.ts`),
 * so the job anonymises its mother when her retention period ends. Run once after deploying
 * the retention job; safe to run again. Locally it finds DynamoDB Local like `npm run reconcile` does.
 */
import '../dev/env.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { backfillRetention } from './lib/backfill-retention.ts';

const state = join(resolve(process.env.LOCAL_STATE_DIR ?? join(import.meta.dirname, '..', '.local')), 'endpoint.json');
if (!process.env.RECORDS_TABLE && existsSync(state)) Object.assign(process.env, JSON.parse(readFileSync(state, 'utf8')));
if (!process.env.RECORDS_TABLE) {
  console.error('Start `npm run dev` first (or set RECORDS_TABLE and AWS credentials).');
  process.exit(2);
}
const dryRun = process.argv.includes('--dry-run');
const counts = await backfillRetention({ dryRun });
console.log(`${dryRun ? 'Would write' : 'Wrote'} the retention entry of ${counts.written} closed loan(s); ${counts.anonymised} already anonymised.`);
