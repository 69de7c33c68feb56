/**
 * `npx tsx scripts/bind-subjects.ts --from cognito|username|<file.csv> [--apply]`: binds every
 * staff record written before the directory keyed people on their sign-in subject (`sub`) to
 * that subject, so its person can sign in again (what each source means:
 * `scripts/lib/bind-subjects.ts`). Without `--apply` it only counts. `--from cognito` needs
 * USER_POOL_ID (the stack's UserPoolId output); a file holds `username,subject` lines exported
 * from an external OIDC provider; `username` is for the local provider only.
 *
 * Run it right after deploying the change, before people sign in (until then a person whose
 * record has no subject is refused with 403 staff_unknown). Safe to run again.
 * Locally it finds DynamoDB Local like `npm run reconcile` does (`LOCAL_STATE_DIR` honoured).
 */
import '../dev/env.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bindSubjects, subjectIsUsername, subjectsFromCognito, subjectsFromFile, type SubjectOf } from './lib/bind-subjects.ts';

const state = join(resolve(process.env.LOCAL_STATE_DIR ?? join(import.meta.dirname, '..', '.local')), 'endpoint.json');
if (!process.env.RECORDS_TABLE && existsSync(state)) Object.assign(process.env, JSON.parse(readFileSync(state, 'utf8')));
if (!process.env.RECORDS_TABLE) {
  console.error('Start `npm run dev` first (or set RECORDS_TABLE and AWS credentials).');
  process.exit(2);
}
const { values } = parseArgs({ options: { from: { type: 'string' }, apply: { type: 'boolean', default: false } } });
let subjectOf: SubjectOf;
if (values.from === 'cognito') {
  if (!process.env.USER_POOL_ID) {
    console.error('--from cognito needs USER_POOL_ID (the stack’s UserPoolId output).');
    process.exit(2);
  }
  subjectOf = subjectsFromCognito(process.env.USER_POOL_ID);
} else if (values.from === 'username') subjectOf = subjectIsUsername;
else if (values.from && existsSync(values.from)) subjectOf = subjectsFromFile(readFileSync(values.from, 'utf8'));
else {
  console.error('--from must be cognito, username, or a file of username,subject lines.');
  process.exit(2);
}
const counts = await bindSubjects({ subjectOf, dryRun: !values.apply });
console.log(`${values.apply ? 'Bound' : 'Would bind'} ${counts.bound} staff record(s) to their sign-in subject; ${counts.already} bound already.`);
if (counts.unbound.length) console.log(`Left unbound (no subject in the source, or it is someone else's): ${counts.unbound.join(', ')}. They cannot sign in until bound.`);
