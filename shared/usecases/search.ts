/** Search from every list: a mother by her full resident ID number or by the start of her name, inside the caller's subtree. */
import { isWithin } from '../domain/offices.ts';
import { maskResidentId, residentIdProblem } from '../domain/resident-id.ts';
import type { SearchQuery } from '../domain/schemas/lists.ts';
import { recordsByName, recordsOfMother, type Found } from '../store/search.ts';
import type { Context } from './context.ts';
import { districtsFor, officePrefixFor } from './scope.ts';

export interface SearchHit {
  kind: 'application' | 'loan';
  id: string;
  motherName: string;
  residentIdMasked: string;
  /** the mother's village */
  officeId: string;
  status: string;
  roundId: string;
}

const hit = (r: Found): SearchHit => ({
  kind: r.type === 'APP' ? 'application' : 'loan',
  id: r.id,
  motherName: r.mother.name,
  residentIdMasked: maskResidentId(r.mother.residentId),
  officeId: r.villageId,
  status: r.status,
  roundId: r.roundId,
});

/** A whole resident ID number (18 characters with a valid check character) is searched as one; anything else as a name. */
const asResidentId = (q: string) => {
  const id = q.replace(/\s+/g, '').toUpperCase();
  return residentIdProblem(id) ? undefined : id;
};

/**
 * searchMothers: a mother's applications and loans, newest first.
 * 1. a full resident ID number is looked up through its one-way key (index byMother);
 *    anything else is a name prefix, read per district from index byName (the committee's
 *    districts in parallel; a township's Query keeps its own villages);
 * 2. only records inside the caller's office subtree are returned: for a mother outside it
 *    the answer is empty, exactly as for a number nobody has, so nothing is revealed; the
 *    ID lookup filters by office in the Query itself, so the work is the same for both.
 */
export async function searchMothers(ctx: Context, q: SearchQuery): Promise<{ items: SearchHit[] }> {
  const residentId = asResidentId(q.q);
  let records: Found[];
  if (residentId) {
    records = await recordsOfMother(residentId, ctx.caller.officeId);
  } else {
    const districts = await districtsFor(ctx.caller);
    const officePrefix = officePrefixFor(ctx.caller);
    records = (await Promise.all(districts.map((d) => recordsByName(d, q.q, q.limit, officePrefix)))).flat();
  }
  const visible = records.filter((r) => isWithin(r.villageId, ctx.caller.officeId));
  const newestFirst = visible.sort((a, b) => b.id.localeCompare(a.id));
  return { items: newestFirst.slice(0, q.limit).map(hit) };
}
