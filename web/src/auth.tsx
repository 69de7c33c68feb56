/**
 * Sign-in with OpenID Connect (authorization code + S256 PKCE, oidc-client-ts), the same
 * code path everywhere: locally against the dev server's provider, on AWS against Cognito's
 * managed login or the office's own provider. The access token is the API's bearer token;
 * it is renewed in the background before it expires (refresh token), so a half-filled form
 * is never lost; sign-in returns to the page the user was on. Who the user is in the
 * programme (name, role, office) comes from the staff directory (`GET /me`), not the token.
 */
import type { User } from 'oidc-client-ts';
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError, request, setToken } from './api/client.ts';
import { oidc, signInRedirect, storedUser } from './oidc.ts';

export type Role = 'committee' | 'district' | 'township' | 'field';

export interface Session {
  token: string;
  userId: string;
  username: string;
  role: Role;
  officeId: string;
  displayName?: string;
}

interface Auth {
  session?: Session;
  /** a sign-in problem to show on the login page */
  problem?: unknown;
  /** true while the app is finding out whether someone is signed in */
  checking: boolean;
  signIn(): Promise<void>;
  signOut(): Promise<void>;
}

const Ctx = createContext<Auth>({ checking: true, signIn: async () => undefined, signOut: async () => undefined });

interface Me {
  userId: string;
  username: string;
  displayName?: string;
  role: Role;
  officeId: string;
}

/** Who the user is in the programme, from the staff directory. */
async function sessionOf(user: User): Promise<Session> {
  setToken(user.access_token);
  const me = (await request('GET', '/me')) as Me;
  return { token: user.access_token, ...me };
}

/** The session last seen in this tab (a reload shows the app at once, also offline in a village). */
function keptSession(user: User): Session | undefined {
  const kept = sessionStorage.getItem('session');
  return kept ? { ...(JSON.parse(kept) as Me), token: user.access_token } : undefined;
}

/**
 * A field officer's last session on this phone, without any token (localStorage): a tab opened
 * with no network (the browser closed the old one, or the app was started from the home screen)
 * shows her field pages from the phone instead of a sign-in that cannot reach the provider.
 * Nothing is sent without a token: her entries wait in the outbox until she signs in again.
 * Cleared on sign-out and when someone of another role signs in on this device.
 */
const OFFLINE_SESSION = 'field-session';

