/**
 * The local stand-in of API Gateway's JWT authorizer keeps the tokens it verified (a signed-in
 * person sends the same token for hours): a kept token is still refused the moment it expires,
 * under another issuer, or when it was never valid.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TokenIssuer } from '../../dev/tokens.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('TokenIssuer.verify', () => {
  it('answers a token verified before with the same claims, and refuses it once its exp has passed', async () => {
    const issuer = new TokenIssuer();
    const exp = Math.floor(Date.now() / 1000) + 60;
    const token = await issuer.sign({ username: 'district' }, { expiresIn: exp });
    const first = await issuer.verify(token);
    expect(first).toMatchObject({ sub: 'district', exp });
    expect(await issuer.verify(token)).toEqual(first);
    vi.useFakeTimers({ now: exp * 1000 - 1, toFake: ['Date'] });
    expect(await issuer.verify(token)).toMatchObject({ sub: 'district' });
    vi.setSystemTime(exp * 1000);
    expect(await issuer.verify(token)).toBeUndefined();
  });

  it('refuses a kept token under another issuer, a token of another key, and one altered after it was verified', async () => {
    const issuer = new TokenIssuer();
    const token = await issuer.sign({ username: 'township' });
    expect(await issuer.verify(token)).toBeDefined();
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const altered = `${header}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: 'committee' })).toString('base64url')}.${signature}`;
    expect(await issuer.verify(altered)).toBeUndefined();
    expect(await issuer.verify(await new TokenIssuer().sign({ username: 'township' }))).toBeUndefined();
    const original = issuer.issuer;
    issuer.issuer = 'http://localhost:9999/oidc';
    expect(await issuer.verify(token)).toBeUndefined();
    issuer.issuer = original;
    expect(await issuer.verify(token)).toMatchObject({ sub: 'township' });
  });

  it('never keeps a refusal: an expired token stays refused and a valid one is not refused by an earlier failure', async () => {
    const issuer = new TokenIssuer();
    const expired = await issuer.sign({ username: 'field' }, { expiresIn: '-1h' });
    expect(await issuer.verify(expired)).toBeUndefined();
    expect(await issuer.verify(expired)).toBeUndefined();
    const exp = Math.floor(Date.now() / 1000) + 60;
    const token = await issuer.sign({ username: 'field' }, { expiresIn: exp });
    vi.useFakeTimers({ now: exp * 1000, toFake: ['Date'] });
    expect(await issuer.verify(token)).toBeUndefined();
    vi.useRealTimers();
    expect(await issuer.verify(token)).toMatchObject({ sub: 'field' });
  });
});
