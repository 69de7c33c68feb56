/** Where the app runs: locally (demo users from the dev server) or on AWS (Cognito), from /config.json. */
export type AppConfig =
  | { mode: 'local'; apiUrl: string }
  | { mode: 'aws'; apiUrl: string; region: string; userPoolId: string; userPoolClientId: string };

let loaded: Promise<AppConfig> | undefined;

export function appConfig(): Promise<AppConfig> {
  loaded ??= fetch('/config.json')
    .then((r) => (r.ok ? (r.json() as Promise<AppConfig>) : { mode: 'local' as const, apiUrl: '' }))
    .catch(() => ({ mode: 'local' as const, apiUrl: '' }));
  return loaded;
}
