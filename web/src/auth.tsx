/**
 * Sign-in. Locally: pick a demo user (the dev server signs the token). On AWS: the stack's
 * Cognito user pool (USER_PASSWORD_AUTH), ID token as the bearer token.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { setToken } from './api.ts';
import { appConfig } from './config.ts';

export type Role = 'committee' | 'district' | 'township' | 'field';

export interface Session {
  token: string;
  username: string;
  role: Role;
  officeId: string;
  displayName?: string;
}

interface Auth {
  session?: Session;
  signIn(session: Session): void;
  signOut(): void;
}

const Ctx = createContext<Auth>({ signIn: () => undefined, signOut: () => undefined });

function claimsOf(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  const json = decodeURIComponent(
    atob(part.replace(/-/g, '+').replace(/_/g, '/'))
      .split('')
      .map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
      .join(''),
  );
  return JSON.parse(json) as Record<string, unknown>;
}

export function sessionFromToken(token: string, displayName?: string): Session {
  const claims = claimsOf(token);
  const groups = claims['cognito:groups'];
  const role = (Array.isArray(groups) ? groups[0] : String(groups ?? '')) as Role;
  return { token, username: String(claims['cognito:username'] ?? claims.sub), role, officeId: String(claims['custom:office'] ?? ''), displayName };
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | undefined>(() => {
    const saved = sessionStorage.getItem('session');
    if (!saved) return undefined;
    const s = JSON.parse(saved) as Session;
    const exp = Number(claimsOf(s.token).exp ?? 0);
    return exp * 1000 > Date.now() ? s : undefined;
  });
  const signOut = () => {
    sessionStorage.removeItem('session');
    setSession(undefined);
  };
  useEffect(() => setToken(session?.token, signOut), [session]);
  const signIn = (s: Session) => {
    sessionStorage.setItem('session', JSON.stringify(s));
    setToken(s.token, signOut);
    setSession(s);
  };
  return <Ctx.Provider value={{ session, signIn, signOut }}>{children}</Ctx.Provider>;
}

export const useAuth = () => useContext(Ctx);

export async function localUsers(): Promise<{ username: string; role: Role; officeId: string; displayName: string }[]> {
  const res = await fetch('/dev/users');
  return res.ok ? ((await res.json()) as { items: { username: string; role: Role; officeId: string; displayName: string }[] }).items : [];
}

export async function localSignIn(username: string): Promise<Session> {
  const res = await fetch('/dev/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username }) });
  if (!res.ok) throw new Error(`sign-in failed (${res.status})`);
  const { token, user } = (await res.json()) as { token: string; user: { displayName: string } };
  return sessionFromToken(token, user.displayName);
}

export async function cognitoSignIn(username: string, password: string): Promise<Session> {
  const config = await appConfig();
  if (config.mode !== 'aws') throw new Error('not on AWS');
  const res = await fetch(`https://cognito-idp.${config.region}.amazonaws.com/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
    body: JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: config.userPoolClientId, AuthParameters: { USERNAME: username, PASSWORD: password } }),
  });
  const body = (await res.json()) as { AuthenticationResult?: { IdToken: string }; message?: string; ChallengeName?: string };
  if (!body.AuthenticationResult) throw new Error(body.message ?? body.ChallengeName ?? 'sign-in failed');
  return sessionFromToken(body.AuthenticationResult.IdToken, username);
}
