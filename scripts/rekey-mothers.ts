/**
 * `npx tsx scripts/rekey-mothers.ts [--dry-run]`: re-keys every record that holds a mother
 * key, from the old key to the current one (`scripts/lib/rekey-mothers.ts` says what moves),
 * then re-derives the ids that come from a mother (ledger loans, imported applications, their
 * repayments) from the keyed mother id (`scripts/lib/rekey-ids.ts`).
 *
 * The old key: `OLD_MOTHER_KEY=<key>` (a previous HMAC key), or nothing for the unkeyed
 * SHA-256 of before. The new key: `MOTHER_KEY`, the secret in `MOTHER_KEY_SECRET_ARN`, or
 * `.local/mother-key`. Run it with the API stopped (a maintenance window): it reads the whole
 * table and is safe to run again (what is re-keyed is skipped).
 * Locally it finds DynamoDB Local like `npm run reconcile` does (`LOCAL_STATE_DIR` honoured).
 */
import '../dev/env.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadMotherKey } from '../shared/store/mother-key.ts';
import { oldMotherKeyOf, rekeyMothers } from './lib/rekey-mothers.ts';
import { rekeyDerivedIds } from './lib/rekey-ids.ts';

const state = join(resolve(process.env.LOCAL_STATE_DIR ?? join(import.meta.dirname, '..', '.local')), 'endpoint.json');
if (!process.env.RECORDS_TABLE && existsSync(state)) Object.assign(process.env, JSON.parse(readFileSync(state, 'utf8')));
if (!process.env.RECORDS_TABLE) {
  console.error('Start `npm run dev` first (or set RECORDS_TABLE and AWS credentials).');
  process.exit(2);
}
const dryRun = process.argv.includes('--dry-run');
await loadMotherKey();
const counts = await rekeyMothers({ oldMotherKey: oldMotherKeyOf(process.env.OLD_MOTHER_KEY), dryRun });
console.log(`${dryRun ? 'Would re-key' : 'Re-keyed'} ${counts.cases} application/loan index key(s), ${counts.mothers} mother item(s), ${counts.markers} first-mother report marker(s).`);
const ids = await rekeyDerivedIds({ oldMotherKey: oldMotherKeyOf(process.env.OLD_MOTHER_KEY), dryRun });
console.log(`${dryRun ? 'Would re-derive' : 'Re-derived'} ${ids.ids} loan/application/repayment id(s) from the keyed mother id, in ${ids.items} item(s).`);
if (counts.unknown) console.log(`${counts.unknown} mother item(s) matched no application or loan under either key; left as they are.`);
