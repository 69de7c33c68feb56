/**
 * Stateless: the HTTP API and its functions, declared from the route table: one Lambda per
 * function folder, one API route per route-table entry, a JWT authorizer (the Cognito user
 * pool's or an external OIDC provider's issuer) on every route that names roles. Access logs, throttling, and alarms on errors and throttles.
 */
import { CfnOutput, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { FUNCTION_SIZES, FUNCTIONS, ROUTES, splitRouteKey, type FunctionName, type RouteKey } from '../../shared/routes.ts';
import type { DataStore } from './data.ts';
import { LoanFunction } from './lambda-function.ts';

/** Functions that only read the records table (`ledger`: the templates and the view of ledger imports; staging and applying are `ledger-stage`, `ledger-apply`). */
export const READ_ONLY_FUNCTIONS: readonly FunctionName[] = ['meta', 'loans', 'reports', 'audit', 'public', 'ledger'];

/** Steady-state and burst request limits of the whole API (a district office makes a few requests a minute). */
export const THROTTLING = { rateLimit: 50, burstLimit: 100 };

/** Limits of each public route that reads records (the check of a printed receipt). */
export const PUBLIC_THROTTLING = { rateLimit: 5, burstLimit: 10 };

export interface ApiProps {
  data: DataStore;
  /** the tokens API Gateway accepts: issuer and audience (`aud`, or `client_id` in Cognito access tokens) */
  jwt: { issuer: string; audience: string[] };
  /** with identity=cognito: the staff function creates, disables and enables its users */
  userPool?: cognito.IUserPool;
  /** origins allowed to call the API from a browser */
  allowedOrigins?: string[];
}

export class Api extends Construct {
  readonly httpApi: apigw.HttpApi;
  readonly functions: Record<FunctionName, LoanFunction>;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.httpApi = new apigw.HttpApi(this, 'Http', {
      description: 'Happiness Project loan system API',
      corsPreflight: {
        allowOrigins: props.allowedOrigins?.length ? props.allowedOrigins : ['http://localhost:3000'],
        allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
        allowMethods: [apigw.CorsHttpMethod.GET, apigw.CorsHttpMethod.POST, apigw.CorsHttpMethod.PATCH],
        maxAge: Duration.hours(1),
      },
    });
    this.configureStage();
    const authorizer = new HttpJwtAuthorizer('Jwt', props.jwt.issuer, { jwtAudience: props.jwt.audience, authorizerName: 'StaffToken' });

    this.functions = Object.fromEntries(
      FUNCTIONS.map((name) => {
        const fn = new LoanFunction(this, `Fn-${name}`, { name, ...FUNCTION_SIZES[name] });
        fn.bindData(props.data, 'RECORDS_TABLE', READ_ONLY_FUNCTIONS.includes(name) ? 'RO' : 'RW');
        this.alarmOn(name, fn);
        if (name === 'staff' && props.userPool) {
          fn.fn.addEnvironment('USER_POOL_ID', props.userPool.userPoolId);
          props.userPool.grant(fn.role, 'cognito-idp:AdminCreateUser', 'cognito-idp:AdminDisableUser', 'cognito-idp:AdminEnableUser');
        }
        return [name, fn];
      }),
    ) as Record<FunctionName, LoanFunction>;

    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    for (const key of Object.keys(ROUTES) as RouteKey[]) {
      const spec = ROUTES[key];
      const { method, path } = splitRouteKey(key);
      if (!integrations.has(spec.fn)) integrations.set(spec.fn, new HttpLambdaIntegration(`Int-${spec.fn}`, this.functions[spec.fn].fn));
      const [route] = this.httpApi.addRoutes({
        path,
        methods: [method as apigw.HttpMethod],
        integration: integrations.get(spec.fn)!,
        ...('roles' in spec ? { authorizer } : {}),
      });
      if (!('roles' in spec))
        Validations.of(route!).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: path.startsWith('/public/')
            ? `${key} is public by design and answers no personal data: ${spec.summary}`
            : `${key} is public by design: liveness and the API description carry no data`,
        });
    }
    this.alarms.push(
      new cloudwatch.Alarm(this, 'Api5xx', {
        alarmDescription: 'The API answered with server errors',
        metric: this.httpApi.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    );
    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.apiEndpoint });
  }

  /** Access logs (no bodies, no tokens) and throttling on the default stage. */
  private configureStage(): void {
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.RETAIN });
    const stage = this.httpApi.defaultStage!.node.defaultChild as apigw.CfnStage;
    stage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({
        requestId: '$context.requestId',
        ip: '$context.identity.sourceIp',
        user: '$context.authorizer.claims.sub',
        routeKey: '$context.routeKey',
        status: '$context.status',
        latencyMs: '$context.responseLatency',
        time: '$context.requestTime',
      }),
    };
    stage.defaultRouteSettings = { throttlingRateLimit: THROTTLING.rateLimit, throttlingBurstLimit: THROTTLING.burstLimit };
    // public routes that read records (a receipt's check): a few requests a second, so nobody can walk the ids
    stage.routeSettings = Object.fromEntries(
      (Object.keys(ROUTES) as RouteKey[])
        .filter((k) => !('roles' in ROUTES[k]) && k.includes('/public/'))
        .map((k) => [k, { throttlingRateLimit: PUBLIC_THROTTLING.rateLimit, throttlingBurstLimit: PUBLIC_THROTTLING.burstLimit }]),
    );
  }

  private alarmOn(name: string, fn: LoanFunction): void {
    const common = { period: Duration.minutes(5), statistic: 'Sum' };
    this.alarms.push(
      new cloudwatch.Alarm(this, `Errors-${name}`, {
        alarmDescription: `The ${name} function failed`,
        metric: fn.fn.metricErrors(common),
        threshold: 1,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      new cloudwatch.Alarm(this, `Throttles-${name}`, {
        alarmDescription: `The ${name} function was throttled`,
        metric: fn.fn.metricThrottles(common),
        threshold: 1,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    );
  }
}
