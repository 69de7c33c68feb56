/**
 * CDK assertion tests of the whole stack: the records table, its key, one function per
 * function folder, one API route per route-table entry, the JWT authorizer, least
 * privilege, and the local tables built from the same template. Synthesized once, without
 * bundling.
 */
import { readFileSync } from 'node:fs';
import { App, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { READ_ONLY_FUNCTIONS } from '../../infra/constructs/api.ts';
import { GRANTS_BY_USE } from '../../infra/constructs/lambda-function.ts';
import { localTables, type LocalTables } from '../../infra/local-tables.ts';
import { LoanSystemStack } from '../../infra/stack.ts';
import { FUNCTIONS, ROUTES, type FunctionName, type RouteKey } from '../../shared/routes.ts';
import { INDEX } from '../../shared/store/keys.ts';

interface Resource {
  Type: string;
  Properties?: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
}

interface PolicyDocument {
  Statement: Statement[];
}

const ROUTE_KEYS = Object.keys(ROUTES) as RouteKey[];
const DYNAMODB_WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:PartiQLInsert', 'dynamodb:PartiQLUpdate', 'dynamodb:PartiQLDelete'];

let stack: LoanSystemStack;
let template: Template;
let resources: Record<string, Resource>;

beforeAll(() => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], alarmEmail: 'none' } });
  stack = new LoanSystemStack(app, 'Test');
  template = Template.fromStack(stack);
  resources = (template.toJSON() as { Resources: Record<string, Resource> }).Resources;
});

function logicalId(construct: { node: { defaultChild?: unknown } }): string {
  const child = construct.node.defaultChild;
  if (!child) throw new Error('construct has no default child');
  return stack.getLogicalId(child as CfnElement);
}

function resource(id: string): Resource {
  const r = resources[id];
  if (!r) throw new Error(`no resource ${id} in the template`);
  return r;
}

function ofType(type: string): [string, Resource][] {
  return Object.entries(resources).filter(([, r]) => r.Type === type);
}

function props(r: Resource): Record<string, unknown> {
  return r.Properties ?? {};
}

const tableId = () => logicalId(stack.data.records);
const functionId = (name: FunctionName) => logicalId(stack.api.functions[name].fn);

function asList<T>(x: T | T[]): T[] {
  return Array.isArray(x) ? x : [x];
}

/** Every IAM statement that applies to a role: inline policies of the role and AWS::IAM::Policy resources attached to it. */
function statementsOfRole(roleId: string): Statement[] {
  const inline = ((props(resource(roleId)).Policies ?? []) as { PolicyDocument: PolicyDocument }[]).flatMap((p) => p.PolicyDocument.Statement);
  const attached = ofType('AWS::IAM::Policy')
    .filter(([, p]) => ((props(p).Roles ?? []) as unknown[]).some((r) => (r as { Ref?: string }).Ref === roleId))
    .flatMap(([, p]) => (props(p).PolicyDocument as PolicyDocument).Statement);
  return [...inline, ...attached];
}

/** The role of a function, from its Role property `{ Fn::GetAtt: [roleId, 'Arn'] }`. */
function roleOfFunction(fnId: string): string {
  const role = props(resource(fnId)).Role as { 'Fn::GetAtt'?: [string, string] };
  const getAtt = role['Fn::GetAtt'];
  if (getAtt?.[1] !== 'Arn') throw new Error(`function ${fnId} has no role of this stack: ${JSON.stringify(role)}`);
  return getAtt[0];
}

function allowedActionsOfFunction(name: FunctionName): string[] {
  return statementsOfRole(roleOfFunction(functionId(name)))
    .filter((s) => s.Effect === 'Allow')
    .flatMap((s) => asList(s.Action));
}

