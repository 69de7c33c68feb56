/** `npm run retention`: run the daily retention job now against the dev server's database (or, with RECORDS_TABLE and credentials, against AWS). */
import '../dev/env.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadMotherKey } from '../shared/store/mother-key.ts';
import { runRetention } from '../shared/usecases/retention.ts';

const state = join(resolve(process.env.LOCAL_STATE_DIR ?? join(import.meta.dirname, '..', '.local')), 'endpoint.json');
if (!process.env.RECORDS_TABLE && existsSync(state)) Object.assign(process.env, JSON.parse(readFileSync(state, 'utf8')));
// a mother is found by her resident ID's keyed hash: the HMAC key first
await loadMotherKey();
console.log(await runRetention());
