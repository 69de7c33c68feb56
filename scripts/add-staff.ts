/**
 * `npm run staff:add -- --username cuo --displayName "组委会 · 措姆" --role committee --officeId lhasa --officeName 拉萨市幸福工程组委会 [--email …] [--subject …]`
 *
 * `--subject`: her subject (`sub`) at an external OIDC provider, which the directory knows her
 * by (with Cognito the pool's answer is used; locally the username).
 *
 * Puts the first administrators into the staff directory, before anyone can sign in to do it
 * in the app (after that, the committee adds district staff and district offices add their
 * own staff with `POST /staff` or the 人员 page). Creates the office if it is missing (a
 * committee office needs --officeName). With USER_POOL_ID set (identity=cognito: the stack's
 * UserPoolId output) it also creates the Cognito user, which is e-mailed a temporary password.
 *
 * Runs against the local database of `npm run dev` (.local/endpoint.json, or LOCAL_STATE_DIR)
 * or, with AWS credentials and RECORDS_TABLE set (the stack's table name), against AWS.
 */
import '../dev/env.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ulid } from 'ulid';
import { levelOf, parentOf } from '../shared/domain/offices.ts';
import { StaffInput } from '../shared/domain/schemas/staff.ts';
import { withSubject, type StaffMember } from '../shared/domain/staff.ts';
import { ROLE_LEVEL } from '../shared/domain/roles.ts';
import { identityAdmin } from '../shared/identity/admin.ts';
import { getOffice, stageNewOffice } from '../shared/store/offices.ts';
import { getStaffByUsername, stageNewStaff } from '../shared/store/staff.ts';
import { Transaction } from '../shared/store/transaction.ts';

const stateDir = resolve(process.env.LOCAL_STATE_DIR ?? join(resolve(import.meta.dirname, '..'), '.local'));
const state = join(stateDir, 'endpoint.json');
if (!process.env.RECORDS_TABLE && existsSync(state)) Object.assign(process.env, JSON.parse(readFileSync(state, 'utf8')));
if (!process.env.RECORDS_TABLE) {
  console.error('Set RECORDS_TABLE (and AWS credentials), or start `npm run dev` first.');
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    username: { type: 'string' },
    displayName: { type: 'string' },
    displayNameBo: { type: 'string' },
    role: { type: 'string' },
    officeId: { type: 'string' },
    officeName: { type: 'string' },
    email: { type: 'string' },
    subject: { type: 'string' },
  },
});
const { officeName, ...rest } = values;
const parsed = StaffInput.safeParse(Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)));
if (!parsed.success) {
  console.error(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
  process.exit(2);
}
const input = parsed.data;
if (levelOf(input.officeId) !== ROLE_LEVEL[input.role]) {
  console.error(`--officeId must be a ${ROLE_LEVEL[input.role]} office for role ${input.role}`);
  process.exit(2);
}
if (await getStaffByUsername(input.username)) {
  console.error(`${input.username} is already in the staff directory`);
  process.exit(1);
}
const tx = new Transaction();
if (!(await getOffice(input.officeId))) {
  const parentId = parentOf(input.officeId);
  if (parentId && !(await getOffice(parentId))) {
    console.error(`office ${input.officeId} does not exist, nor its parent ${parentId}: add the offices above it first`);
    process.exit(1);
  }
  if (!officeName) {
    console.error(`office ${input.officeId} does not exist: give --officeName to create it`);
    process.exit(1);
  }
  stageNewOffice(tx, { id: input.officeId, level: levelOf(input.officeId), name: officeName, ...(parentId ? { parentId } : {}) });
}
const at = new Date().toISOString();
const placed: StaffMember = { id: ulid(), ...input, active: true, createdAt: at, updatedAt: at, version: 1 };
// she signs in as the subject given (--subject), or the one the user pool gave her, or (local provider) her username
const staff = withSubject(placed, input.subject, await identityAdmin().createUser(placed));
stageNewStaff(tx, staff);
await tx.commit(undefined);
console.log(`Added ${staff.displayName} (${staff.username}), ${staff.role} of ${staff.officeId}${identityAdmin().kind === 'cognito' ? '; the user pool e-mailed the temporary password' : ''}.`);
