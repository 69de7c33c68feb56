/**
 * Who is calling. API Gateway's JWT authorizer (Cognito or the external OIDC provider on
 * AWS, the dev server's verifier locally) has checked the token's issuer, audience, expiry
 * and signature; the token only tells who the person is, by its subject (`sub`, issued by the
 * provider under the one issuer the authorizer admits). Role, office and display name come
 * from the staff directory, which keys people on that subject (and, when the record names
 * one, its issuer): token groups, custom claims and user names (`preferred_username`,
 * `cognito:username`, which a provider may let users choose) decide nothing.
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
import { getStaffBySubject } from '../store/staff.ts';

type Claims = Record<string, string | number | boolean | string[]>;

/** Longest time a directory change takes to reach every function. */
export const DIRECTORY_CACHE_MS = 30_000;

/** subject → her directory record (or none), until when */
const cache = new Map<string, { staff: StaffMember | undefined; until: number }>();

/** Drops a person's cached directory entry, by username or subject (the staff use cases call it after a change). */
export function forgetCachedStaff(usernameOrSubject: string): void {
  const username = normalizeUsername(usernameOrSubject);
  cache.delete(usernameOrSubject);
  for (const [subject, hit] of cache) if (hit.staff && normalizeUsername(hit.staff.username) === username) cache.delete(subject);
}

async function directoryEntry(subject: string): Promise<StaffMember | undefined> {
  const hit = cache.get(subject);
  if (hit && hit.until > Date.now()) return hit.staff;
  const staff = await getStaffBySubject(subject);
  cache.set(subject, { staff, until: Date.now() + DIRECTORY_CACHE_MS });
  return staff;
}

export async function callerFrom(event: APIGatewayProxyEventV2WithJWTAuthorizer): Promise<Caller> {
  const claims = event.requestContext?.authorizer?.jwt?.claims as Claims | undefined;
  const subject = typeof claims?.sub === 'string' && claims.sub ? claims.sub : undefined;
  if (!subject) throw new Unauthenticated('a valid bearer token is required');
  const found = await directoryEntry(subject);
  // a record bound under a known issuer is that issuer's person only
  const staff = found && (!found.issuer || found.issuer === claims?.iss) ? found : undefined;
  if (!staff) throw new StaffUnknown(`subject ${subject} is not in the staff directory; an administrator of your office must add you`);
  if (!staff.active) throw new StaffInactive(`${staff.username} has been deactivated in the staff directory`);
  const role: Role = staff.role;
  if (!isOfficeId(staff.officeId) || !roleFitsOffice(role, staff.officeId))
    throw new Forbidden(`the directory puts ${staff.username} in office "${staff.officeId}", which is not a ${ROLE_LEVEL[role]} office, as role ${role} requires`);
  return { userId: staff.id, username: staff.username, displayName: staff.displayName, role, officeId: staff.officeId };
}

export function assertRole(caller: Caller, allowed: readonly Role[], routeKey: string): void {
  if (!allowed.includes(caller.role))
    throw new Forbidden(`role ${caller.role} may not call ${routeKey}; allowed: ${allowed.join(', ')}`, undefined, { rule: 'role_not_allowed', params: { role: caller.role } });
}
