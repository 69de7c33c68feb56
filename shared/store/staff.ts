/**
 * The staff directory. A person's record is keyed by sign-in name (`STAFF#{username}`, a label
 * the administrator sets); small pointer items find it by id (`STAFFID#{id}`) and by the
 * identity provider's subject (`STAFFSUB#{sub}`: how every request finds its caller, two
 * GetItems, cached). The whole directory shares one byScope partition (`STAFF`) sorted by
 * office path, so "the staff of an office's subtree" is one Query with `begins_with`.
 */
import { Conflict } from '../domain/errors.ts';
import { isWithin } from '../domain/offices.ts';
import { normalizeUsername, type StaffMember } from '../domain/staff.ts';
import { INDEX, keys } from './keys.ts';
import { getRecord, queryEvery, strip } from './records.ts';
import type { Transaction } from './transaction.ts';

export const STAFF_PARTITION = 'STAFF';

const scopeOf = (s: Pick<StaffMember, 'officeId' | 'username'>) => ({ scopePk: STAFF_PARTITION, scopeSk: `${s.officeId}#${normalizeUsername(s.username)}` });

export const getStaffByUsername = (username: string) => getRecord<StaffMember>(keys.staff(username));

/** The person a token's subject (`sub`) belongs to, if the directory binds it to anyone. */
export async function getStaffBySubject(subject: string): Promise<StaffMember | undefined> {
  const pointer = await getRecord<{ username: string }>(keys.staffSubject(subject));
  const staff = pointer ? await getStaffByUsername(pointer.username) : undefined;
  return staff?.subject === subject ? staff : undefined;
}

export async function getStaffById(id: string): Promise<StaffMember | undefined> {
  const pointer = await getRecord<{ username: string }>(keys.staffId(id));
  return pointer ? getStaffByUsername(pointer.username) : undefined;
}

/** Everyone whose office lies in `officeId`'s subtree (everyone when undefined), by office then username. */
export async function staffInSubtree(officeId: string | undefined): Promise<StaffMember[]> {
  const items = await queryEvery(
    officeId === undefined
      ? { IndexName: INDEX.byScope, KeyConditionExpression: 'scopePk = :pk', ExpressionAttributeValues: { ':pk': STAFF_PARTITION } }
      : { IndexName: INDEX.byScope, KeyConditionExpression: 'scopePk = :pk AND begins_with(scopeSk, :office)', ExpressionAttributeValues: { ':pk': STAFF_PARTITION, ':office': officeId } },
  );
  return items.map((i) => strip<StaffMember>(i)).filter((s) => officeId === undefined || isWithin(s.officeId, officeId));
}

export function stageNewStaff(tx: Transaction, staff: StaffMember): void {
  const taken = () => new Conflict(`username ${staff.username} is already in the staff directory`, 'username_taken');
  tx.create({ ...keys.staff(staff.username), type: 'STAFF', ...scopeOf(staff), ...staff }, taken);
  tx.create({ ...keys.staffId(staff.id), type: 'STAFFID', username: normalizeUsername(staff.username) }, taken);
  if (staff.subject) stageSubjectPointer(tx, staff, staff.subject);
}

function stageSubjectPointer(tx: Transaction, staff: StaffMember, subject: string): void {
  tx.create(
    { ...keys.staffSubject(subject), type: 'STAFFSUB', username: normalizeUsername(staff.username) },
    () => new Conflict(`subject ${subject} already belongs to another person in the staff directory`, 'subject_taken'),
  );
}

/** Binds a record to its sign-in identity (a record from before subjects, `scripts/bind-subjects.ts`); a subject bound to someone else is refused. */
export function stageStaffSubject(tx: Transaction, staff: StaffMember, subject: string, issuer: string | undefined, at: string): StaffMember {
  const next: StaffMember = { ...staff, subject, ...(issuer ? { issuer } : {}), updatedAt: at, version: staff.version + 1 };
  stageStaffUpdate(tx, next, staff.version);
  stageSubjectPointer(tx, staff, subject);
  return next;
}

export function stageStaffUpdate(tx: Transaction, staff: StaffMember, expectedVersion: number): void {
  tx.replace({ ...keys.staff(staff.username), type: 'STAFF', ...scopeOf(staff), ...staff }, expectedVersion);
}