function offlineSession(): Session | undefined {
  try {
    const kept = JSON.parse(localStorage.getItem(OFFLINE_SESSION) ?? 'null') as Me | null;
    return kept?.role === 'field' ? { ...kept, token: '' } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether this app's own server answers at all (navigator.onLine is true on a phone with signal but no data). */
async function reachable(): Promise<boolean> {
  try {
    await fetch('/config.json', { cache: 'no-store', signal: AbortSignal.timeout(8_000) });
    return true;
  } catch {
    return false;
  }
}

/** A reload with a valid token in this tab: the user and the session it last saw, with the token's time left. */
function reloaded(): { user: User; session: Session; msLeft: number } | undefined {
  const params = new URLSearchParams(location.search);
  const user = params.has('code') || params.has('error') ? undefined : (storedUser() as User | undefined);
  const msLeft = user?.expires_at ? user.expires_at * 1000 - Date.now() : 0;
  const session = user && msLeft > 0 ? keptSession(user) : undefined;
  return user && session ? { user, session, msLeft } : undefined;
}

/** The session shown from the first render on a reload (no second pass), its token given to the API client before any page asks. */
function initialSession(): Session | undefined {
  const session = reloaded()?.session;
  if (session) setToken(session.token);
  return session;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | undefined>(initialSession);
  const [problem, setProblem] = useState<unknown>();
  const [checking, setChecking] = useState(!session);
  const started = useRef(false);

  const signIn = useCallback(() => signInRedirect(), []);

  const signOut = useCallback(async () => {
    const { manager, config } = await oidc();
    const user = await manager.getUser();
    await manager.removeUser();
    localStorage.removeItem(OFFLINE_SESSION);
    setToken(undefined);
    setSession(undefined);
    const extra = config.signOutUrl ? { extraQueryParams: { logout_uri: `${location.origin}/` } } : {};
    await manager.signoutRedirect({ id_token_hint: user?.id_token, ...extra }).catch(() => undefined);
  }, []);

  /** An API call answered 401 (the token ran out while the device slept): renew once and retry, else sign in again. */
  const renewAfter401 = useCallback(async (): Promise<string | undefined> => {
    const { manager } = await oidc();
    const renewed = await manager.signinSilent().catch(() => null);
    if (renewed) return renewed.access_token;
    await manager.removeUser();
    setSession(undefined);
    return undefined;
  }, []);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    let unsubscribe: (() => void) | undefined;
    (async () => {
      const params = new URLSearchParams(location.search);
      const shown = reloaded();
      if (shown) {
        // a reload with a valid token: the app is shown at once (initialSession); the OIDC client loads a little later (before renewal is due)
        setToken(shown.session.token);
        setSession((s) => s ?? shown.session);
        setChecking(false);
        await new Promise((r) => setTimeout(r, Math.max(0, Math.min(10_000, shown.msLeft - 90_000))));
      }
      const { manager } = await oidc();
      let user: User | null;
      if (params.has('code') || params.has('error')) {
        // back from the provider: finish the sign-in, then go back to where the user was
        const finished = await manager.signinRedirectCallback();
        const returnTo = (finished.state as { returnTo?: string } | undefined)?.returnTo ?? '#/';
        history.replaceState(null, '', `/${returnTo.startsWith('#') ? returnTo : '#/'}`);
        window.dispatchEvent(new HashChangeEvent('hashchange'));
        user = finished;
      } else user = await manager.getUser();
      // an expired token is renewed now; offline, the old one is kept and renewed when the API answers 401
      if (user?.expired) user = (await manager.signinSilent().catch(() => null)) ?? user;
      if (user) {
        const kept = keptSession(user);
        if (kept) {
          // show the app now; the directory's answer (a move, a deactivation) follows when the network allows
          setToken(user.access_token);
          setSession(kept);
          setChecking(false);
          sessionOf(user).then(setSession, (error: unknown) => {
            if (!(error instanceof ApiError && error.code === 'network')) {
              setSession(undefined);
              setProblem(error);
            }
          });
        } else setSession(await sessionOf(user));
      } else {
        // nobody signed in in this tab: a field officer without a network gets her pages from the phone
        const kept = offlineSession();
        if (kept && !(await reachable())) setSession(kept);
      }
      // a renewed token replaces the old one in place: nothing on the page is re-created
      const onLoaded = (renewed: User) => {
        setToken(renewed.access_token, renewAfter401);
        setSession((s) => (s ? { ...s, token: renewed.access_token } : s));
      };
      const onSignedOut = () => setSession(undefined);
      manager.events.addUserLoaded(onLoaded);
      manager.events.addUserSignedOut(onSignedOut);
      manager.events.addSilentRenewError(() => undefined);
      unsubscribe = () => {
        manager.events.removeUserLoaded(onLoaded);
        manager.events.removeUserSignedOut(onSignedOut);
      };
    })()
      .catch((error: unknown) => {
        history.replaceState(null, '', `/${location.hash}`);
        setProblem(error);
      })
      .finally(() => setChecking(false));
    return () => unsubscribe?.();
  }, [renewAfter401]);

  useEffect(() => setToken(session?.token, renewAfter401), [session?.token, renewAfter401]);
  // the field pages' outbox reads who is signed in in this tab (entries are sent only as their maker)
  useEffect(() => {
    if (session) {
      const me = JSON.stringify({ userId: session.userId, username: session.username, displayName: session.displayName, role: session.role, officeId: session.officeId });
      sessionStorage.setItem('session', me);
      // a field officer may start the app without a network later (see offlineSession)
      if (session.role === 'field') localStorage.setItem(OFFLINE_SESSION, me);
      else localStorage.removeItem(OFFLINE_SESSION);
    } else if (!checking) sessionStorage.removeItem('session');
  }, [session, checking]);

  return <Ctx.Provider value={{ session, problem, checking, signIn, signOut }}>{children}</Ctx.Provider>;
}

export const useAuth = () => useContext(Ctx);
