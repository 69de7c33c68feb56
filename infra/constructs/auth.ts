/**
 * Sign-in: a Cognito user pool whose groups are the roles and whose `custom:office`
 * attribute is the user's office. Users are created by an administrator (no self sign-up).
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ROLES } from '../../shared/domain/roles.ts';

export class Auth extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      customAttributes: { office: new cognito.StringAttribute({ minLen: 1, maxLen: 200, mutable: true }) },
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true, tempPasswordValidity: Duration.days(3) },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { sms: false, otp: true },
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      accountRecovery: cognito.AccountRecovery.NONE,
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason: 'MFA is offered (TOTP) but not forced: field staff sign in on shared phones in villages without authenticator apps; every account is created by an administrator and tokens live 8 hours',
    });
    for (const role of ROLES) new cognito.CfnUserPoolGroup(this, `Group-${role}`, { userPoolId: this.userPool.userPoolId, groupName: role });
    this.client = this.userPool.addClient('WebApp', {
      authFlows: { userSrp: true, userPassword: true },
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(8),
      accessTokenValidity: Duration.hours(8),
      disableOAuth: true,
      readAttributes: new cognito.ClientAttributes().withCustomAttributes('office').withStandardAttributes({ phoneNumber: true, fullname: true }),
      // the office decides what a user may see: only an administrator may change it
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ phoneNumber: true, fullname: true }),
    });
  }
}
