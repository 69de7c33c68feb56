/**
 * The staff directory: one record per person who signs in. The identity provider (Cognito,
 * Keycloak, a Chinese IDaaS, the local provider) only proves who the person is; role and
 * office come from here, so moving a clerk or locking out someone who left is a change in
 * the app, effective on their next request.
 */
import * as z from 'zod/mini';
import { withMeta } from './meta.ts';
import type { Actor } from './entities.ts';
import { Forbidden } from './errors.ts';
import { isWithin, levelOf } from './offices.ts';
import { ROLE_LEVEL, ROLES, type Caller, type Role } from './roles.ts';
import { officeId, text } from './schemas/common.ts';

/** A sign-in name: letters, digits and `._@-`, compared without case. A label the administrator sets: it never decides who a token is. */
export const staffUsername = withMeta(
  z.string({ error: 'must be text' }).check(z.trim(), z.regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/, { error: 'must be 1-128 letters, digits or ._@- (the sign-in name)' })),
  { description: 'the sign-in name (the Cognito username; with another provider a label): the directory finds a caller by `subject`, never by this' },
);

/**
 * The identity provider's subject (`sub`) of a person: what the directory keys her on, under
 * the one issuer the API's authorizer admits. Issued by the provider, never chosen by the user
 * (a `preferred_username` may be, so it decides nothing). Compared exactly.
 */
export const staffSubject = withMeta(
  z.string({ error: 'must be text' }).check(z.trim(), z.regex(/^[\x21-\x7E]{1,255}$/, { error: 'must be 1-255 visible ASCII characters without spaces (the identity provider’s subject, `sub`)' })),
  { description: 'the identity provider’s subject (`sub`) of her account; without it: Cognito’s new user’s sub, or (local provider) the username' },
);

export const StaffRole = z.enum(ROLES);

export const StaffInput = z.strictObject({
  username: staffUsername,
  displayName: withMeta(text(60), { description: 'the name people read, in Chinese (城关区项目办 · 王丽)' }),
  displayNameBo: withMeta(z.optional(text(60)), { description: 'the name in Tibetan, optional' }),
  role: StaffRole,
  officeId,
  email: withMeta(z.optional(z.email({ error: 'must be an e-mail address' }).check(z.maxLength(200))), {
    description: 'where the identity provider sends the temporary password (required with Cognito)',
  }),
  subject: z.optional(staffSubject),
});
export type StaffInput = z.output<typeof StaffInput>;

export const StaffPatch = z
  .strictObject({
    displayName: z.optional(text(60)),
    displayNameBo: z.optional(text(60)),
    role: z.optional(StaffRole),
    officeId: z.optional(officeId),
    active: z.optional(z.boolean({ error: 'must be true or false' })),
  })
  .check(z.refine((p) => Object.keys(p).length > 0, { error: 'must change at least one of displayName, displayNameBo, role, officeId, active' }));
export type StaffPatch = z.output<typeof StaffPatch>;

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
