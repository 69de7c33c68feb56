/**
 * Where the app runs, from /config.json: the API and the OpenID Connect provider (the dev
 * server's local provider, Cognito's managed login, or an office's own provider such as
 * Keycloak). The stack writes it on AWS; with `webHosting=none` the office copies it from
 * the stack's `WebConfigJson` output.
 */
export interface AppConfig {
  mode: 'oidc';
  apiUrl: string;
  /** the issuer; discovery at `${authority}/.well-known/openid-configuration` */
  authority: string;
  clientId: string;
  scope: string;
  /** sign-out page when the provider's discovery has none (Cognito managed login) */
  signOutUrl?: string;
}

let loaded: Promise<AppConfig> | undefined;

/** The request index.html started before the app's code arrived (null when it failed), taken once. */
function early(): Promise<Response | null> | undefined {
  const w = window as { __config?: Promise<Response | null> };
  const started = w.__config;
  w.__config = undefined;
  return started;
}

/** The settings, and the last ones seen kept on the device: a field officer's phone reloads the app offline. */
export function appConfig(): Promise<AppConfig> {
  loaded ??= (early() ?? fetch('/config.json', { cache: 'no-store' }))
    .then(async (r) => {
      if (!r) throw new Error('config.json: no network');
      if (!r.ok) throw new Error(`config.json: HTTP ${r.status}`);
      const config = (await r.json()) as AppConfig;
      localStorage.setItem('config', JSON.stringify(config));
      return config;
    })
    .catch((error: unknown) => {
      const kept = localStorage.getItem('config');
      if (kept) return JSON.parse(kept) as AppConfig;
      throw error;
    });
  return loaded;
}
