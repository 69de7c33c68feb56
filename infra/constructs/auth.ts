/**
 * Who may sign in, chosen at deploy time (CDK context `identity`):
 *
 * - `cognito` (default, AWS global regions): a Cognito user pool with Cognito's managed
 *   login (authorization code + PKCE; it handles the first-login password change and TOTP
 *   set-up), no self sign-up, TOTP MFA required. Users are created by the staff directory
 *   (`POST /staff` → AdminCreateUser; the pool e-mails the temporary password).
 * - `oidc` (AWS China regions, where Cognito user pools do not exist, or any office with its
 *   own provider: Keycloak, a Chinese IDaaS …): the API trusts `issuer` for `audience`; the
 *   stack creates no Cognito resource at all.
 *
 * Either way the token only says who the person is; role and office come from the staff
 * directory in the table.
 */
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export type IdentitySettings = { kind: 'cognito'; domainPrefix?: string } | { kind: 'oidc'; issuer: string; audience: string; webClientId: string; scope: string };

/** What the API's JWT authorizer trusts and what the web app's OIDC client needs. */
export interface IdentityEndpoints {
  issuer: string;
  audience: string;
  webClientId: string;
  scope: string;
  /** Cognito's managed login has no end_session_endpoint in its discovery document: its logout URL */
  signOutUrl?: string;
}

/** Reads `-c identity=cognito|oidc -c issuer=… -c audience=… -c webClientId=… -c scope=… -c cognitoDomainPrefix=…`. */
export function identityFromContext(scope: Construct): IdentitySettings {
  const ctx = (key: string): string | undefined => {
    const value: unknown = scope.node.tryGetContext(key);
    return typeof value === 'string' && value ? value : undefined;
  };
  const kind = ctx('identity') ?? 'cognito';
  if (kind === 'cognito') return { kind, domainPrefix: ctx('cognitoDomainPrefix') };
  if (kind !== 'oidc') throw new Error(`context identity must be "cognito" or "oidc", not "${kind}"`);
  const issuer = ctx('issuer');
  const audience = ctx('audience');
  if (!issuer || !/^https:\/\/[^\s]+$/.test(issuer)) throw new Error('identity=oidc needs -c issuer=https://… (the provider’s issuer URL, exactly as in its tokens)');
  if (!audience) throw new Error('identity=oidc needs -c audience=… (the aud claim of the access tokens the web app sends)');
  return { kind, issuer, audience, webClientId: ctx('webClientId') ?? audience, scope: ctx('scope') ?? 'openid profile' };
}

export class CognitoAuth extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  readonly domain: cognito.UserPoolDomain;

  constructor(scope: Construct, id: string, props: { webOrigins: string[]; domainPrefix?: string }) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: false, mutable: true }, fullname: { required: false, mutable: true } },
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true, tempPasswordValidity: Duration.days(3) },
      // TOTP required for everyone: Cognito requires MFA per pool, not per group, and the roles
      // that move money (committee, district) must have it; managed login sets it up at first sign-in
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { sms: false, otp: true },
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
    });
    const callbackUrls = props.webOrigins.map((o) => `${o}/`);
    this.client = this.userPool.addClient('WebApp', {
      // no USER_PASSWORD_AUTH: people sign in on the managed login pages only (code + PKCE)
      authFlows: { userSrp: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      enableTokenRevocation: true,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.PROFILE, cognito.OAuthScope.EMAIL],
        callbackUrls,
        logoutUrls: callbackUrls,
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      readAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true, fullname: true, preferredUsername: true }),
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
    });
    this.domain = this.userPool.addDomain('Login', {
      cognitoDomain: { domainPrefix: props.domainPrefix ?? `happiness-loans-${Stack.of(this).account}` },
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    // managed login needs a style; Cognito's own is fine for a programme office
    new cognito.CfnManagedLoginBranding(this, 'LoginBranding', { userPoolId: this.userPool.userPoolId, clientId: this.client.userPoolClientId, useCognitoProvidedValues: true });
  }

  endpoints(): IdentityEndpoints {
    const clientId = this.client.userPoolClientId;
    return {
      issuer: this.userPool.userPoolProviderUrl,
      audience: clientId,
      webClientId: clientId,
      scope: 'openid profile email',
      signOutUrl: `${this.domain.baseUrl()}/logout?client_id=${clientId}`,
    };
  }
}
