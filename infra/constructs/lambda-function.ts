/**
 * The project's Lambda function: Node 24 on ARM64, bundled by esbuild as ESM, JSON logs
 * kept 90 days in its own log group, X-Ray tracing, and a role of its own that holds only
 * what `bindData` grants: read-only or read-write on the records table and its key, with
 * no delete (history is never deleted) and no scan.
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Charset, NodejsFunction, OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import * as path from 'node:path';
import { INDEX } from '../../shared/store/keys.ts';
import type { DataStore } from './data.ts';

/** Item reads on the table (ConditionCheckItem: the checks inside a transaction). No DescribeTable: no code calls it (docs/grants.md). */
export const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem'];
/** The only action on the indexes (and on the table, for a partition). */
export const QUERY_ACTIONS = ['dynamodb:Query'];
export const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem'];

/**
 * Functions whose every path the artifact tests walk (docs/grants.md), narrowed to what they
 * use: the item actions on the table, and the key (table or index name) they Query on.
 * - meta: GET /health reads one item; GET /openapi.json reads nothing.
 * - close-of-business: lists active loans per district (casesByScope: id and due date, after the
 *   office tree on the table), reads each loan past due, and puts it back overdue with a history entry (one transaction of puts).
 * - retention: see its entry.
 */
export const GRANTS_BY_USE: Record<string, { items: string[]; query: string[] }> = {
  meta: { items: ['dynamodb:GetItem'], query: [] },
  'close-of-business': { items: ['dynamodb:GetItem', 'dynamodb:PutItem'], query: ['table', INDEX.casesByScope] },
  // retention: reads the settings, each loan and mother, queries the work list, a record's partition and a
  // district's health checks on the table and her records' keys on byMother (read then with BatchGetItem); puts
  // scrubbed items back, writes the plan on its entry (UpdateItem); its DeleteItem is granted by the construct
  // (infra/constructs/retention.ts)
  retention: { items: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'], query: ['table', INDEX.byMother] },
};

/**
 * How every function is bundled (also what `test/infra/bundles.test.ts` builds to hold each
 * bundle to its budget): ESM for Node 24, minified, the SDK left to the runtime, and text
 * kept as UTF-8 (Chinese and Tibetan messages would otherwise be escaped, 6 bytes a character).
 */
export const BUNDLING = {
  format: OutputFormat.ESM,
  target: 'node24',
  minify: true,
  sourceMap: true,
  metafile: true,
  charset: Charset.UTF8,
  externalModules: ['@aws-sdk/*'],
  banner: "import { createRequire as __createRequire } from 'module'; const require = __createRequire(import.meta.url);",
} as const satisfies BundlingOptions;

/**
 * Packages a function loads from a Lambda layer instead of its bundle (with the import names
 * esbuild leaves as they are): the SMS providers' SDKs, 1.7 MB of code that only the sender
 * uses (infra/constructs/sms-layer.ts builds the layer from the installed packages).
 */
export const LAYERED_MODULES: Record<string, readonly string[]> = {
  'sms-sender': ['@alicloud/*', 'tencentcloud-sdk-nodejs-sms'],
};

/**
 * The command NodejsFunction runs after its esbuild step: the bundle built again with the
 * message catalogues split by language (`index.mjs` and `i18n-<lang>.cjs`, infra/function-bundle.ts),
 * written over esbuild's output (docs/performance.md, "Texts per language").
 */
export function textsSplitCommand(projectRoot: string, name: string, outputDir: string): string {
  const q = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
  return [path.join(projectRoot, 'node_modules', '.bin', 'tsx'), path.join(projectRoot, 'infra', 'build-function.ts'), name, outputDir].map(q).join(' ');
}

export interface LoanFunctionProps {
  /** folder under functions/ holding handler.ts */
  name: string;
  environment?: Record<string, string>;
  /** defaults: 10 s, 512 MB */
  timeoutSeconds?: number;
  memorySize?: number;
  /** concurrent executions kept for (and limited to) this function */
  reservedConcurrency?: number;
  /** layers holding the packages LAYERED_MODULES names for this function */
  layers?: lambda.ILayerVersion[];
}

export class LoanFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: iam.Role;
  /** the folder under functions/ */
  readonly name: string;

  constructor(scope: Construct, id: string, props: LoanFunctionProps) {
    super(scope, id);
    this.name = props.name;
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.THREE_MONTHS, removalPolicy: RemovalPolicy.DESTROY });
    this.role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), description: `Runs the ${props.name} function` });
    this.role.addToPolicy(new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
    this.fn = new NodejsFunction(this, 'Function', {
      entry: path.join(import.meta.dirname, '..', '..', 'functions', props.name, 'handler.ts'),
      handler: 'handler',
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: Duration.seconds(props.timeoutSeconds ?? 10),
      ...(props.reservedConcurrency ? { reservedConcurrentExecutions: props.reservedConcurrency } : {}),
      tracing: lambda.Tracing.ACTIVE,
      role: this.role,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      environment: { POWERTOOLS_SERVICE_NAME: 'happiness-loans', NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      bundling: {
        ...BUNDLING,
        externalModules: [...BUNDLING.externalModules, ...(LAYERED_MODULES[props.name] ?? [])],
        commandHooks: { beforeBundling: () => [], beforeInstall: () => [], afterBundling: (inputDir, outputDir) => [textsSplitCommand(inputDir, props.name, outputDir)] },
      },
      ...(props.layers ? { layers: props.layers } : {}),
    });
    Validations.of(this.role).acknowledge(
      { id: `AwsSolutions-IAM5[Resource::<${this.stackLogicalId(logGroup)}.Arn>:*]`, reason: 'log streams of this function’s own log group only; stream names are generated by Lambda' },
      { id: 'AwsSolutions-IAM5[Resource::*]', reason: 'X-Ray PutTraceSegments/PutTelemetryRecords accept no resource narrower than *' },
    );
  }

  private stackLogicalId(c: Construct): string {
    return (c.node.defaultChild as unknown as { logicalId: string }).logicalId;
  }

  /**
   * Grants the records table, its indexes (each named, no wildcard) and the key: item
   * actions on the table only, Query on the table and its indexes; 'RO' reads only, 'RW'
   * also puts and updates. Nobody deletes: history is permanent. What each function uses
   * of this is proven by the artifact tests (docs/grants.md).
   */
  bindData(data: DataStore, envName: string, accessMode: 'RO' | 'RW'): this {
    const table = data.records;
    this.fn.addEnvironment(envName, table.tableName);
    const byUse = GRANTS_BY_USE[this.name];
    const items = accessMode === 'RO' ? READ_ACTIONS : [...READ_ACTIONS, ...WRITE_ACTIONS];
    this.role.addToPolicy(new iam.PolicyStatement({ actions: byUse ? items.filter((a) => byUse.items.includes(a)) : items, resources: [table.tableArn] }));
    const queried = [
      ...((byUse ? byUse.query.includes('table') : true) ? [table.tableArn] : []),
      ...data.indexNames.filter((n) => !byUse || byUse.query.includes(n)).map((name) => `${table.tableArn}/index/${name}`),
    ];
    if (queried.length) this.role.addToPolicy(new iam.PolicyStatement({ actions: QUERY_ACTIONS, resources: queried }));
    // the mothers' HMAC key, read once at cold start (shared/store/mother-key.ts): GetSecretValue only
    this.fn.addEnvironment('MOTHER_KEY_SECRET_ARN', data.motherKeySecret.secretArn);
    this.role.addToPolicy(new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [data.motherKeySecret.secretArn] }));
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: accessMode === 'RO' ? ['kms:Decrypt', 'kms:DescribeKey'] : ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'],
        resources: [data.key.keyArn],
      }),
    );
    return this;
  }
}
