/**
 * Who is calling, from the JWT claims that API Gateway's authorizer (Cognito in AWS, the
 * dev server locally) verified and put on the event. The role is the Cognito group; the
 * office is the `custom:office` attribute.
 */
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { Forbidden, Unauthenticated } from '../domain/errors.ts';
import { isOfficeId } from '../domain/offices.ts';
import { ROLES, ROLE_LEVEL, type Caller, type Role } from '../domain/roles.ts';
import { levelOf } from '../domain/offices.ts';

type Claims = Record<string, string | number | boolean | string[]>;

/** API Gateway passes list claims as "[a b]" strings; tokens carry arrays. */
function groupsOf(claim: Claims[string] | undefined): string[] {
  if (Array.isArray(claim)) return claim.map(String);
  if (typeof claim !== 'string') return [];
  return claim.replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean);
}

export function callerFrom(event: APIGatewayProxyEventV2WithJWTAuthorizer): Caller {
  const claims = event.requestContext?.authorizer?.jwt?.claims as Claims | undefined;
  if (!claims || !claims.sub) throw new Unauthenticated('a valid bearer token is required');
  const role = groupsOf(claims['cognito:groups']).find((g): g is Role => (ROLES as readonly string[]).includes(g));
  if (!role) throw new Forbidden('the token carries no role group (committee, district, township or field)');
  const officeId = String(claims['custom:office'] ?? '');
  if (!isOfficeId(officeId) || levelOf(officeId) !== ROLE_LEVEL[role])
    throw new Forbidden(`the token’s office "${officeId}" is not a ${ROLE_LEVEL[role]} office, as role ${role} requires`);
  const username = String(claims['cognito:username'] ?? claims.username ?? claims.sub);
  return { userId: String(claims.sub), username, role, officeId };
}

export function assertRole(caller: Caller, allowed: readonly Role[], routeKey: string): void {
  if (!allowed.includes(caller.role)) throw new Forbidden(`role ${caller.role} may not call ${routeKey}; allowed: ${allowed.join(', ')}`, undefined, { rule: 'role_not_allowed', params: { role: caller.role } });
}
