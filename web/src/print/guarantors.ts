/**
 * The guarantors of a loan are the heads of the township and of the village committee; their
 * titles depend on the kind of office: a rural township (乡) has a 乡长, a town (镇) a 镇长, an
 * urban sub-district (街道) the director of its office (街道办事处主任); a village committee (村)
 * a 村委会主任, a residents' committee (居委会) a 居委会主任.
 */
import { WORDS, type Word } from './words.ts';

export type TownshipKind = 'xiang' | 'zhen' | 'jiedao';
export type VillageKind = 'cun' | 'juweihui';

export interface GuarantorTitles {
  township: Word;
  village: Word;
  /** the body that posts notices and stamps as guarantor: 村民委员会 or 居民委员会 */
  villageCommittee: Word;
}

export function guarantorTitles(townshipKind: TownshipKind, villageKind: VillageKind): GuarantorTitles {
  return {
    township: WORDS[`title_${townshipKind}`],
    village: WORDS[`title_${villageKind}`],
    villageCommittee: WORDS[`village_committee_${villageKind}`],
  };
}

/**
 * The kinds, read from the offices' Chinese names while the office records do not carry them
 * (…乡 → xiang, …镇 → zhen, …街道 / …街道办事处 → jiedao; …居委会 / …社区 → juweihui, else cun).
 * A township name matching none of them is taken as rural (乡).
 */
export function officeKindsFromNames(townshipName: string, villageName: string): { township: TownshipKind; village: VillageKind } {
  const t = townshipName.trim();
  const township: TownshipKind = /街道(办事处)?$/.test(t) ? 'jiedao' : /镇$/.test(t) ? 'zhen' : 'xiang';
  const village: VillageKind = /(居委会|居民委员会|社区)$/.test(villageName.trim()) ? 'juweihui' : 'cun';
  return { township, village };
}
