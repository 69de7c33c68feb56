import { Forbidden } from './errors.ts';
import { isWithin, levelOf, type OfficeLevel } from './offices.ts';

/** Roles come from the staff directory; each belongs to one level of the office hierarchy. */
export const ROLES = ['committee', 'district', 'township', 'field'] as const;
export type Role = (typeof ROLES)[number];

/** The office level a role's users work at (field staff work for a district office). */
export const ROLE_LEVEL: Record<Role, OfficeLevel> = {
  committee: 'committee',
  district: 'district',
  township: 'township',
  field: 'district',
};

export interface Caller {
  userId: string;
  username: string;
  /** the person's name from the staff directory (城关区项目办 · 王丽) */
  displayName?: string;
  role: Role;
  officeId: string;
}

/** A caller may see and change only records in its own office's subtree. */
export function assertWithinOffice(caller: Caller, recordOfficeId: string, what = 'record'): void {
  if (!isWithin(recordOfficeId, caller.officeId)) {
    throw new Forbidden(`this ${what} belongs to office ${recordOfficeId}, outside your office ${caller.officeId}`);
  }
}

/** Reading upwards is allowed for context records such as a district's rounds. */
export function canSeeOffice(caller: Caller, officeId: string): boolean {
  return isWithin(officeId, caller.officeId) || isWithin(caller.officeId, officeId);
}

export function assertRoleFitsOffice(role: Role, officeId: string): void {
  if (levelOf(officeId) !== ROLE_LEVEL[role]) {
    throw new Forbidden(`role ${role} must belong to a ${ROLE_LEVEL[role]} office, not ${officeId}`);
  }
}
