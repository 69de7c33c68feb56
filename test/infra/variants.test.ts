/**
 * The deploy-time variants: identity=oidc (an external provider, the AWS China case: no
 * Cognito there) and webHosting=none (the office's own web server, the ICP case), synthesized
 * for cn-northwest-1 in the aws-cn partition, without bundling. The default variant
 * (cognito + CloudFront) is covered by stack.test.ts and nag.test.ts.
 */
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LoanSystemStack } from '../../infra/stack.ts';

const ISSUER = 'https://sso.example.cn/realms/hp';
const AUDIENCE = 'happiness-project';
const CHINA = { account: '123456789012', region: 'cn-northwest-1' };

/**
 * Services offered in the AWS China regions that the stack may use (AWS China "Services by
 * region"). Cognito user pools are not among them; custom resources are CDK's own Lambdas.
 */
// services offered in the AWS China regions (Beijing, Ningxia) that the stack may use
const CHINA_SERVICES = ['DynamoDB', 'KMS', 'Lambda', 'IAM', 'Logs', 'CloudWatch', 'ApiGatewayV2', 'Events', 'S3', 'CloudFront', 'SNS', 'SecretsManager'];

function synth(context: Record<string, string>, nag = false): { template: Template; json: string; stack: LoanSystemStack } {
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'variant-')), context: { 'aws:cdk:bundling-stacks': [], alarmEmail: 'none', ...context } });
  const stack = new LoanSystemStack(app, 'Variant', { env: CHINA });
  if (nag) {
    // findings make the synth throw, as in `cdk synth`
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    app.synth();
  }
  const template = Template.fromStack(stack);
  return { template, json: JSON.stringify(template.toJSON()), stack };
}

const typesOf = (template: Template) => [...new Set(Object.values(template.toJSON().Resources as Record<string, { Type: string }>).map((r) => r.Type))];

describe.each([
  ['with CloudFront', { webHosting: 'cloudfront' }],
  ['without web hosting', { webHosting: 'none', webOrigin: 'https://loans.example.cn' }],
])('identity=oidc in cn-northwest-1, %s', (_label, hosting) => {
  const { template, json, stack } = synth({ identity: 'oidc', issuer: ISSUER, audience: AUDIENCE, ...hosting });

  it('creates no Cognito resource', () => {
    expect(typesOf(template).filter((t) => t.startsWith('AWS::Cognito::'))).toEqual([]);
    expect(json).not.toContain('cognito-idp');
  });

  it('the JWT authorizer trusts exactly the given issuer and audience', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { AuthorizerType: 'JWT', JwtConfiguration: { Issuer: ISSUER, Audience: [AUDIENCE] } });
  });

  it('writes no hard-coded partition and uses only services offered in the China regions', () => {
    expect(json).not.toContain('arn:aws:');
    const services = typesOf(template).map((t) => (t.startsWith('Custom::') ? 'Lambda' : t.split('::')[1]!));
    expect(services.filter((s) => !CHINA_SERVICES.includes(s))).toEqual([]);
  });

  it('the web app is told the same provider (config.json or an output to copy)', () => {
    expect(stack.webConfig).toMatchObject({ mode: 'oidc', authority: ISSUER, clientId: AUDIENCE });
  });
});

describe('webHosting', () => {
  it('none: no bucket for the site and no CloudFront; the API allows the office’s own origin', () => {
    const { template, json } = synth({ identity: 'oidc', issuer: ISSUER, audience: AUDIENCE, webHosting: 'none', webOrigin: 'https://loans.example.cn' });
    template.resourceCountIs('AWS::CloudFront::Distribution', 0);
    template.resourceCountIs('AWS::S3::Bucket', 0);
    template.resourceCountIs('Custom::CDKBucketDeployment', 0);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: { AllowOrigins: ['https://loans.example.cn'] } });
    expect(json).toContain('WebConfigJson');
  });

  it('cloudfront (default): the distribution serves the app', () => {
    const { template } = synth({ identity: 'oidc', issuer: ISSUER, audience: AUDIENCE });
    template.resourceCountIs('AWS::CloudFront::Distribution', 1);
  });

  it('none without webOrigin, or an unknown value, stops the synth with a message', () => {
    expect(() => synth({ identity: 'oidc', issuer: ISSUER, audience: AUDIENCE, webHosting: 'none' })).toThrow(/webOrigin/);
    expect(() => synth({ webHosting: 'nginx' })).toThrow(/webHosting/);
  });
});

describe('identity', () => {
  it('oidc without an issuer or audience, or an unknown kind, stops the synth with a message', () => {
    expect(() => synth({ identity: 'oidc', audience: AUDIENCE })).toThrow(/issuer/);
    expect(() => synth({ identity: 'oidc', issuer: ISSUER })).toThrow(/audience/);
    expect(() => synth({ identity: 'ldap' })).toThrow(/identity/);
  });

  it('cognito with webHosting=none: sign-in returns to the office’s origin', () => {
    const { template } = synth({ webHosting: 'none', webOrigin: 'https://loans.example.org' });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', { CallbackURLs: ['https://loans.example.org/'] });
  });

  it.each([
    ['identity=oidc, webHosting=none', { identity: 'oidc', issuer: ISSUER, audience: AUDIENCE, webHosting: 'none', webOrigin: 'https://loans.example.cn' }],
    ['identity=oidc with CloudFront', { identity: 'oidc', issuer: ISSUER, audience: AUDIENCE }],
  ])('cdk-nag finds nothing unacknowledged with %s', (_label, context) => {
    expect(() => synth(context, true)).not.toThrow();
  });
});
