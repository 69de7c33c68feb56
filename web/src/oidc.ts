/**
 * The OpenID Connect client (oidc-client-ts: authorization code + S256 PKCE), without React:
 * one UserManager configured from /config.json, loaded when first needed, not with the first
 * screen (a village connection pays for every KB). The sign-in page (`pages/sign-in/`) starts a
 * sign-in with it before the app's code is loaded; `auth.tsx` finishes it and renews the token.
 */
import type { UserManager } from 'oidc-client-ts';
import { appConfig, type AppConfig } from './config.ts';

let managerOf: Promise<{ manager: UserManager; config: AppConfig }> | undefined;

/** One UserManager for the app, configured from /config.json. */
export function oidc(): Promise<{ manager: UserManager; config: AppConfig }> {
  managerOf ??= Promise.all([appConfig(), import('oidc-client-ts')]).then(([config, { UserManager, WebStorageStateStore }]) => ({
    config,
    manager: new UserManager({
      authority: config.authority,
      client_id: config.clientId,
      redirect_uri: `${location.origin}/`,
      post_logout_redirect_uri: `${location.origin}/`,
      response_type: 'code',
      scope: config.scope,
      // renew a minute before expiry with the refresh token; the page and its forms stay as they are
      automaticSilentRenew: true,
      accessTokenExpiringNotificationTimeInSeconds: 60,
      userStore: new WebStorageStateStore({ store: window.sessionStorage }),
      ...(config.signOutUrl ? { metadataSeed: { end_session_endpoint: config.signOutUrl } } : {}),
    }),
  }));
  return managerOf;
}

/** Goes to the identity provider; back from it, the app opens the page the user was on. */
export async function signInRedirect(): Promise<void> {
  const { manager } = await oidc();
  await manager.signinRedirect({ state: { returnTo: location.hash || '#/' } });
}

/** The signed-in user oidc-client-ts keeps in this tab (`oidc.user:…`), read without loading the library. */
export function storedUser(): { access_token: string; expires_at?: number } | undefined {
  const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'));
  if (!key) return undefined;
  try {
    return JSON.parse(sessionStorage.getItem(key) ?? '') as { access_token: string; expires_at?: number };
  } catch {
    return undefined;
  }
}