describe('the records table', () => {
  it('is keyed by string pk/sk and billed per request', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ]),
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it('has point-in-time recovery and deletion protection', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
    });
  });

  it('is retained when removed from the stack or replaced', () => {
    const table = resource(tableId());
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });

  it('is encrypted with the customer-managed KMS key of the stack', () => {
    const keyId = logicalId(stack.data.key);
    expect(resource(keyId).Type).toBe('AWS::KMS::Key');
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } },
    });
  });

  it('expires records by their expiresAt attribute', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });

  it('has exactly the byScope, byRound, byMother, byDue, byName, casesByScope and casesByRound indexes, named as the store queries them', () => {
    const expected = [
      { name: INDEX.byScope, pk: 'scopePk', sk: 'scopeSk', projection: { ProjectionType: 'ALL' } },
      { name: INDEX.byRound, pk: 'roundPk', sk: 'roundSk', projection: { ProjectionType: 'ALL' } },
      // keys, and what the Queries filter on: the records are then read by key
      { name: INDEX.byMother, pk: 'motherPk', sk: 'motherSk', projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['type', 'villageId'] } },
      // what the evaluations-due list shows of a loan
      { name: INDEX.byDue, pk: 'duePk', sk: 'dueSk', projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['id', 'districtId', 'mother', 'fieldOfficer', 'evaluationSchedule'] } },
      { name: INDEX.byName, pk: 'namePk', sk: 'nameSk', projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['type', 'villageId'] } },
      // applications and loans: what the collection list shows and the lists filter on; the lists of whole records read them by key
      {
        name: INDEX.casesByScope,
        pk: 'casePk',
        sk: 'caseSk',
        projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['id', 'districtId', 'villageId', 'dueOn', 'mother', 'agreementNo', 'principalFen', 'balanceFen'] },
      },
      { name: INDEX.casesByRound, pk: 'caseRoundPk', sk: 'caseRoundSk', projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['id', 'villageId', 'dueOn', 'disbursement'] } },
    ];
    const gsis = props(resource(tableId())).GlobalSecondaryIndexes as { IndexName: string }[];
    expect(gsis.map((g) => g.IndexName).sort()).toEqual(Object.values(INDEX).sort());
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: expected.map(({ name, pk, sk, projection }) =>
        Match.objectLike({
          IndexName: name,
          KeySchema: [
            { AttributeName: pk, KeyType: 'HASH' },
            { AttributeName: sk, KeyType: 'RANGE' },
          ],
          Projection: projection,
        }),
      ),
      AttributeDefinitions: Match.arrayWith(
        expected.flatMap(({ pk, sk }) => [
          { AttributeName: pk, AttributeType: 'S' },
          { AttributeName: sk, AttributeType: 'S' },
        ]),
      ),
    });
  });
});

describe('the records key', () => {
  it('rotates and is retained (and so does the alarm topic’s key, the only other one)', () => {
    template.resourceCountIs('AWS::KMS::Key', 2);
    for (const key of [stack.data.key, stack.alerts.topic.masterKey!]) {
      const r = resource(logicalId(key));
      expect(props(r).EnableKeyRotation).toBe(true);
      expect([r.DeletionPolicy, r.UpdateReplacePolicy]).toEqual(['Retain', 'Retain']);
    }
  });
});

