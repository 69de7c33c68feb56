/** The artifact layer's checkers on a fake template: a missing variable and an ungranted call name the function; unused grants are listed. */
import { describe, expect, it } from 'vitest';
import { functionsOf, routesOf, type Template } from '../artifacts/support/assembly.ts';
import { grantsOf, iamMatch, missingEnvironment, ungrantedCalls, unusedGrants } from '../artifacts/support/checks.ts';
import { localNames, resolveCfn } from '../artifacts/support/resolve.ts';
import { dynamoCalls, type World } from '../artifacts/support/services.ts';

const template: Template = {
  Resources: {
    Records: { Type: 'AWS::DynamoDB::Table', Properties: {} },
    Secret: { Type: 'AWS::SecretsManager::Secret', Properties: {} },
    LoansRole: { Type: 'AWS::IAM::Role', Properties: {} },
    LoansPolicy: {
      Type: 'AWS::IAM::Policy',
      Properties: {
        Roles: [{ Ref: 'LoansRole' }],
        PolicyDocument: {
          Statement: [
            { Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:PutItem'], Resource: { 'Fn::GetAtt': ['Records', 'Arn'] } },
            { Effect: 'Allow', Action: 'dynamodb:Query', Resource: [{ 'Fn::GetAtt': ['Records', 'Arn'] }, { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Records', 'Arn'] }, '/index/byScope']] }] },
          ],
        },
      },
    },
    Loans: {
      Type: 'AWS::Lambda::Function',
      Properties: {
        Runtime: 'nodejs24.x',
        Handler: 'index.handler',
        Role: { 'Fn::GetAtt': ['LoansRole', 'Arn'] },
        Environment: { Variables: { RECORDS_TABLE: { Ref: 'Records' }, MOTHER_KEY_SECRET_ARN: { Ref: 'Secret' } } },
      },
      Metadata: { 'aws:cdk:path': 'Stack/Api/Fn-loans/Function/Resource' },
    },
    Integration: { Type: 'AWS::ApiGatewayV2::Integration', Properties: { IntegrationUri: { 'Fn::GetAtt': ['Loans', 'Arn'] } } },
    Route: { Type: 'AWS::ApiGatewayV2::Route', Properties: { RouteKey: 'GET /loans', AuthorizationType: 'JWT', Target: { 'Fn::Join': ['', ['integrations/', { Ref: 'Integration' }]] } } },
  },
};
const names = localNames(template, (id) => `local-${id}`);
const world: World = { region: 'r', account: 'a', tableArn: (n) => names.arn.get(names.tables.get(n)!)!, secretValue: () => 'k', userPoolArn: (id) => id };

describe('reading a template', () => {
  it('finds the function, its environment, its role’s statements and its routes', () => {
    const [fn] = functionsOf(template);
    expect(fn).toMatchObject({ name: 'Api/Fn-loans', logicalId: 'Loans', handler: 'index.handler' });
    expect(fn!.statements).toHaveLength(2);
    expect(routesOf(template)).toEqual([{ routeKey: 'GET /loans', target: 'Loans', authorization: 'JWT' }]);
    expect(resolveCfn(fn!.environment.RECORDS_TABLE, names)).toBe('local-Records');
  });
});

describe('environment', () => {
  const [fn] = functionsOf(template);
  it('a variable the code reads that the template does not set fails, naming the function and the place', () => {
    const reads = [{ name: 'REPORTS_BUCKET', site: 'shared/store/reports.ts:12' }];
    expect(missingEnvironment(fn!, reads)).toEqual(['function Api/Fn-loans reads environment variable REPORTS_BUCKET (shared/store/reports.ts:12), which the template does not set for it']);
  });
  it('removing RECORDS_TABLE from the function makes its read fail', () => {
    const { RECORDS_TABLE: _, ...rest } = fn!.environment;
    expect(missingEnvironment({ ...fn!, environment: rest }, [{ name: 'RECORDS_TABLE', site: 'shared/store/client.ts:92' }])).toHaveLength(1);
    expect(missingEnvironment(fn!, [{ name: 'RECORDS_TABLE', site: 'shared/store/client.ts:92' }])).toEqual([]);
  });
  it('optional settings, Lambda’s own variables and reads inside bundled libraries pass', () => {
    const reads = [
      { name: 'MOTHER_KEY', site: 'shared/store/mother-key.ts:35' },
      { name: 'AWS_REGION', site: 'shared/store/client.ts:65' },
      { name: 'NODE_V8_COVERAGE', site: 'node_modules/zod/v4/core/util.js:229' },
    ];
    expect(missingEnvironment(fn!, reads)).toEqual([]);
  });
});

describe('grants', () => {
  const [fn] = functionsOf(template);
  const grants = grantsOf(fn!, names);
  const table = names.arn.get('Records')!;
  it('a call the role does not grant fails, naming the function, action and resource', () => {
    const calls = [...dynamoCalls('Query', { TableName: 'local-Records', IndexName: 'byDue' }, world), ...dynamoCalls('GetItem', { TableName: 'local-Records' }, world)];
    expect(ungrantedCalls(fn!, calls, grants)).toEqual([`function Api/Fn-loans called dynamodb:Query on ${table}/index/byDue, which its role does not grant`]);
  });
  it('a transaction needs each item’s own action on its table', () => {
    const calls = dynamoCalls('TransactWriteItems', { TransactItems: [{ Put: { TableName: 'local-Records' } }, { Update: { TableName: 'local-Records' } }] }, world);
    expect(calls.map((c) => c.action)).toEqual(['dynamodb:PutItem', 'dynamodb:UpdateItem']);
    expect(ungrantedCalls(fn!, calls, grants)).toEqual([`function Api/Fn-loans called dynamodb:UpdateItem on ${table}, which its role does not grant`]);
  });
  it('grants never used are listed', () => {
    const calls = dynamoCalls('GetItem', { TableName: 'local-Records' }, world);
    expect(unusedGrants(calls, grants).map((g) => `${g.action} ${g.resource.replace(table, 'T')}`)).toEqual(['dynamodb:PutItem T', 'dynamodb:Query T', 'dynamodb:Query T/index/byScope']);
  });
  it('IAM wildcards match as IAM matches them', () => {
    expect(iamMatch('kms:GenerateDataKey*', 'kms:generatedatakeywithoutplaintext', true)).toBe(true);
    expect(iamMatch('arn:aws:dynamodb:*:*:table/T', 'arn:aws:dynamodb:r:a:table/T/index/x')).toBe(false);
  });
});
