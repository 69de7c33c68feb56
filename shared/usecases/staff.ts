/**
 * The staff directory's use cases: administrators add, list, move and deactivate the people
 * of their own offices. Role and office of every request come from here (`callerFrom`).
 */
import { NotFound, ValidationFailed } from '../domain/errors.ts';
import { ancestorAt } from '../domain/offices.ts';
import { assertMayManage, placementChanges, roleFitsOffice, withSubject, type StaffChange, type StaffMember } from '../domain/staff.ts';
import type { StaffInput, StaffPatch } from '../domain/schemas/staff.ts';
import { ROLE_LEVEL } from '../domain/roles.ts';
import { forgetCachedStaff } from '../http/auth.ts';
import { identityAdmin, type IdentityAdmin } from '../identity/admin.ts';
import { getOffice } from '../store/offices.ts';
import { getStaffById, getStaffBySubject, getStaffByUsername, stageNewStaff, stageStaffUpdate, staffInSubtree } from '../store/staff.ts';
import { Transaction } from '../store/transaction.ts';
import { stageException } from '../store/exceptions.ts';
import { actorOf, newId, type Context } from './context.ts';

/** The exceptions-report item of a staff change (in the district of her office; a move across districts is listed in both). */
function stageStaffException(ctx: Context, tx: Transaction, staff: StaffMember, change: StaffChange, before?: StaffMember): void {
  const districts = new Set([staff.officeId, ...(before && change === 'moved' ? [before.officeId] : [])].map((o) => ancestorAt(o, 'district') ?? o));
  for (const districtId of districts)
    stageException(tx, {
      id: newId(),
      kind: 'staff_changed',
      date: ctx.today,
      at: ctx.now.toISOString(),
      districtId,
      officeId: staff.officeId,
      recordType: 'staff',
      recordId: staff.id,
      actor: actorOf(ctx.caller),
      summary: `staff ${staff.username} ${change.replace('_', ' ')} by ${ctx.caller.username}`,
      data: {
        change,
        username: staff.username,
        displayName: staff.displayName,
        role: staff.role,
        officeId: staff.officeId,
        ...(before && change === 'moved' ? { fromOfficeId: before.officeId } : {}),
        ...(before && change === 'role_changed' ? { fromRole: before.role } : {}),
      },
    });
}

async function assertPlacement(role: StaffMember['role'], officeId: string, field: string): Promise<void> {
  if (!roleFitsOffice(role, officeId)) throw new ValidationFailed(`must be a ${ROLE_LEVEL[role]} office for role ${role}, not ${officeId}`, field);
  if (!(await getOffice(officeId))) throw new ValidationFailed(`names office ${officeId}, which does not exist`, field);
}

/**
 * addStaff: an administrator adds a person to the directory.
 * 1. the caller may manage the role, and the office lies in the caller's subtree;
 * 2. the office exists and is at the role's level;
 * 3. the username is not in the directory yet, nor the subject given;
 * 4. the identity provider gets the user (Cognito: AdminCreateUser, the pool sends the temporary password);
 * 5. the record is keyed for sign-in on the subject (`sub`): the one given, else the one the
 *    provider answered (Cognito's new user, with the pool's issuer), else the username (the
 *    local provider's subject; with another provider the administrator gives the subject);
 *    a username decides nothing at sign-in;
 * 6. the record (naming who created it: for four eyes the account counts as that person for
 *    `accountOwnerDays`) and its id pointer are written together (a second writer of the same
 *    username gets 409 username_taken), with an exceptions-report item naming who did it.
 */
export async function addStaff(ctx: Context, input: StaffInput, admin: IdentityAdmin = identityAdmin()): Promise<StaffMember> {
  assertMayManage(ctx.caller, input);
  await assertPlacement(input.role, input.officeId, 'officeId');
  if (await getStaffByUsername(input.username)) throw new ValidationFailed(`${input.username} is already in the staff directory`, 'username');
  if (input.subject && (await getStaffBySubject(input.subject)))
    throw new ValidationFailed(`subject ${input.subject} already belongs to another person in the staff directory`, 'subject', { rule: 'subject_taken' });
  const at = ctx.now.toISOString();
  const placed: StaffMember = {
    id: newId(),
    username: input.username,
    displayName: input.displayName,
    ...(input.displayNameBo ? { displayNameBo: input.displayNameBo } : {}),
    role: input.role,
    officeId: input.officeId,
    active: true,
    ...(input.email ? { email: input.email } : {}),
    createdAt: at,
    createdBy: actorOf(ctx.caller),
    placed: { by: actorOf(ctx.caller), at, change: 'created' },
    updatedAt: at,
    version: 1,
  };
  const provided = await admin.createUser(placed);
  const staff = withSubject(placed, input.subject, provided);
  const tx = new Transaction();
  stageNewStaff(tx, staff);
  stageStaffException(ctx, tx, staff, 'created');
  const saved = await tx.commit(staff, ctx.idempotency);
  forgetCachedStaff(staff.username);
  return saved;
}

/** The people of the caller's subtree (administrators only), by office. */
export async function listStaff(ctx: Context): Promise<{ items: StaffMember[] }> {
  return { items: await staffInSubtree(ctx.caller.officeId) };
}

/**
 * updateStaff: move, rename, change the role of, deactivate or reactivate a person.
 * 1. the person exists and the caller may manage her as she is now;
 * 2. and as she will be (new role and office, also in the caller's subtree, at the role's level);
 * 3. the identity provider follows a change of `active` (Cognito: disable / enable the user);
 * 4. a move, a role change or a re-activation places the account anew (`placed`: for four
 *    eyes it counts as the caller for `accountOwnerDays`) and is listed in the exceptions report;
 * 5. the record is replaced if nobody changed it meanwhile; the directory cache forgets her,
 *    so her next request already sees the change.
 */
export async function updateStaff(ctx: Context, id: string, patch: StaffPatch, admin: IdentityAdmin = identityAdmin()): Promise<StaffMember> {
  const current = await getStaffById(id);
  if (!current) throw new NotFound('staff member', id);
  assertMayManage(ctx.caller, current);
  const at = ctx.now.toISOString();
  const patched: StaffMember = { ...current, ...patch, updatedAt: at, version: current.version + 1 };
  const changes = placementChanges(current, patched);
  const next: StaffMember = changes.length ? { ...patched, placed: { by: actorOf(ctx.caller), at, change: changes[0]! } } : patched;
  if (patch.role !== undefined || patch.officeId !== undefined) {
    assertMayManage(ctx.caller, next);
    await assertPlacement(next.role, next.officeId, patch.officeId !== undefined ? 'officeId' : 'role');
  }
  if (patch.active !== undefined && patch.active !== current.active) await admin.setEnabled(current.username, patch.active);
  const tx = new Transaction();
  stageStaffUpdate(tx, next, current.version);
  for (const change of changes) stageStaffException(ctx, tx, next, change, current);
  const saved = await tx.commit(next, ctx.idempotency);
  forgetCachedStaff(next.username);
  return saved;
}
