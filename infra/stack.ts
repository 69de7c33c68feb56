/** The whole system in one stack: data (stateful), auth, the API with its functions, the daily close of business, and the web app. */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api } from './constructs/api.ts';
import { Auth } from './constructs/auth.ts';
import { DataStore } from './constructs/data.ts';
import { CloseOfBusiness } from './constructs/schedule.ts';
import { Web } from './constructs/web.ts';
import { Alerts } from './constructs/alerts.ts';

export class LoanSystemStack extends Stack {
  readonly data: DataStore;
  readonly auth: Auth;
  readonly api: Api;
  readonly closeOfBusiness: CloseOfBusiness;
  readonly web: Web;
  readonly alerts: Alerts;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.data = new DataStore(this, 'Data');
    this.auth = new Auth(this, 'Auth');
    this.web = new Web(this, 'Web');
    this.api = new Api(this, 'Api', { data: this.data, userPool: this.auth.userPool, userPoolClient: this.auth.client, allowedOrigins: [this.web.origin] });
    this.closeOfBusiness = new CloseOfBusiness(this, 'CloseOfBusiness', { data: this.data });
    this.alerts = new Alerts(this, 'Alerts');
    this.web.deploy({ apiUrl: this.api.httpApi.apiEndpoint, userPoolId: this.auth.userPool.userPoolId, userPoolClientId: this.auth.client.userPoolClientId });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId });
  }
}
