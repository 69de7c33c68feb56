/**
 * The staff directory: one record per person who signs in. The identity provider (Cognito,
 * Keycloak, a Chinese IDaaS, the local provider) only proves who the person is; role and
 * office come from here, so moving a clerk or locking out someone who left is a change in
 * the app, effective on their next request. (The schemas of its requests: `./schemas/staff.ts`.)
 */
import type { Actor } from './entities.ts';
import { Forbidden } from './errors.ts';
import { isWithin, levelOf } from './offices.ts';
import { ROLE_LEVEL, type Caller, type Role } from './roles.ts';

export interface StaffMember {
  id: string;
  username: string;
  displayName: string;
  displayNameBo?: string;
  role: Role;
  officeId: string;
  active: boolean;
  email?: string;
  /** the identity provider's subject (`sub`): the directory resolves a token by it (`STAFFSUB#{subject}`); absent on records from before, until `scripts/bind-subjects.ts` binds them */
  subject?: string;
  /** the issuer that subject belongs to, when known (Cognito, the binding script): a token from another issuer is not her */
  issuer?: string;
  createdAt: string;
  /** who added her to the directory (absent for the demo data and older records: nobody's) */
  createdBy?: Actor;
  /** the last creation, move, role change or re-activation: by whom and when (four eyes counts the account as that person for `accountOwnerDays`) */
  placed?: StaffPlacement;
  updatedAt: string;
  version: number;
}

/** What makes an account count as the person who did it, for four eyes (and what the exceptions report lists). */
export const STAFF_CHANGES = ['created', 'moved', 'role_changed', 'reactivated'] as const;
export type StaffChange = (typeof STAFF_CHANGES)[number];

export interface StaffPlacement {
  by: Actor;
  at: string;
  change: StaffChange;
}

/** The changes a patch makes that place the account anew (a rename or a deactivation does not). */
export function placementChanges(current: Pick<StaffMember, 'role' | 'officeId' | 'active'>, next: Pick<StaffMember, 'role' | 'officeId' | 'active'>): StaffChange[] {
  const changes: StaffChange[] = [];
  if (next.officeId !== current.officeId) changes.push('moved');
  if (next.role !== current.role) changes.push('role_changed');
  if (next.active && !current.active) changes.push('reactivated');
  return changes;
}

/** Usernames are compared without case (Cognito's default, and what people expect). */
export const normalizeUsername = (username: string): string => username.trim().toLowerCase();

/**
 * A new record's sign-in identity: the subject the administrator gave, else the one the
 * identity provider answered for the new user (Cognito's `sub`, under the pool's issuer),
 * else the username (the local provider's subject).
 */
export function withSubject(staff: StaffMember, given: string | undefined, provided: { subject: string; issuer: string } | undefined): StaffMember {
  if (given) return { ...staff, subject: given };
  if (provided) return { ...staff, subject: provided.subject, issuer: provided.issuer };
  return { ...staff, subject: normalizeUsername(staff.username) };
}

/**
 * Who may manage whom: the committee manages district staff (district office and field
 * staff); a district office manages township and field staff of its own subtree. Nobody
 * manages their own record's role, office or active flag through this rule's back door:
 * a district cannot make someone committee or district.
 */
export function assertMayManage(caller: Caller, target: { role: Role; officeId: string }): void {
  const allowed: Record<Role, readonly Role[]> = { committee: ['district', 'field'], district: ['township', 'field'], township: [], field: [] };
  if (!allowed[caller.role].includes(target.role)) throw new Forbidden(`a ${caller.role} administrator may not manage ${target.role} staff; allowed: ${allowed[caller.role].join(', ') || 'none'}`);
  if (!isWithin(target.officeId, caller.officeId)) throw new Forbidden(`office ${target.officeId} is outside your office ${caller.officeId}`);
}

/** The role's level must be the office's level (field staff work for a district office). */
export function roleFitsOffice(role: Role, officeId: string): boolean {
  return levelOf(officeId) === ROLE_LEVEL[role];
}
