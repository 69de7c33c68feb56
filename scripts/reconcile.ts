/**
 * `npm run reconcile`: recompute every aggregate from the raw records and report any
 * difference (there must be none). Runs against the dev server's DynamoDB Local (from
 * $LOCAL_STATE_DIR/endpoint.json, by default .local/endpoint.json) or, with AWS credentials and RECORDS_TABLE set, against AWS.
 */
import '../dev/env.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { reconcile } from './reconcile-lib.ts';

// the dev server's state directory: LOCAL_STATE_DIR when it was started with one, else .local/
const state = join(resolve(process.env.LOCAL_STATE_DIR ?? join(import.meta.dirname, '..', '.local')), 'endpoint.json');
if (!process.env.RECORDS_TABLE && existsSync(state)) Object.assign(process.env, JSON.parse(readFileSync(state, 'utf8')));
if (!process.env.RECORDS_TABLE) {
  console.error('Start `npm run dev` first (or set RECORDS_TABLE and AWS credentials).');
  process.exit(2);
}
const started = Date.now();
const { differences, loans, aggregateItems } = await reconcile();
console.log(`Recomputed ${aggregateItems} aggregate day items from ${loans} loans in ${Date.now() - started} ms.`);
if (differences.length === 0) console.log('No differences: every fen is where the aggregates say.');
else {
  console.log(`${differences.length} difference(s):`);
  for (const d of differences) console.log(`  ${d.item}  ${d.field}: expected ${d.expected}, found ${d.actual}`);
  process.exit(1);
}