describe('the functions', () => {
  // the project's own functions carry its service name; CDK adds helpers of its own (bucket deployment)
  const handlerFunctions = () => template.findResources('AWS::Lambda::Function', { Properties: { Environment: { Variables: { POWERTOOLS_SERVICE_NAME: 'happiness-loans' } } } });

  it('are exactly one Lambda function per API function folder, plus the close-of-business and retention jobs', () => {
    const ids = Object.keys(handlerFunctions());
    expect(ids).toHaveLength(FUNCTIONS.length + 2);
    expect(ids.sort()).toEqual([...FUNCTIONS.map(functionId), logicalId(stack.closeOfBusiness.function.fn), logicalId(stack.retention.function.fn)].sort());
  });

  it('run the retention job every day after the close of business, the one role that may delete', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(5 17 * * ? *)',
      Targets: Match.arrayWith([Match.objectLike({ Arn: { 'Fn::GetAtt': [logicalId(stack.retention.function.fn), 'Arn'] } })]),
    });
    const deleting = Object.entries(template.findResources('AWS::IAM::Policy')).filter(([, p]) => JSON.stringify(p).includes('dynamodb:DeleteItem'));
    expect(deleting.map(([, p]) => JSON.stringify(p.Properties.Roles))).toEqual([JSON.stringify([{ Ref: logicalId(stack.retention.function.role) }])]);
  });

  it('run the close-of-business job every day by an EventBridge schedule', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(5 16 * * ? *)',
      Targets: Match.arrayWith([Match.objectLike({ Arn: { 'Fn::GetAtt': [logicalId(stack.closeOfBusiness.function.fn), 'Arn'] } })]),
    });
  });

  it('run Node 24 on arm64 with active tracing and the records table in RECORDS_TABLE', () => {
    for (const name of FUNCTIONS) {
      expect(resource(functionId(name)), name).toMatchObject({
        Type: 'AWS::Lambda::Function',
        Properties: {
          Handler: 'index.handler',
          Runtime: 'nodejs24.x',
          Architectures: ['arm64'],
          TracingConfig: { Mode: 'Active' },
          Environment: { Variables: { RECORDS_TABLE: { Ref: tableId() } } },
        },
      });
    }
  });
});

describe('the API routes', () => {
  function route(key: RouteKey): Record<string, unknown> {
    const found = ofType('AWS::ApiGatewayV2::Route').filter(([, r]) => props(r).RouteKey === key);
    expect(found, key).toHaveLength(1);
    return props(found[0]![1]);
  }

  function authorizerId(): string {
    const authorizers = ofType('AWS::ApiGatewayV2::Authorizer');
    expect(authorizers).toHaveLength(1);
    return authorizers[0]![0];
  }

  it('are exactly one route per route-table entry, keyed as in the table', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Route', ROUTE_KEYS.length);
    const keys = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => props(r).RouteKey as string);
    expect(keys.sort()).toEqual([...ROUTE_KEYS].sort());
  });

  it('require a JWT on every route that names roles', () => {
    const authorizer = authorizerId();
    for (const key of ROUTE_KEYS.filter((k) => 'roles' in ROUTES[k])) {
      expect(route(key), key).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizer } });
    }
  });

  it('leave only GET /health, GET /openapi.json and the published donor reports and the check of a printed receipt public', () => {
    const publicKeys = ROUTE_KEYS.filter((k) => !('roles' in ROUTES[k]));
    expect(publicKeys.sort()).toEqual(['GET /health', 'GET /openapi.json', 'GET /public/receipts/{loanId}/{repaymentId}', 'GET /public/reports', 'GET /public/reports/{id}']);
    for (const key of publicKeys) {
      const r = route(key);
      expect(r.AuthorizationType, key).toBe('NONE');
      expect(r.AuthorizerId, key).toBeUndefined();
    }
  });

  it('send each route to the function the route table names', () => {
    for (const key of ROUTE_KEYS) {
      const target = route(key).Target as { 'Fn::Join': [string, [string, { Ref: string }]] };
      expect(target['Fn::Join'][1][0], key).toBe('integrations/');
      const integration = resource(target['Fn::Join'][1][1].Ref);
      expect(integration, key).toMatchObject({
        Type: 'AWS::ApiGatewayV2::Integration',
        Properties: { IntegrationType: 'AWS_PROXY', IntegrationUri: { 'Fn::GetAtt': [functionId(ROUTES[key].fn), 'Arn'] } },
      });
    }
  });
});

