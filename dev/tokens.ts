/**
 * Local stand-in for Cognito: signs and verifies ID tokens (HS256, jose) with the claims
 * the Cognito user pool puts in them: sub, cognito:username, cognito:groups, custom:office.
 */
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { Role } from '../shared/domain/roles.ts';

export const LOCAL_ISSUER = 'https://local.dev/happiness-loans';
export const LOCAL_AUDIENCE = 'happiness-loans-web';

export interface DemoUser {
  username: string;
  role: Role;
  officeId: string;
  displayName: string;
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'committee', role: 'committee', officeId: 'lhasa', displayName: '组委会 · 次仁 (committee)' },
  { username: 'district', role: 'district', officeId: 'lhasa.chengguan', displayName: '城关区项目办 · 王丽 (district office)' },
  { username: 'district-2', role: 'district', officeId: 'lhasa.chengguan', displayName: '城关区项目办 · 李娟' },
  { username: 'district-b', role: 'district', officeId: 'lhasa.duilongdeqing', displayName: '堆龙德庆区项目办 · 扎西 (second district)' },
  { username: 'township', role: 'township', officeId: 'lhasa.chengguan.caigongtang', displayName: '蔡公堂乡 · 格桑 (township)' },
  { username: 'township-b', role: 'township', officeId: 'lhasa.duilongdeqing.naiqiong', displayName: '乃琼镇 · 巴桑 (township, second district)' },
  { username: 'field', role: 'field', officeId: 'lhasa.chengguan', displayName: '城关区 · 达瓦 (field staff)' },
  { username: 'field-b', role: 'field', officeId: 'lhasa.duilongdeqing', displayName: '堆龙德庆区 · 普布 (field staff, second district)' },
];

export class TokenIssuer {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  sign(user: Pick<DemoUser, 'username' | 'role' | 'officeId'>, opts: { expiresIn?: string | number; audience?: string; groups?: string[] } = {}): Promise<string> {
    return new SignJWT({ 'cognito:username': user.username, 'cognito:groups': opts.groups ?? [user.role], 'custom:office': user.officeId, token_use: 'id' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(`local-${user.username}`)
      .setIssuer(LOCAL_ISSUER)
      .setAudience(opts.audience ?? LOCAL_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(opts.expiresIn ?? '8h')
      .sign(this.key);
  }

  /** The verified claims, or undefined for a missing, expired, forged or foreign token. */
  async verify(token: string): Promise<JWTPayload | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, algorithms: ['HS256'] });
      return payload;
    } catch {
      return undefined;
    }
  }
}
