/**
 * The directory keys people on the token's subject (`sub`), never on a user name: a provider
 * that lets users choose their `preferred_username` must not let one become `committee`.
 * Records from before subjects are bound by `scripts/bind-subjects.ts`.
 */
import { randomUUID } from 'node:crypto';
import { importJWK, SignJWT } from 'jose';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { LOCAL_AUDIENCE, LOCAL_CLIENT_ID } from '../../dev/tokens.ts';
import { forgetCachedStaff } from '../../shared/http/auth.ts';
import { getStaffByUsername, stageNewStaff } from '../../shared/store/staff.ts';
import { Transaction } from '../../shared/store/transaction.ts';
import { bindSubjects, subjectsFromFile } from '../../scripts/lib/bind-subjects.ts';
import { call, tokenFor, tokens } from '../support/api.ts';

/** A token as an OIDC provider signs it, with whatever names the user chose. */
async function providerToken(claims: Record<string, unknown>, subject: string): Promise<string> {
  return new SignJWT({ client_id: LOCAL_CLIENT_ID, scope: 'openid profile api', ...claims })
    .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: tokens.kid })
    .setSubject(subject)
    .setIssuer(tokens.issuer)
    .setAudience(LOCAL_AUDIENCE)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(await importJWK(tokens.privateJwk(), 'RS256'));
}
const me = (token: string) => call(null, 'GET', '/me', undefined, { token });

describe('the directory knows people by their subject, not by the name they chose', () => {
  it('gives no committee rights to a user who named herself committee but whose subject is not registered', async () => {
    // prepare: every name claim says committee; the subject is her own
    const token = await providerToken({ preferred_username: 'committee', username: 'committee', 'cognito:username': 'committee', name: '组委会' }, `idp-${randomUUID()}`);

    // act
    const who = await me(token);
    const settings = await call(null, 'POST', '/settings', { separationOfDuties: false, reason: 'turning four eyes off' }, { token });

    // assert: she is nobody in the directory
    expect(who.status).toBe(403);
    expect(who.body.error.code).toBe('staff_unknown');
    expect(settings.status).toBe(403);
  });

  it('takes the person from the subject whatever name the token carries', async () => {
    const token = await providerToken({ preferred_username: 'field' }, 'committee');
    const who = await me(token);
    expect(who.status).toBe(200);
    expect(who.body).toMatchObject({ username: 'committee', role: 'committee' });
  });

  it('signs in a person added with her provider subject by that subject only, and refuses the same subject for a second person', async () => {
    // prepare: the district office adds a clerk with the subject her provider gave her
    const district = await tokenFor('district');
    const subject = `f3a9${randomUUID()}`;
    const username = `clerk-${randomUUID().slice(0, 8)}`;
    const input = { username, displayName: '蔡公堂乡 · 央金', role: 'township', officeId: 'lhasa.chengguan.caigongtang', subject };
    const created = await call(null, 'POST', '/staff', input, { token: district });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.subject).toBe(subject);

    // act / assert: her subject signs her in; her username as a subject does not
    expect((await me(await providerToken({ preferred_username: username }, subject))).body).toMatchObject({ username, role: 'township' });
    expect((await me(await providerToken({ preferred_username: username }, username))).status).toBe(403);

    // a second person with the same subject is refused, naming the field and the rule
    const again = await call(null, 'POST', '/staff', { ...input, username: `${username}-2` }, { token: district });
    expect(again.status).toBe(422);
    expect(again.body.error).toMatchObject({ field: 'subject', rule: 'subject_taken' });
  });
});

describe('scripts/bind-subjects.ts', () => {
  it('binds a record from before subjects to the subject its provider lists, after which she signs in; a dry run changes nothing and a second run leaves it as it is', async () => {
    // prepare: a record written before subjects (keyed by username only)
    const username = `old-${randomUUID().slice(0, 8)}`;
    const at = new Date().toISOString();
    const tx = new Transaction();
    stageNewStaff(tx, { id: ulid(), username, displayName: '城关区 · 旧账号', role: 'field', officeId: 'lhasa.chengguan', active: true, createdAt: at, updatedAt: at, version: 1 });
    await tx.commit(undefined);
    const subject = `kc-${randomUUID()}`;
    const token = await providerToken({ preferred_username: username }, subject);
    expect((await me(token)).status).toBe(403);
    const file = subjectsFromFile(`username,subject\n${username},${subject}\n`);

    // act: a dry run, then the run, then again
    const dry = await bindSubjects({ subjectOf: file, dryRun: true });
    expect((await getStaffByUsername(username))!.subject).toBeUndefined();
    const run = await bindSubjects({ subjectOf: file, dryRun: false });
    forgetCachedStaff(subject);
    const second = await bindSubjects({ subjectOf: file, dryRun: false });

    // assert: bound once; she signs in by her subject
    expect(dry.bound).toBeGreaterThanOrEqual(1);
    expect(run.unbound).not.toContain(username);
    expect((await getStaffByUsername(username))!.subject).toBe(subject);
    expect(second.unbound).not.toContain(username);
    expect((await me(token)).body).toMatchObject({ username, role: 'field' });
  });
});
