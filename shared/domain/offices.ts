/**
 * The office hierarchy: committee → district → township → village. An office id is the
 * dotted path from the committee down (`lhasa.chengguan.caigongtang.v01`), so "is this
 * record inside the caller's subtree" is a prefix test and needs no lookup, and a key can
 * be built that serves a subtree with `begins_with`.
 */
export const OFFICE_LEVELS = ['committee', 'district', 'township', 'village'] as const;
export type OfficeLevel = (typeof OFFICE_LEVELS)[number];

export const OFFICE_ID_PATTERN = /^[a-z0-9-]{1,40}(\.[a-z0-9-]{1,40}){0,3}$/;

export function isOfficeId(id: string): boolean {
  return OFFICE_ID_PATTERN.test(id);
}

export function levelOf(officeId: string): OfficeLevel {
  return OFFICE_LEVELS[officeId.split('.').length - 1]!;
}

/** The ancestor of `officeId` at `level` (itself when it is at that level); undefined above it. */
export function ancestorAt(officeId: string, level: OfficeLevel): string | undefined {
  const segments = officeId.split('.');
  const depth = OFFICE_LEVELS.indexOf(level) + 1;
  if (segments.length < depth) return undefined;
  return segments.slice(0, depth).join('.');
}

export function parentOf(officeId: string): string | undefined {
  const i = officeId.lastIndexOf('.');
  return i < 0 ? undefined : officeId.slice(0, i);
}

/** True when `officeId` is `ancestor` itself or lies below it. */
export function isWithin(officeId: string, ancestor: string): boolean {
  return officeId === ancestor || officeId.startsWith(`${ancestor}.`);
}

/**
 * What kind of place an office is, for what print needs: a township is a rural township
 * (乡), a town (镇) or an urban sub-district (街道); a village is a village (村) or an urban
 * residents' committee (居委会). The guarantors of an agreement sign with the title of their office.
 */
export const TOWNSHIP_KINDS = ['township', 'town', 'subdistrict'] as const;
export const VILLAGE_KINDS = ['village', 'residents_committee'] as const;
export type OfficeKind = (typeof TOWNSHIP_KINDS)[number] | (typeof VILLAGE_KINDS)[number];
export const OFFICE_KINDS = [...TOWNSHIP_KINDS, ...VILLAGE_KINDS] as const;

/** The head of each kind of office, as the guarantor's title on an agreement. */
export const GUARANTOR_TITLES: Record<OfficeKind, { 'zh-CN': string; bo: string; en: string }> = {
  township: { 'zh-CN': '乡长', bo: 'ཤང་དཔོན།', en: 'Township head' },
  town: { 'zh-CN': '镇长', bo: 'གྲོང་རྡལ་དཔོན།', en: 'Town head' },
  subdistrict: { 'zh-CN': '街道办事处主任', bo: 'ཁྲོམ་གཞུང་ལས་ཁུངས་ཀྱི་ཀྲུ་རིན།', en: 'Director of the sub-district office' },
  village: { 'zh-CN': '村委会主任', bo: 'གྲོང་ཚོ་ཨུ་ཡོན་ལྷན་ཁང་གི་ཀྲུ་རིན།', en: 'Chair of the village committee' },
  residents_committee: { 'zh-CN': '居委会主任', bo: 'སྡོད་དམངས་ཨུ་ཡོན་ལྷན་ཁང་གི་ཀྲུ་རིན།', en: 'Chair of the residents’ committee' },
};

/** The kinds an office of a level may have (none for the committee and districts). */
export function kindsFor(level: OfficeLevel): readonly OfficeKind[] {
  return level === 'township' ? TOWNSHIP_KINDS : level === 'village' ? VILLAGE_KINDS : [];
}

export interface Office {
  id: string;
  level: OfficeLevel;
  name: string;
  nameEn?: string;
  /** townships and villages: what kind of place it is (乡/镇/街道, 村/居委会) */
  kind?: OfficeKind;
  /** districts: the short name that starts its agreement numbers (城关 → 城关-2026-04-017) */
  abbreviation?: string;
  parentId?: string;
}

/** A district's short name for agreement numbers: its abbreviation, else its name without the office words. */
export function districtAbbreviation(district: Pick<Office, 'name' | 'abbreviation' | 'id'> | undefined, districtId: string): string {
  if (district?.abbreviation) return district.abbreviation;
  const short = district?.name.replace(/(区|县|市)?(幸福工程)?项目办$/, '').replace(/(区|县)$/, '');
  return short || districtId.split('.').at(-1)!;
}

/**
 * A readable agreement number: district abbreviation – year – round – sequence, e.g. 城关-2026-04-017.
 * The round has at least two digits and the sequence at least three; past round 99 or loan 999 they
 * simply grow (城关-2026-118-002, 城关-2026-04-1000): still one number per loan, in order within a round.
 */
export function agreementNumber(abbreviation: string, year: string, roundNumber: number, sequence: number): string {
  return `${abbreviation}-${year}-${String(roundNumber).padStart(2, '0')}-${String(sequence).padStart(3, '0')}`;
}
