/**
 * Stateless: the HTTP API and its functions, declared from the route table: one Lambda per
 * function folder, one API route per route-table entry, Cognito JWT authorizer on every
 * route that names roles.
 */
import { CfnOutput, Duration } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { FUNCTIONS, ROUTES, splitRouteKey, type FunctionName, type RouteKey } from '../../shared/routes.ts';
import { LoanFunction } from './lambda-function.ts';

/** Functions that only read the records table. */
export const READ_ONLY_FUNCTIONS: readonly FunctionName[] = ['meta', 'loans'];

export interface ApiProps {
  records: dynamodb.ITable;
  userPool: cognito.IUserPool;
  userPoolClient: cognito.IUserPoolClient;
  /** origins allowed to call the API from a browser */
  allowedOrigins?: string[];
}

export class Api extends Construct {
  readonly httpApi: apigw.HttpApi;
  readonly functions: Record<FunctionName, LoanFunction>;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.httpApi = new apigw.HttpApi(this, 'Http', {
      description: 'Happiness Project loan system API',
      corsPreflight: {
        allowOrigins: props.allowedOrigins ?? ['*'],
        allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
        allowMethods: [apigw.CorsHttpMethod.GET, apigw.CorsHttpMethod.POST],
        maxAge: Duration.hours(1),
      },
    });
    const authorizer = new HttpUserPoolAuthorizer('Cognito', props.userPool, { userPoolClients: [props.userPoolClient] });

    this.functions = Object.fromEntries(
      FUNCTIONS.map((name) => {
        const fn = new LoanFunction(this, `Fn-${name}`, { name });
        fn.bindTable(props.records, 'RECORDS_TABLE', READ_ONLY_FUNCTIONS.includes(name) ? 'RO' : 'RW');
        return [name, fn];
      }),
    ) as Record<FunctionName, LoanFunction>;

    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    for (const key of Object.keys(ROUTES) as RouteKey[]) {
      const spec = ROUTES[key];
      const { method, path } = splitRouteKey(key);
      if (!integrations.has(spec.fn)) integrations.set(spec.fn, new HttpLambdaIntegration(`Int-${spec.fn}`, this.functions[spec.fn].fn));
      this.httpApi.addRoutes({
        path,
        methods: [method as apigw.HttpMethod],
        integration: integrations.get(spec.fn)!,
        ...('roles' in spec ? { authorizer } : {}),
      });
    }
    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.apiEndpoint });
  }
}
