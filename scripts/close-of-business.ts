/** `npm run close-of-business`: run the daily job now against the dev server's database (the dev server also runs it hourly). */
import '../dev/env.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadMotherKey } from '../shared/store/mother-key.ts';
import { closeOfBusiness } from '../shared/usecases/close-of-business.ts';

const state = join(resolve(process.env.LOCAL_STATE_DIR ?? join(import.meta.dirname, '..', '.local')), 'endpoint.json');
if (!process.env.RECORDS_TABLE && existsSync(state)) Object.assign(process.env, JSON.parse(readFileSync(state, 'utf8')));
// with MOTHER_KEY_SECRET_ARN (against AWS) the HMAC key comes from Secrets Manager first
await loadMotherKey();
console.log(await closeOfBusiness());