describe('sign-in (identity=cognito, the default)', () => {
  const userPoolId = () => logicalId(stack.cognito!.userPool);
  const clientId = () => logicalId(stack.cognito!.client);

  it('the JWT authorizer trusts tokens issued by the user pool for the web client', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Audience: [{ Ref: clientId() }], Issuer: { 'Fn::GetAtt': [userPoolId(), 'ProviderURL'] } },
    });
  });

  it('the user pool has no self sign-up, requires TOTP MFA and keeps no roles (no groups, no office attribute)', () => {
    template.resourceCountIs('AWS::Cognito::UserPool', 1);
    template.hasResourceProperties('AWS::Cognito::UserPool', { AdminCreateUserConfig: { AllowAdminCreateUserOnly: true }, MfaConfiguration: 'ON', EnabledMfas: ['SOFTWARE_TOKEN_MFA'] });
    template.resourceCountIs('AWS::Cognito::UserPoolGroup', 0);
    const pool = Object.values(template.findResources('AWS::Cognito::UserPool'))[0] as Resource;
    expect(JSON.stringify(pool.Properties?.Schema ?? [])).not.toContain('office');
  });

  it('the web client signs in on the managed login pages with the code flow only (no USER_PASSWORD_AUTH, no secret)', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      UserPoolId: { Ref: userPoolId() },
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: Match.arrayWith(['openid', 'profile']),
      GenerateSecret: false,
    });
    const client = Object.values(template.findResources('AWS::Cognito::UserPoolClient'))[0] as Resource;
    expect(client.Properties?.ExplicitAuthFlows).not.toContain('ALLOW_USER_PASSWORD_AUTH');
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { ManagedLoginVersion: 2 });
    template.resourceCountIs('AWS::Cognito::ManagedLoginBranding', 1);
  });

  it('only the staff function may create, disable and enable pool users, on this pool only', () => {
    const admin = ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminDisableUser', 'cognito-idp:AdminEnableUser'];
    expect(allowedActionsOfFunction('staff')).toEqual(expect.arrayContaining(admin));
    for (const name of FUNCTIONS.filter((f) => f !== 'staff'))
      expect(
        allowedActionsOfFunction(name).filter((a) => a.startsWith('cognito-idp:')),
        name,
      ).toEqual([]);
    const staffFn = Object.values(template.findResources('AWS::Lambda::Function')).find((f) => JSON.stringify(f).includes('USER_POOL_ID')) as Resource;
    expect(staffFn.Properties?.Environment).toBeDefined();
    expect((staffFn.Properties!.Environment as { Variables: Record<string, unknown> }).Variables.USER_POOL_ID).toEqual({ Ref: userPoolId() });
  });
});

describe('least privilege', () => {
  it('read-only functions cannot write to DynamoDB nor encrypt with the key', () => {
    expect(READ_ONLY_FUNCTIONS.length).toBeGreaterThan(0);
    for (const name of READ_ONLY_FUNCTIONS) {
      const actions = allowedActionsOfFunction(name);
      expect(actions, name).toEqual(expect.arrayContaining(GRANTS_BY_USE[name] ? GRANTS_BY_USE[name].items : ['dynamodb:GetItem', 'dynamodb:Query']));
      for (const write of DYNAMODB_WRITES) expect(actions, name).not.toContain(write);
      expect(
        actions.filter((a) => a === 'dynamodb:*' || a === '*' || a.startsWith('kms:Encrypt') || a.startsWith('kms:GenerateDataKey')),
        name,
      ).toEqual([]);
    }
  });

  it('the other functions can put and update items', () => {
    const writers = FUNCTIONS.filter((f) => !READ_ONLY_FUNCTIONS.includes(f));
    expect(writers.length).toBeGreaterThan(0);
    for (const name of writers) {
      expect(allowedActionsOfFunction(name), name).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem']));
    }
  });

  it('no IAM policy grants DynamoDB actions on every resource or every DynamoDB action', () => {
    const documents: [string, PolicyDocument][] = [
      ...ofType('AWS::IAM::Policy').map(([id, p]) => [id, props(p).PolicyDocument as PolicyDocument] as [string, PolicyDocument]),
      ...ofType('AWS::IAM::ManagedPolicy').map(([id, p]) => [id, props(p).PolicyDocument as PolicyDocument] as [string, PolicyDocument]),
      ...ofType('AWS::IAM::Role').flatMap(([id, r]) => ((props(r).Policies ?? []) as { PolicyDocument: PolicyDocument }[]).map((p) => [id, p.PolicyDocument] as [string, PolicyDocument])),
    ];
    expect(documents.length).toBeGreaterThan(0);
    const offending = documents.flatMap(([id, doc]) =>
      doc.Statement.filter((s) => {
        if (s.Effect !== 'Allow') return false;
        const actions = asList(s.Action);
        const onDynamo = actions.some((a) => a === '*' || a.startsWith('dynamodb:'));
        const wildcardAction = actions.some((a) => a === '*' || a === 'dynamodb:*');
        const wildcardResource = asList(s.Resource).includes('*');
        return onDynamo && (wildcardAction || wildcardResource);
      }).map((s) => `${id}: ${JSON.stringify(s)}`),
    );
    expect(offending).toEqual([]);
  });
});

