/**
 * `npx tsx scripts/fold-aggregates.ts [--apply] [--district=ID]`: moves the report aggregates of
 * the old layout (one partition per township, round and year group) into their district's items
 * (`scripts/lib/fold-aggregates.ts`). Without `--apply` it only counts what it would move. Run it
 * right after deploying the code that reads the new layout (docs/operations.md, "Folding the report
 * aggregates"); safe to run again. Locally it finds DynamoDB Local like `npm run reconcile` does.
 */
import '../dev/env.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { foldAggregates } from './lib/fold-aggregates.ts';

const state = join(resolve(process.env.LOCAL_STATE_DIR ?? join(import.meta.dirname, '..', '.local')), 'endpoint.json');
if (!process.env.RECORDS_TABLE && existsSync(state)) Object.assign(process.env, JSON.parse(readFileSync(state, 'utf8')));
if (!process.env.RECORDS_TABLE) {
  console.error('Start `npm run dev` first (or set RECORDS_TABLE and AWS credentials).');
  process.exit(2);
}
const apply = process.argv.includes('--apply');
const district = process.argv.find((a) => a.startsWith('--district='))?.slice('--district='.length);
const counts = await foldAggregates({ dryRun: !apply, ...(district ? { districtIds: [district] } : {}) });
console.log(
  `${apply ? 'Moved' : 'Would move (dry run; --apply to write)'} from ${counts.groups} old group partition(s): ${counts.counters} day/month item(s), ${counts.markers} first-seen marker(s), ${counts.doubleCounted} of them counted twice meanwhile (corrected).`,
);
