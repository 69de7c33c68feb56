/** The whole system in one stack: data (stateful), auth, and the API with its functions. */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api } from './constructs/api.ts';
import { Auth } from './constructs/auth.ts';
import { DataStore } from './constructs/data.ts';

export class LoanSystemStack extends Stack {
  readonly data: DataStore;
  readonly auth: Auth;
  readonly api: Api;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.data = new DataStore(this, 'Data');
    this.auth = new Auth(this, 'Auth');
    this.api = new Api(this, 'Api', { data: this.data, userPool: this.auth.userPool, userPoolClient: this.auth.client });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId });
  }
}
