/** Which partitions and office prefix a list request reads, from the caller's place in the hierarchy. */
import { Forbidden, NotFound, ValidationFailed } from '../domain/errors.ts';
import { getRound } from '../store/rounds.ts';
import { ancestorAt, isWithin, levelOf } from '../domain/offices.ts';
import { canSeeOffice, type Caller } from '../domain/roles.ts';
import { officeSubtree } from '../store/offices.ts';

/** The districts a list covers: the caller's own, or for the committee every district (or the one asked for). */
export async function districtsFor(caller: Caller, districtId?: string): Promise<string[]> {
  if (districtId) {
    if (levelOf(districtId) !== 'district') throw new ValidationFailed('must be a district office id', 'districtId', { rule: 'office_level', params: { levels: ['district'] } });
    if (!canSeeOffice(caller, districtId)) throw new Forbidden(`district ${districtId} is outside your office ${caller.officeId}`);
    return [districtId];
  }
  const own = ancestorAt(caller.officeId, 'district');
  if (own) return [own];
  const offices = await officeSubtree(caller.officeId);
  return offices.filter((o) => o.level === 'district').map((o) => o.id);
}

/** Below the district level a caller sees only its own subtree: the prefix its records' office ids start with. */
export function officePrefixFor(caller: Caller): string | undefined {
  const level = levelOf(caller.officeId);
  return level === 'township' || level === 'village' ? `${caller.officeId}.` : undefined;
}

export function assertSeesRecordOf(caller: Caller, officeId: string, what: string): void {
  if (!isWithin(officeId, caller.officeId)) throw new Forbidden(`this ${what} belongs to ${officeId}, outside your office ${caller.officeId}`);
}

/** A list asked for by round: the round must be visible, and agree with districtId when both are given. */
export async function assertRoundFilter(caller: Caller, round: { id: string; districtId: string }, districtId?: string): Promise<void> {
  if (districtId && districtId !== round.districtId)
    throw new ValidationFailed(`names district ${districtId}, but round ${round.id} belongs to ${round.districtId}`, 'districtId', { rule: 'district_round_mismatch' });
  await districtsFor(caller, round.districtId);
}

/** Which records a list reads: one round's (after checking the caller may see it), or those of the caller's districts. */
export async function listScope(caller: Caller, q: { roundId?: string; districtId?: string }): Promise<{ roundId: string } | { districtIds: string[] }> {
  if (!q.roundId) return { districtIds: await districtsFor(caller, q.districtId) };
  const round = await getRound(q.roundId);
  if (!round) throw new NotFound('round', q.roundId);
  await assertRoundFilter(caller, round, q.districtId);
  return { roundId: q.roundId };
}