describe('history and money are kept safe', () => {
  it('no function may delete or scan: history is never deleted and no request scans', () => {
    for (const name of FUNCTIONS) {
      const actions = allowedActionsOfFunction(name);
      for (const forbidden of ['dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:PartiQLDelete', 'dynamodb:DeleteTable', 'dynamodb:Scan']) expect(actions, name).not.toContain(forbidden);
    }
  });

  it('the API stage throttles requests and writes access logs', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() }),
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('routeKey') }),
    });
  });

  it('the API throttles at the rate and burst the README states', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const stated = /API throttling: (\d+) requests per second, bursts of (\d+)/.exec(readme);
    expect(stated, 'README states "API throttling: N requests per second, bursts of M"').not.toBeNull();
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: Number(stated![1]), ThrottlingBurstLimit: Number(stated![2]) }),
    });
  });

  it('every alarm in the template notifies the alarm topic', () => {
    const topicRef = { Ref: logicalId(stack.alerts.topic) };
    const alarms = ofType('AWS::CloudWatch::Alarm');
    expect(alarms.length).toBeGreaterThan(20);
    for (const [id, alarm] of alarms) expect(props(alarm).AlarmActions, `${id} has no action`).toEqual([topicRef]);
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
  });

  it('subscribes the e-mail address given as CDK context alarmEmail to the alarm topic', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [], alarmEmail: 'ops@example.org' } });
    const withEmail = Template.fromStack(new LoanSystemStack(app, 'WithEmail'));
    withEmail.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.org' });
    expect(Object.keys(template.findResources('AWS::SNS::Subscription'))).toEqual([]);
  });

  it('refuses to synthesize alarms that reach nobody: no alarmEmail, or not an address, fails with a message; -c alarmEmail=none says so on purpose', () => {
    const synth = (context: Record<string, string>) => () => new LoanSystemStack(new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } }), 'Alarms');
    expect(synth({})).toThrow(/alarmEmail is not set: the stack's alarms would reach nobody.*-c alarmEmail=ops@example\.org.*-c alarmEmail=none/);
    expect(synth({ alarmEmail: 'ops' })).toThrow(/alarmEmail "ops" is not an e-mail address/);
    expect(synth({ alarmEmail: 'none' })).not.toThrow();
  });

  it('reserves concurrency for the import function only, so bulk imports cannot starve the others', () => {
    expect(props(resource(functionId('imports'))).ReservedConcurrentExecutions).toBeGreaterThan(0);
    for (const name of FUNCTIONS.filter((n) => n !== 'imports')) expect(props(resource(functionId(name))).ReservedConcurrentExecutions, name).toBeUndefined();
  });

  it('every function may read the mothers’ HMAC key from Secrets Manager, and finds it in MOTHER_KEY_SECRET_ARN', () => {
    const secretRef = { Ref: logicalId(stack.data.motherKeySecret) };
    for (const name of FUNCTIONS) {
      const fn = props(resource(functionId(name))) as { Environment: { Variables: Record<string, unknown> } };
      expect(fn.Environment.Variables.MOTHER_KEY_SECRET_ARN, name).toEqual(secretRef);
      expect(allowedActionsOfFunction(name), name).toContain('secretsmanager:GetSecretValue');
    }
  });

  it('every function has an alarm on errors and one on throttles, and the API one on 5xx answers', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, r]) => props(r));
    for (const name of FUNCTIONS) {
      const fnRef = { Ref: functionId(name) };
      for (const metric of ['Errors', 'Throttles']) {
        const found = alarms.some((a) => a.MetricName === metric && JSON.stringify(a.Dimensions).includes(JSON.stringify(fnRef)));
        expect(found, `${metric} alarm of ${name}`).toBe(true);
      }
    }
    expect(alarms.some((a) => a.MetricName === '5xx' || a.MetricName === '5XXError')).toBe(true);
  });
});

