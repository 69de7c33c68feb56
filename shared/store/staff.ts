/**
 * The staff directory. A person's record is keyed by sign-in name (`STAFF#{username}`), so
 * resolving the caller of a request is one GetItem; a small pointer item (`STAFFID#{id}`)
 * finds it by id. The whole directory shares one byScope partition (`STAFF`) sorted by
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
}

export function stageStaffUpdate(tx: Transaction, staff: StaffMember, expectedVersion: number): void {
  tx.replace({ ...keys.staff(staff.username), type: 'STAFF', ...scopeOf(staff), ...staff }, expectedVersion);
}
