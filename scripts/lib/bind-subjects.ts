/**
 * Binds the staff records written before the directory keyed people on their sign-in subject
 * (issue 18: a username is a label, the token's `sub` says who she is), for
 * `scripts/bind-subjects.ts`. Each record without a `subject` gets the one its source names:
 * - `cognito`: the user pool's `sub` of the user with that username (AdminGetUser), under the
 *   pool's issuer;
 * - a file of `username,subject` lines (an external OIDC provider's export: Keycloak's user id,
 *   the IDaaS's user id…);
 * - `username`: the username itself (the local provider, whose subject is the username).
 * A record whose source names no subject is listed and left unbound: that person cannot sign in
 * until bound. A subject bound to someone else already is refused (listed). Safe to run again.
 */
import { AdminGetUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { Conflict } from '../../shared/domain/errors.ts';
import { normalizeUsername, type StaffMember } from '../../shared/domain/staff.ts';
import { cognitoIssuer } from '../../shared/identity/admin.ts';
import { stageStaffSubject, staffInSubtree } from '../../shared/store/staff.ts';
import { Transaction } from '../../shared/store/transaction.ts';

export type SubjectOf = (staff: StaffMember) => Promise<{ subject: string; issuer?: string } | undefined>;

export interface BindCounts {
  /** records bound (or, in a dry run, that would be) */
  bound: number;
  /** records bound already */
  already: number;
  /** usernames left unbound: the source names no subject for them, or their subject is someone else's */
  unbound: string[];
}

/** The subjects listed in a `username,subject` file (a header line `username,subject` is skipped). */
export function subjectsFromFile(text: string): SubjectOf {
  const map = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const [username, subject] = line.split(',').map((s) => s.trim());
    if (username && subject && username.toLowerCase() !== 'username') map.set(normalizeUsername(username), subject);
  }
  return async (staff) => {
    const subject = map.get(normalizeUsername(staff.username));
    return subject ? { subject } : undefined;
  };
}

/** The user pool's subject of each username (AdminGetUser's `sub` attribute). */
export function subjectsFromCognito(userPoolId: string, client = new CognitoIdentityProviderClient({})): SubjectOf {
  return async (staff) => {
    const user = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: staff.username })).catch((error: { name?: string }) => {
      if (error.name === 'UserNotFoundException') return undefined;
      throw error;
    });
    const subject = user?.UserAttributes?.find((a) => a.Name === 'sub')?.Value;
    return subject ? { subject, issuer: cognitoIssuer(userPoolId) } : undefined;
  };
}

/** The local provider's subject: the username. */
export const subjectIsUsername: SubjectOf = async (staff) => ({ subject: normalizeUsername(staff.username) });

export async function bindSubjects(opts: { subjectOf: SubjectOf; dryRun: boolean; now?: Date }): Promise<BindCounts> {
  const counts: BindCounts = { bound: 0, already: 0, unbound: [] };
  const at = (opts.now ?? new Date()).toISOString();
  for (const staff of await staffInSubtree(undefined)) {
    if (staff.subject) {
      counts.already++;
      continue;
    }
    const identity = await opts.subjectOf(staff);
    if (!identity) {
      counts.unbound.push(staff.username);
      continue;
    }
    if (opts.dryRun) {
      counts.bound++;
      continue;
    }
    const tx = new Transaction();
    stageStaffSubject(tx, staff, identity.subject, identity.issuer, at);
    try {
      await tx.commit(undefined);
      counts.bound++;
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
      counts.unbound.push(staff.username);
    }
  }
  return counts;
}
