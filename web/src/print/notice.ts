/**
 * The public notice (公示) is printed per posting: a village posts a list on a day, for a
 * period, at a place; applications posted later form a later posting with their own dates.
 */
import type { Application, Notice } from '../../../shared/domain/entities.ts';

/** What a notice needs of an application (the API's Application satisfies it). */
export type NoticeApplication = Pick<Application, 'id' | 'villageId' | 'townshipId' | 'status' | 'mother' | 'householdSize' | 'amountRequestedFen' | 'submittedOn'> & {
  project: Pick<Application['project'], 'type' | 'description'>;
  notice?: Pick<Notice, 'postedOn' | 'endsOn' | 'days' | 'place'>;
};

export interface Posting<A extends NoticeApplication = NoticeApplication> {
  /** stable id of the posting within a round (for a `posting` query parameter) */
  key: string;
  villageId: string;
  townshipId: string;
  postedOn: string;
  endsOn: string;
  days: number;
  place?: string;
  applications: A[];
  /** sum of the amounts asked, integer fen */
  totalRequestedFen: number;
}

export function postingKey(villageId: string, notice: Pick<Notice, 'postedOn' | 'endsOn' | 'place'>): string {
  return [villageId, notice.postedOn, notice.endsOn, notice.place ?? ''].join('|');
}

const byApplicant = (a: NoticeApplication, b: NoticeApplication) => a.submittedOn.localeCompare(b.submittedOn) || a.mother.name.localeCompare(b.mother.name, 'zh') || a.id.localeCompare(b.id);

/**
 * Groups applications into notice postings.
 * 1. Leaves out applications never posted (they belong to no posting yet) and rejected ones
 *    (a refused application is not posted again).
 * 2. Groups the rest by village and posting: same `postedOn`, `endsOn` and place.
 * 3. Orders postings by date posted (then village), applicants by date of application, then name.
 */
export function noticePostings<A extends NoticeApplication>(applications: readonly A[]): Posting<A>[] {
  const groups = new Map<string, Posting<A>>();
  for (const a of applications) {
    if (!a.notice || a.status === 'rejected') continue;
    const key = postingKey(a.villageId, a.notice);
    let p = groups.get(key);
    if (!p) {
      p = {
        key,
        villageId: a.villageId,
        townshipId: a.townshipId,
        postedOn: a.notice.postedOn,
        endsOn: a.notice.endsOn,
        days: a.notice.days,
        ...(a.notice.place ? { place: a.notice.place } : {}),
        applications: [],
        totalRequestedFen: 0,
      };
      groups.set(key, p);
    }
    p.applications.push(a);
    p.totalRequestedFen += a.amountRequestedFen;
  }
  const postings = [...groups.values()];
  for (const p of postings) p.applications.sort(byApplicant);
  return postings.sort((a, b) => a.postedOn.localeCompare(b.postedOn) || a.endsOn.localeCompare(b.endsOn) || a.villageId.localeCompare(b.villageId) || (a.place ?? '').localeCompare(b.place ?? ''));
}

/** Applications not posted yet (still to be put on a notice), in application order. */
export function unpostedApplications<A extends NoticeApplication>(applications: readonly A[]): A[] {
  return applications.filter((a) => !a.notice && a.status !== 'rejected').sort(byApplicant);
}
