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

export interface Office {
  id: string;
  level: OfficeLevel;
  name: string;
  nameEn?: string;
  parentId?: string;
}
