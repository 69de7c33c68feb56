/** Offices as the printed documents name them: Chinese names (Tibetan where an office has one), whatever the reader's UI language. */
import type { Office } from '../../../shared/domain/offices.ts';
import { ancestorAt } from '../../../shared/domain/offices.ts';
import { officeKindsFromNames, type TownshipKind, type VillageKind } from './guarantors.ts';
import type { Place } from './parts.tsx';
import { WORDS } from './words.ts';

type NamedOffice = Pick<Office, 'id' | 'name'> & { nameBo?: string };

/** The committee, district, township and village of a village office, by name, and the kinds of its township and village. */
export function placesOf(
  villageId: string,
  byId: ReadonlyMap<string, NamedOffice>,
): { committee: Place; district: Place; township: Place; village: Place; kinds: { township: TownshipKind; village: VillageKind } } {
  const place = (id: string | undefined): Place => {
    const o = id ? byId.get(id) : undefined;
    return o ? { zh: o.name, ...(o.nameBo ? { bo: o.nameBo } : {}) } : { zh: id?.split('.').at(-1) ?? '' };
  };
  const committeeId = ancestorAt(villageId, 'committee');
  const committee = committeeId && byId.has(committeeId) ? place(committeeId) : { zh: WORDS.committee_generic.zh, bo: WORDS.committee_generic.bo };
  const township = place(ancestorAt(villageId, 'township'));
  const village = place(villageId);
  return { committee, district: place(ancestorAt(villageId, 'district')), township, village, kinds: officeKindsFromNames(township.zh, village.zh) };
}
