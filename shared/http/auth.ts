/**
 * Who is calling. API Gateway's JWT authorizer (Cognito or the external OIDC provider on
 * AWS, the dev server's verifier locally) has checked the token's issuer, audience, expiry
 * and signature; the token only tells who the person is. Role, office and display name come
 * from the staff directory: token groups and custom claims decide nothing.
 *
 * The directory is cached per Lambda container for at most DIRECTORY_CACHE_MS (30 s), so a
 * deactivated or moved person is refused or moved within 30 s on every function (at once
 * on the function that made the change, and locally, where all functions share one process).
 */
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { Forbidden, StaffInactive, StaffUnknown, Unauthenticated } from '../domain/errors.ts';
import { isOfficeId } from '../domain/offices.ts';
import type { Caller, Role } from '../domain/roles.ts';
import { normalizeUsername, roleFitsOffice, type StaffMember } from '../domain/staff.ts';
import { ROLE_LEVEL } from '../domain/roles.ts';
import { getStaffByUsername } from '../store/staff.ts';

type Claims = Record<string, string | number | boolean | string[]>;

/** Longest time a directory change takes to reach every function. */
export const DIRECTORY_CACHE_MS = 30_000;

const cache = new Map<string, { staff: StaffMember | undefined; until: number }>();

/** Drops a cached directory entry (the staff use cases call it after a change). */
export function forgetCachedStaff(username: string): void {
  cache.delete(normalizeUsername(username));
}

async function directoryEntry(username: string): Promise<StaffMember | undefined> {
  const key = normalizeUsername(username);
  const hit = cache.get(key);
  if (hit && hit.until > Date.now()) return hit.staff;
  const staff = await getStaffByUsername(key);
  cache.set(key, { staff, until: Date.now() + DIRECTORY_CACHE_MS });
  return staff;
}

/**
 * The directory key of the token's person: Cognito's username (`username` in access tokens,
 * `cognito:username` in ID tokens), else the standard `preferred_username`, else `sub`.
 */
export function usernameOf(claims: Claims): string | undefined {
  for (const name of ['cognito:username', 'username', 'preferred_username', 'sub']) {
    const value = claims[name];
    if (typeof value === 'string' && value) return value;
  }
  return undefined;
}

export async function callerFrom(event: APIGatewayProxyEventV2WithJWTAuthorizer): Promise<Caller> {
  const claims = event.requestContext?.authorizer?.jwt?.claims as Claims | undefined;
  const username = claims?.sub ? usernameOf(claims) : undefined;
  if (!username) throw new Unauthenticated('a valid bearer token is required');
  const staff = await directoryEntry(username);
  if (!staff) throw new StaffUnknown(`${username} is not in the staff directory; an administrator of your office must add you`);
  if (!staff.active) throw new StaffInactive(`${username} has been deactivated in the staff directory`);
  const role: Role = staff.role;
  if (!isOfficeId(staff.officeId) || !roleFitsOffice(role, staff.officeId))
    throw new Forbidden(`the directory puts ${username} in office "${staff.officeId}", which is not a ${ROLE_LEVEL[role]} office, as role ${role} requires`);
  return { userId: staff.id, username: staff.username, displayName: staff.displayName, role, officeId: staff.officeId };
}

export function assertRole(caller: Caller, allowed: readonly Role[], routeKey: string): void {
  if (!allowed.includes(caller.role))
    throw new Forbidden(`role ${caller.role} may not call ${routeKey}; allowed: ${allowed.join(', ')}`, undefined, { rule: 'role_not_allowed', params: { role: caller.role } });
}
