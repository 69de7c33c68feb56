/**
 * The local identity provider's keys: one RSA key pair signs every local token, those of the
 * OIDC provider mounted at `/oidc` (`dev/oidc.ts`) and those of the `POST /dev/login`
 * shortcut, and the local API verifies them as API Gateway's JWT authorizer does: issuer,
 * audience, RS256 signature against the provider's JWKS, and an `exp` claim that must be
 * there and in the future. Tokens say who the person is (`sub`: the directory record's
 * subject, for the demo users their username); role and office come from the staff directory,
 * never from the token.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type JsonWebKey as NodeJwk, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createLocalJWKSet, importJWK, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';
import type { Role } from '../shared/domain/roles.ts';

/** Until the dev server knows the URL it listens on (the issuer is `http://localhost:<PORT>/oidc`). */
export const LOCAL_ISSUER = 'http://localhost/oidc';
/** The API's audience: what API Gateway's authorizer is told to expect. */
export const LOCAL_AUDIENCE = 'happiness-loans-api';
/** The web app's client id at the local provider. */
export const LOCAL_CLIENT_ID = 'happiness-loans-web';

export interface DemoUser {
  username: string;
  role: Role;
  officeId: string;
  displayName: string;
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'committee', role: 'committee', officeId: 'lhasa', displayName: '组委会 · 次仁 (committee)' },
  { username: 'committee-2', role: 'committee', officeId: 'lhasa', displayName: '组委会 · 卓玛 (second committee member, for settings that need two)' },
  { username: 'district', role: 'district', officeId: 'lhasa.chengguan', displayName: '城关区项目办 · 王丽 (district office)' },
  { username: 'district-2', role: 'district', officeId: 'lhasa.chengguan', displayName: '城关区项目办 · 李娟' },
  { username: 'district-b', role: 'district', officeId: 'lhasa.duilongdeqing', displayName: '堆龙德庆区项目办 · 扎西 (second district)' },
  { username: 'township', role: 'township', officeId: 'lhasa.chengguan.caigongtang', displayName: '蔡公堂乡 · 格桑 (township)' },
  { username: 'township-b', role: 'township', officeId: 'lhasa.duilongdeqing.naiqiong', displayName: '乃琼镇 · 巴桑 (township, second district)' },
  { username: 'field', role: 'field', officeId: 'lhasa.chengguan', displayName: '城关区 · 达瓦 (field staff)' },
  { username: 'field-b', role: 'field', officeId: 'lhasa.duilongdeqing', displayName: '堆龙德庆区 · 普布 (field staff, second district)' },
];

/** The Chinese display name the directory keeps (the demo list adds an English hint in brackets). */
export const chineseName = (displayName: string): string => displayName.replace(/\s*\([^)]*\)\s*$/, '');

export interface SignOptions {
  /** seconds since the epoch, or a jose time span ('8h', '-1h'); `false`: no exp claim at all */
  expiresIn?: string | number | false;
  audience?: string;
  issuer?: string;
  /** a `cognito:groups` claim, to show that groups decide nothing */
  groups?: string[];
}

/** How many verified tokens a local API keeps (the oldest is dropped first). */
const VERIFIED_TOKENS_KEPT = 1000;

export class TokenIssuer {
  /** the provider's issuer URL; the dev server sets it once it knows where it listens */
  issuer: string;
  readonly kid: string;
  private readonly privateKey: KeyObject;

  constructor(privateKey?: KeyObject, issuer = LOCAL_ISSUER) {
    this.privateKey = privateKey ?? generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    this.issuer = issuer;
    this.kid = `local-${createPublicKey(this.privateKey).export({ format: 'jwk' }).n!.slice(0, 16)}`;
  }

  /** Loads the key pair kept in `file` (a private JWK), creating it on first use. */
  static persistent(file: string): TokenIssuer {
    if (!existsSync(file)) {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      writeFileSync(file, JSON.stringify(privateKey.export({ format: 'jwk' })), { mode: 0o600 });
    }
    const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
    return new TokenIssuer(createPrivateKey({ key: jwk as NodeJwk, format: 'jwk' }));
  }

  /** The signing key as the OIDC provider's `jwks` wants it. */
  privateJwk(): JWK {
    return { ...(this.privateKey.export({ format: 'jwk' }) as JWK), kid: this.kid, alg: 'RS256', use: 'sig' };
  }

  publicJwks(): { keys: JWK[] } {
    return { keys: [{ ...(createPublicKey(this.privateKey).export({ format: 'jwk' }) as JWK), kid: this.kid, alg: 'RS256', use: 'sig' }] };
  }

  /** An access token for the API, as the local provider issues it (`POST /dev/login`, tests). */
  async sign(user: Pick<DemoUser, 'username'> & Partial<Pick<DemoUser, 'role' | 'officeId'>> & { subject?: string }, opts: SignOptions = {}): Promise<string> {
    const jwt = new SignJWT({ client_id: LOCAL_CLIENT_ID, scope: 'openid profile api', ...(opts.groups ? { 'cognito:groups': opts.groups } : {}) })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: this.kid })
      .setSubject(user.subject ?? user.username.toLowerCase())
      .setIssuer(opts.issuer ?? this.issuer)
      .setAudience(opts.audience ?? LOCAL_AUDIENCE)
      .setJti(randomUUID())
      .setIssuedAt();
    if (opts.expiresIn !== false) jwt.setExpirationTime(opts.expiresIn ?? '8h');
    return jwt.sign(await importJWK(this.privateJwk(), 'RS256'));
  }

  /** The provider's key set, built once (the key pair never changes). */
  private keySet: ReturnType<typeof createLocalJWKSet> | undefined;
  /** issuer + token → claims it verified to, while they have not expired: the same bytes verify the same way until `exp` */
  private readonly verified = new Map<string, JWTPayload & { exp: number }>();

  /** The verified claims, or undefined for a missing, expired, exp-less, forged or foreign token. */
  async verify(token: string): Promise<JWTPayload | undefined> {
    const cacheKey = `${this.issuer} ${token}`;
    const known = this.verified.get(cacheKey);
    // a token verified before answers without a second signature check (most of the time a local request
    // spent outside its function), and expires exactly as jose's check would expire it: once exp ≤ now in seconds
    if (known) {
      if (known.exp > Math.floor(Date.now() / 1000)) return { ...known };
      this.verified.delete(cacheKey);
      return undefined;
    }
    try {
      this.keySet ??= createLocalJWKSet(this.publicJwks());
      const { payload } = await jwtVerify(token, this.keySet, { issuer: this.issuer, audience: LOCAL_AUDIENCE, algorithms: ['RS256'], requiredClaims: ['exp', 'sub'] });
      // a token not valid before a time (nbf) is checked anew every time
      if (typeof payload.exp === 'number' && payload.nbf === undefined) {
        if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value!);
        this.verified.set(cacheKey, { ...payload, exp: payload.exp });
      }
      return payload;
    } catch {
      return undefined;
    }
  }
}
