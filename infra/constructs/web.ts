/**
 * The web app on AWS: the built files in a private S3 bucket behind CloudFront (HTTPS,
 * security headers), and a config.json telling the app where the API and the OpenID Connect
 * provider are. Build it first (`npm run build:web`; `npm run synth` does). Left out with
 * `-c webHosting=none` (an office's own web server, e.g. where CloudFront needs an ICP filing).
 * The build writes a Brotli copy of each script and style sheet (`<file>.br`, quality 11,
 * web/vite.config.ts): they are uploaded with `Content-Encoding: br`, and a CloudFront function
 * sends them to browsers that accept `br` (CloudFront compresses the rest itself).
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** The web app's `/config.json` (the dev server serves the same shape locally). */
export interface WebConfig {
  mode: 'oidc';
  apiUrl: string;
  /** the OIDC issuer: discovery at `${authority}/.well-known/openid-configuration` */
  authority: string;
  clientId: string;
  scope: string;
  /** where sign-out goes when the provider's discovery has no end_session_endpoint (Cognito) */
  signOutUrl?: string;
}

export const WEB_DIST = path.join(import.meta.dirname, '..', '..', 'web', 'dist');

/** The viewer-request function: `/assets/x.js` → `/assets/x.js.br` when the browser accepts br (exported for its test). */
export const BROTLI_FUNCTION = `function handler(event) {
  var request = event.request;
  var accepts = request.headers['accept-encoding'];
  if (accepts && /(^|[ ,])br([ ,;]|$)/.test(accepts.value) && /^\\/assets\\/[^/]+\\.(js|css)$/.test(request.uri)) request.uri = request.uri + '.br';
  return request;
}`;

/** The Brotli copies by kind: uploaded with their own type and `Content-Encoding: br`. */
const BROTLI_KINDS = [
  { pattern: 'assets/*.js.br', contentType: 'text/javascript; charset=utf-8' },
  { pattern: 'assets/*.css.br', contentType: 'text/css; charset=utf-8' },
];

export class Web extends Construct {
  readonly distribution: cloudfront.Distribution;
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const logs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(logs).acknowledge({ id: 'AwsSolutions-S1', reason: 'this is the access-log bucket itself; logging it to itself would loop' });
    this.bucket = new s3.Bucket(this, 'Site', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'site/',
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    this.distribution = new cloudfront.Distribution(this, 'Cdn', {
      comment: 'Happiness Project loan system web app',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        compress: true,
        functionAssociations: [{ eventType: cloudfront.FunctionEventType.VIEWER_REQUEST, function: this.brotliCopies() }],
      },
      errorResponses: [{ httpStatus: 403, responseHttpStatus: 200, responsePagePath: '/index.html', ttl: Duration.minutes(1) }],
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cdn/',
    });
    Validations.of(this.distribution).acknowledge(
      { id: 'AwsSolutions-CFR1', reason: 'the programme serves mothers and staff wherever they are; no geo restriction is wanted' },
      { id: 'AwsSolutions-CFR2', reason: 'a static site behind sign-in; the API it calls has throttling and the JWT authorizer. Add AWS WAF when the budget allows' },
      {
        id: 'AwsSolutions-CFR4',
        reason: 'the default CloudFront certificate allows TLS 1.0 negotiation only on the *.cloudfront.net name; attach an ACM certificate for a custom domain to enforce TLS 1.2',
      },
    );
    new CfnOutput(this, 'WebUrl', { value: `https://${this.distribution.distributionDomainName}` });
  }

  /**
   * Sends a built script or style sheet as its Brotli copy to a browser that accepts `br`
   * (the cache key holds the normalised Accept-Encoding under CACHING_OPTIMIZED, so the copy
   * is cached apart from the plain file, which the others get, compressed by CloudFront).
   */
  private brotliCopies(): cloudfront.Function {
    return new cloudfront.Function(this, 'BrotliCopies', {
      comment: 'Serve the build’s precompressed .br copy of /assets/*.js and *.css when the browser accepts br',
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(BROTLI_FUNCTION),
    });
  }

  /** The site's origin, for the API's CORS. */
  get origin(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }

  /** Uploads the built app and its config.json (where the API and the identity provider are). */
  deploy(config: WebConfig): void {
    const sources = existsSync(WEB_DIST) ? [s3deploy.Source.asset(WEB_DIST)] : [];
    const site = new s3deploy.BucketDeployment(this, 'Deploy', {
      destinationBucket: this.bucket,
      distribution: this.distribution,
      sources: [...sources, s3deploy.Source.jsonData('config.json', config)],
      // the Brotli copies go up below with their encoding (excluded files are not pruned either)
      exclude: ['*.br'],
      memoryLimit: 512,
    });
    if (sources.length) {
      for (const [i, kind] of BROTLI_KINDS.entries()) {
        new s3deploy.BucketDeployment(this, `DeployBrotli${i}`, {
          destinationBucket: this.bucket,
          sources,
          exclude: ['*'],
          include: [kind.pattern],
          contentEncoding: 'br',
          contentType: kind.contentType,
          cacheControl: [s3deploy.CacheControl.fromString('public, max-age=31536000, immutable')],
          prune: false,
          memoryLimit: 512,
        }).node.addDependency(site);
      }
    }
    const stack = Stack.of(this);
    Validations.of(stack).acknowledge({ id: 'AwsSolutions-L1', reason: 'the runtime of CDK’s own custom-resource functions is chosen by aws-cdk-lib, not by this project' });
    // CDK's bucket-deployment function is a stack-level singleton, created with the deployment above
    const copier = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (copier) {
      const reason =
        'CDK’s own bucket-deployment function: it copies every object of the site bucket from the CDK asset bucket and invalidates the distribution, so its grants are per-object by nature; it logs with the basic execution role';
      Validations.of(copier).acknowledge(
        ...[
          'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          'AwsSolutions-IAM5[Action::s3:Abort*]',
          'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
          'AwsSolutions-IAM5[Action::s3:GetBucket*]',
          'AwsSolutions-IAM5[Action::s3:GetObject*]',
          'AwsSolutions-IAM5[Action::s3:List*]',
          'AwsSolutions-IAM5[Resource::*]',
          `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket)}.Arn>/*]`,
          `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account}-${Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region}/*]`,
        ].map((id) => ({ id, reason })),
      );
    }
  }
}
