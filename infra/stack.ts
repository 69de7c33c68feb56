/**
 * The whole system in one stack: data (stateful), identity, the API with its functions, the
 * daily close of business, and the web app. Chosen at deploy time with CDK context:
 *
 * - `identity=cognito` (default) | `identity=oidc` with `issuer`, `audience` (and `webClientId`,
 *   `scope`): who signs people in (see `constructs/auth.ts`);
 * - `webHosting=cloudfront` (default) | `webHosting=none` with `webOrigin`: S3 + CloudFront, or
 *   the office's own web server (the ICP case in China) at `webOrigin`;
 * - `sms=none` (default) | `sms=aliyun` | `sms=tencent`: the mothers' text messages and their provider.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api } from './constructs/api.ts';
import { CognitoAuth, identityFromContext, type IdentityEndpoints, type IdentitySettings } from './constructs/auth.ts';
import { DataStore } from './constructs/data.ts';
import { CloseOfBusiness } from './constructs/schedule.ts';
import { RetentionJob } from './constructs/retention.ts';
import { Alerts } from './constructs/alerts.ts';
import { Web, type WebConfig } from './constructs/web.ts';
import { smsFromContext, TextMessages } from './constructs/sms.ts';

export type WebHosting = 'cloudfront' | 'none';

export function webHostingFromContext(scope: Construct): { hosting: WebHosting; origin?: string } {
  const hosting: unknown = scope.node.tryGetContext('webHosting') ?? 'cloudfront';
  const origin: unknown = scope.node.tryGetContext('webOrigin');
  if (hosting !== 'cloudfront' && hosting !== 'none') throw new Error(`context webHosting must be "cloudfront" or "none", not "${String(hosting)}"`);
  if (origin !== undefined && (typeof origin !== 'string' || !/^https?:\/\/[^/\s]+$/.test(origin))) throw new Error('context webOrigin must be an origin such as https://loans.example.cn (no path)');
  if (hosting === 'none' && !origin) throw new Error('webHosting=none needs -c webOrigin=https://… (where the office serves the web app: the API allows it and sign-in returns to it)');
  return { hosting, ...(origin ? { origin } : {}) };
}

export class LoanSystemStack extends Stack {
  readonly data: DataStore;
  readonly identity: IdentitySettings;
  readonly cognito?: CognitoAuth;
  readonly api: Api;
  readonly closeOfBusiness: CloseOfBusiness;
  /** the daily anonymisation of personal data past retention */
  readonly retention: RetentionJob;
  readonly web?: Web;
  /** what the web app's /config.json says (written by the stack, or an output to copy with webHosting=none) */
  readonly webConfig: WebConfig;
  readonly alerts: Alerts;
  /** with -c sms=aliyun|tencent: the mothers' text messages */
  readonly sms?: TextMessages;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.identity = identityFromContext(this);
    const hosting = webHostingFromContext(this);
    this.data = new DataStore(this, 'Data');
    if (hosting.hosting === 'cloudfront') this.web = new Web(this, 'Web');
    const webOrigins = [...(this.web ? [this.web.origin] : []), ...(hosting.origin ? [hosting.origin] : [])];

    let endpoints: IdentityEndpoints;
    if (this.identity.kind === 'cognito') {
      this.cognito = new CognitoAuth(this, 'Auth', { webOrigins, domainPrefix: this.identity.domainPrefix });
      endpoints = this.cognito.endpoints();
      new CfnOutput(this, 'UserPoolId', { value: this.cognito.userPool.userPoolId });
      new CfnOutput(this, 'UserPoolClientId', { value: this.cognito.client.userPoolClientId });
      new CfnOutput(this, 'LoginUrl', { value: this.cognito.domain.baseUrl() });
    } else {
      endpoints = { issuer: this.identity.issuer, audience: this.identity.audience, webClientId: this.identity.webClientId, scope: this.identity.scope };
    }

    this.api = new Api(this, 'Api', { data: this.data, jwt: { issuer: endpoints.issuer, audience: [endpoints.audience] }, userPool: this.cognito?.userPool, allowedOrigins: webOrigins });
    this.closeOfBusiness = new CloseOfBusiness(this, 'CloseOfBusiness', { data: this.data });
    this.retention = new RetentionJob(this, 'Retention', { data: this.data });
    const sms = smsFromContext(this);
    const f = this.api.functions;
    if (sms !== 'none') this.sms = new TextMessages(this, 'Sms', { data: this.data, provider: sms, senders: [f.disbursement, f.repayments, f.sms] });
    // the functions that would queue messages are told explicitly that none are sent
    else for (const fn of [f.disbursement, f.repayments, f.sms]) fn.fn.addEnvironment('SMS_PROVIDER', 'none');
    this.alerts = new Alerts(this, 'Alerts');
    this.webConfig = {
      mode: 'oidc',
      apiUrl: this.api.httpApi.apiEndpoint,
      authority: endpoints.issuer,
      clientId: endpoints.webClientId,
      scope: endpoints.scope,
      ...(endpoints.signOutUrl ? { signOutUrl: endpoints.signOutUrl } : {}),
    };
    if (this.web) this.web.deploy(this.webConfig);
    else new CfnOutput(this, 'WebConfigJson', { description: 'Save as config.json next to the web app’s index.html on the office’s web server', value: Stack.of(this).toJsonString(this.webConfig) });
  }
}