describe('the local tables', () => {
  let local: LocalTables;
  type CfnTable = { KeySchema: unknown[]; AttributeDefinitions: unknown[]; GlobalSecondaryIndexes?: { IndexName: string; KeySchema: unknown[]; Projection: unknown }[] };

  beforeAll(() => {
    local = localTables();
  });

  it('are created with the keys, attributes and indexes of the synthesized table', () => {
    const synthesized = ofType('AWS::DynamoDB::Table');
    expect(local.tables).toHaveLength(synthesized.length);
    const records = props(resource(tableId())) as unknown as CfnTable;
    const table = local.tables.find((t) => t.TableName === local.environment.RECORDS_TABLE);
    expect(table, 'a local table named as RECORDS_TABLE').toBeDefined();
    expect(table!.KeySchema).toEqual(records.KeySchema);
    expect(table!.AttributeDefinitions).toEqual(records.AttributeDefinitions);
    expect(table!.GlobalSecondaryIndexes?.map((g) => g.IndexName)).toEqual(records.GlobalSecondaryIndexes?.map((g) => g.IndexName));
    expect(table!.GlobalSecondaryIndexes?.map((g) => g.KeySchema)).toEqual(records.GlobalSecondaryIndexes?.map((g) => g.KeySchema));
    expect(table!.GlobalSecondaryIndexes?.map((g) => g.Projection)).toEqual(records.GlobalSecondaryIndexes?.map((g) => g.Projection));
    expect(table!.ttlAttribute).toBe('expiresAt');
  });

  it('give the functions RECORDS_TABLE naming the local records table', () => {
    expect(local.tables.map((t) => t.TableName)).toContain(local.environment.RECORDS_TABLE);
    expect(local.environment.RECORDS_TABLE).toBe(tableId());
  });
});

describe('the web app', () => {
  it('is served by CloudFront over HTTPS from a private bucket, with the API and OIDC settings in config.json', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ DefaultRootObject: 'index.html', DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }) }),
    });
    template.hasResourceProperties('AWS::S3::Bucket', { PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true } });
    // one deployment of the site and its config.json (the build's Brotli copies go up in deployments of their own, web-brotli.test.ts)
    const deployments = Object.values(template.findResources('Custom::CDKBucketDeployment')).filter((d) => !JSON.stringify(d).includes('"content-encoding"'));
    expect(deployments).toHaveLength(1);
    // config.json is written at deploy time with the API URL and the user pool client filled in
    const text = JSON.stringify(deployments);
    expect(text).toContain('SourceMarkers');
    expect(text).toContain(logicalId(stack.cognito!.client));
    expect(text).toContain(logicalId(stack.api.httpApi));
  });
});
